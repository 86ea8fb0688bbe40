import type { PurposeOfUse } from '../../contract/purpose-of-use.js';
import type { ReferralSeverity, ReferralStatus } from '../../contract/referrals.js';

/** What opened a referral when no person did: a consult rule on one item. */
export interface ReferralTrigger {
  ruleId: string;
  itemType: 'document' | 'observation' | 'form';
  itemId: string;
}

export interface OpenReferralInput {
  caseId: string;
  /** null: opened by a rule (the system); the case's attending is told. */
  requesterId: string | null;
  specialty: string;
  /** null: the configured fallback order of institutions. */
  institutionId: string | null;
  severity: ReferralSeverity;
  purposeCode: PurposeOfUse;
  /** Mini-app only; sealed at rest, never in chat or the audit. */
  reasonText?: string;
  trigger?: ReferralTrigger;
}

export interface OpenReferralResult {
  referralId: string;
  /** null when nobody is on call anywhere in the fallback order. */
  assigneeId: string | null;
  status: ReferralStatus;
}

/** Opens one referral and routes it; consult rules and Yida filings call it too. */
export type OpenReferral = (input: OpenReferralInput) => Promise<OpenReferralResult>;
