import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { DomainError } from '../../shared/errors.js';
import { say, type Lang } from '../i18n.js';
import { personLine } from '../people.js';
import { ACCESS_TEXTS as T } from '../texts/access-texts.js';

/** Each condition an approval cannot supply, in words for the approver (who treats the patient). */
const CONDITION: Record<string, Record<Lang, (inst: string) => string>> = {
  sharing_consent: {
    en: (inst) => `the patient has not given sharing consent to ${inst}`,
    zh: (inst) => `病人未向${inst}給予互通同意`,
  },
  restricted_consent: {
    en: () => 'the report is in a restricted category and the patient’s extra consent has not been recorded',
    zh: () => '此報告屬受限類別，而病人的額外同意尚未記錄',
  },
  verification: { en: () => 'their registration has not been verified', zh: () => '其註冊資料尚未核實' },
  active_account: { en: () => 'their account is suspended', zh: () => '其帳戶已被暫停' },
  clinical_role: { en: () => 'only doctors, nurses and pharmacists may open patient documents', zh: () => '只有醫生、護士及藥劑師可開啟病人文件' },
  policy: { en: () => 'the access policy would still refuse', zh: () => '存取政策仍會拒絕' },
};

const FIX: Record<string, Record<Lang, (code: string) => string>> = {
  sharing_consent: { en: (c) => `Record the consent first (\`@ConsultBridge consent ${c}\`), or deny the request.`, zh: (c) => `請先記錄同意（@ConsultBridge 同意 ${c}），或拒絕申請。` },
  restricted_consent: { en: (c) => `Record the extra consent first (\`@ConsultBridge consent ${c}\`), or deny the request.`, zh: (c) => `請先記錄額外同意（@ConsultBridge 同意 ${c}），或拒絕申請。` },
};

/**
 * The approver's answer when approving would grant something the policy still refuses: who, which
 * case, and each missing condition by name. Thrown as the same coded error, with the words in
 * `details.text`, so chat (reply-for-error) and the mini-app API show them.
 */
export async function wouldNotOpenError(
  err: DomainError,
  dir: Pick<DirectoryRepository, 'findById' | 'institution'>,
  requester: ClinicianRow,
  caseCode: string,
  lang: Lang,
): Promise<DomainError> {
  const missing = Array.isArray(err.details?.missing) ? (err.details.missing as string[]) : ['policy'];
  const inst = requester.institutionId ? await dir.institution(requester.institutionId) : undefined;
  const instName = inst ? (lang === 'zh' ? (inst.nameZh ?? inst.nameEn) : inst.nameEn) : say(lang, T.theirInstitution);
  const reasons = missing.map((m) => (CONDITION[m] ?? CONDITION.policy!)[lang](instName));
  const fix = FIX[missing.find((m) => FIX[m]) ?? '']?.[lang](caseCode) ?? say(lang, T.denyInstead);
  const who = await personLine(dir, requester, lang);
  const text = say(lang, T.wouldNotOpen, who, caseCode, reasons, fix);
  return new DomainError('approval.would_not_open', text, { details: { missing, text } });
}
