import { index, pgTable, text } from 'drizzle-orm/pg-core';
import type { PurposeOfUse } from '../../contract/purpose-of-use.js';
import type { ReferralDeclineReason, ReferralSeverity, ReferralStatus } from '../../contract/referrals.js';
import type { ReferralTriggerItemType } from '../../domain/referrals/referral-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/referrals/referral-tables.ts. */
export const referrals = pgTable(
  'referrals',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    requesterId: text(),
    institutionId: text(),
    specialty: text().notNull(),
    severity: text().$type<ReferralSeverity>().notNull(),
    purposeCode: text().$type<PurposeOfUse>().notNull(),
    reason: text(),
    triggerRuleId: text(),
    triggerItemType: text().$type<ReferralTriggerItemType>(),
    triggerItemId: text(),
    assigneeId: text(),
    status: text().$type<ReferralStatus>().notNull(),
    declineReason: text().$type<ReferralDeclineReason>(),
    grantId: text(),
    sentAt: ms().notNull(),
    seenAt: ms(),
    escalatedAt: ms(),
    acceptedAt: ms(),
    declinedAt: ms(),
    cancelledAt: ms(),
  },
  (t) => [
    index('referrals_assignee_status_idx').on(t.assigneeId, t.status),
    index('referrals_case_idx').on(t.caseId, t.sentAt),
    index('referrals_status_sent_idx').on(t.status, t.sentAt),
  ],
);
