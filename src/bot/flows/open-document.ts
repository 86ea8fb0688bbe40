import { explain } from '../../domain/access/access-explain.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import type { Lang } from '../i18n.js';
import { appLink } from './app-link.js';

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
    return lang === 'zh'
      ? `[開啟報告](${r.url})（在 ConsultBridge 內開啟，只有你本人登入後可查看）`
      : `[Open report](${r.url}) (opens in ConsultBridge; only you can view it, signed in)`;
  }
  const ask = lang === 'zh' ? `如需存取，請按「申請存取」或輸入 \`@ConsultBridge request ${r.caseCode} <原因>\`。` : `To ask for access press [Request access] or type \`@ConsultBridge request ${r.caseCode} <reason>\`.`;
  return [lang === 'zh' ? '你暫時不能開啟此文件：' : 'You can’t open this yet:', ...r.reasons.map((s) => `- ${s}`), ask].join('\n');
}
