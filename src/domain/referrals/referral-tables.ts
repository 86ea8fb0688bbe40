import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { PurposeOfUse } from '../../contract/purpose-of-use.js';
import type { ReferralDeclineReason, ReferralSeverity, ReferralStatus } from '../../contract/referrals.js';


/** What a consult rule's trigger names (null on referrals a person opened). */
export type ReferralTriggerItemType = 'document' | 'observation' | 'form';

/**
 * A request for a specialist's opinion on a case, routed to one clinician at a time (`assigneeId`,
 * null while nobody is on call anywhere in the fallback order). Codes and ids only, except `reason`:
 * the requester's free text from the mini-app, sealed (free-text cipher, column `referrals.reason`),
 * never in chat or the audit. `requesterId` is null when a consult rule opened it (`trigger*` say
 * which rule on which item). Open = sent, seen or escalated; the (assignee, status) index keeps "open
 * referrals per clinician" a cheap count for routing and the dashboard.
 */
export const referrals = sqliteTable(
  'referrals',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    requesterId: text(),
    /** The institution routed to (from the command, or the first in the fallback order with someone on call). */
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
    /** The consult grant acceptance made. */
    grantId: text(),
    sentAt: integer().notNull(),
    seenAt: integer(),
    escalatedAt: integer(),
    acceptedAt: integer(),
    declinedAt: integer(),
    cancelledAt: integer(),
  },
  (t) => [
    index('referrals_assignee_status_idx').on(t.assigneeId, t.status),
    index('referrals_case_idx').on(t.caseId, t.sentAt),
    index('referrals_status_sent_idx').on(t.status, t.sentAt),
  ],
);
