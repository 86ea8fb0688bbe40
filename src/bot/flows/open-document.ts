import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import { say, type Lang } from '../i18n.js';
import { appLink } from './app-link.js';
import { ACCESS_TEXTS as T } from '../texts/access-texts.js';
import { decideOpen, type Refused } from '../../usecases/viewing/decide-open.js';

export type OpenResult = { allowed: true; url: string } | Refused;

/**
 * "Open" in chat (a card press, an approval): the policy decides now (recorded), so a refusal is
 * explained in chat at once; if allowed, a link to the document in the mini-app. The link carries
 * no credential: the app signs the clinician in and asks for its own view token, so a forwarded
 * link opens nothing for anyone else.
 */
export async function openDocument(deps: Pick<CommandDeps, 'access' | 'publicUrl'>, clinician: ClinicianRow, documentId: string, lang: Lang): Promise<OpenResult> {
  const open = await decideOpen(deps, clinician, documentId, lang);
  if (!open.allowed) return open;
  return { allowed: true, url: appLink(deps.publicUrl, 'doc', documentId) };
}

/** The chat text for an open result. */
export function openText(r: OpenResult, lang: Lang): string {
  if (r.allowed) {
    return say(lang, T.openLink, r.url);
  }
  return [say(lang, T.cannotOpenYet), ...r.reasons.map((s) => `- ${s}`), say(lang, T.askForAccess, r.caseCode)].join('\n');
}
