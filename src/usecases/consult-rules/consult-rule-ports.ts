import type { ReferralSeverity } from '../../contract/referrals.js';
import type { RuleItemType } from '../../domain/consult-rules/rule-firings.js';

/** What the case's attending is told when a rule opened a referral: codes only, never the flag or a value. */
export interface RuleFiredNotice {
  firingId: string;
  clinicianId: string;
  caseCode: string;
  ruleId: string;
  severity: ReferralSeverity;
  specialty: string;
  itemType: RuleItemType;
}

/** The 1:1 chat notice to the attending (the bot words and sends it). */
export interface ConsultRuleNotices {
  ruleFired(notice: RuleFiredNotice): Promise<void>;
}

/** A document shared into a case or imported, as the rules see it; `flags` stay in memory. */
export interface DocumentSharedEvent {
  caseId: string;
  caseCode: string;
  documentId: string;
  docType: string;
  flags: readonly string[];
}

/** The hook sharing calls after a document is registered (compose wires it to the consult rules). */
export type OnDocumentShared = (event: DocumentSharedEvent) => Promise<void>;
