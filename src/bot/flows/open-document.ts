import { explain } from '../../domain/access/access-explain.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import { say, type Lang } from '../i18n.js';
import { appLink } from './app-link.js';
import { ACCESS_TEXTS as T } from '../texts/access-texts.js';

type Refused = { allowed: false; reasons: string[]; caseCode: string };
export type OpenResult = { allowed: true; url: string } | Refused;
export type ViewTokenResult = { allowed: true; token: string; expiresAt: number } | Refused;

/**
 * The mini-app asks to view a document: the policy decides for this clinician now (recorded); if
 * allowed they get a short-lived view token bound to them, else the plain-language reasons.
 */
export function issueViewToken(deps: Pick<CommandDeps, 'secure' | 'viewTokens' | 'clock'>, clinician: ClinicianRow, documentId: string, lang: Lang): ViewTokenResult {
  const { decision, caseCode, insider } = deps.secure.access.decideView(clinician, documentId);
  if (!decision.allowed) return { allowed: false, reasons: explain(decision, lang, { patientFacts: insider }), caseCode };
  const { token, expiresAt } = deps.viewTokens.issue(documentId, clinician.id, deps.clock.now());
  return { allowed: true, token, expiresAt };
}

/**
 * "Open" in chat (a card press, an approval): the policy decides now (recorded), so a refusal is
 * explained in chat at once; if allowed, a link to the document in the mini-app. The link carries
 * no credential: the app signs the clinician in and asks for its own view token, so a forwarded
 * link opens nothing for anyone else.
 */
export function openDocument(deps: CommandDeps, clinician: ClinicianRow, documentId: string, lang: Lang): OpenResult {
  const { decision, caseCode, insider } = deps.secure.access.decideView(clinician, documentId);
  if (!decision.allowed) return { allowed: false, reasons: explain(decision, lang, { patientFacts: insider }), caseCode };
  return { allowed: true, url: appLink(deps.publicUrl, 'doc', documentId) };
}

/** The chat text for an open result. */
export function openText(r: OpenResult, lang: Lang): string {
  if (r.allowed) {
    return say(lang, T.openLink, r.url);
  }
  return [say(lang, T.cannotOpenYet), ...r.reasons.map((s) => `- ${s}`), say(lang, T.askForAccess, r.caseCode)].join('\n');
}
