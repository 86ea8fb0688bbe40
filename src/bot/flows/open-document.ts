import { explain } from '../../domain/access/access-explain.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDateTime } from '../format.js';
import type { Lang } from '../i18n.js';

export type OpenResult = { allowed: true; url: string; expiresAt: number } | { allowed: false; reasons: string[]; caseCode: string };

/**
 * "Open" on a document card: the policy decides for this clinician now; if allowed they get a view
 * link bound to them (a short-lived view token), else the plain-language reasons and how to ask.
 */
export function openDocument(deps: CommandDeps, clinician: ClinicianRow, documentId: string, lang: Lang): OpenResult {
  const { decision, caseCode } = deps.secure.access.decideView(clinician, documentId);
  if (!decision.allowed) return { allowed: false, reasons: explain(decision, lang), caseCode };
  const { token, expiresAt } = deps.viewTokens.issue(documentId, clinician.id, deps.clock.now());
  return { allowed: true, url: `${deps.publicUrl}/view/${token}`, expiresAt };
}

/** The chat text for an open result. */
export function openText(r: OpenResult, lang: Lang): string {
  if (r.allowed) {
    return lang === 'zh'
      ? `[開啟報告](${r.url})（連結只供你使用，有效至 ${hkDateTime(r.expiresAt)}）`
      : `[Open report](${r.url}) (link for you only, valid until ${hkDateTime(r.expiresAt)})`;
  }
  const ask = lang === 'zh' ? `如需存取，請按「申請存取」或輸入 \`@ConsultBridge request ${r.caseCode} <原因>\`。` : `To ask for access press [Request access] or type \`@ConsultBridge request ${r.caseCode} <reason>\`.`;
  return [lang === 'zh' ? '你暫時不能開啟此文件：' : 'You can’t open this yet:', ...r.reasons.map((s) => `- ${s}`), ask].join('\n');
}
