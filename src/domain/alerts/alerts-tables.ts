import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * `new`: raised, the structured record queued for the EHR, the chat copy not yet sealed;
 * `group_pending`: the chat copy is sealed and the scene group is being created;
 * `sent`: the cards are out (to the group, or 1:1 when no group could be made);
 * `archived`: the temporary group's members were removed; `failed`: the chat copy was never sealed.
 */
export type AlertStatus = 'new' | 'group_pending' | 'sent' | 'archived' | 'failed';

/**
 * Emergency allergy alerts: ids and times only. The allergy itself lives in two other places, both
 * encrypted: the EHR pending-writes queue (until the EHR has it) and the burn-after-reading item
 * (the chat copy, until it burns). Member and card lists are JSON arrays of DingTalk ids.
 */
export const allergyAlerts = sqliteTable(
  'allergy_alerts',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    raisedBy: text().notNull(),
    status: text().$type<AlertStatus>().notNull(),
    /** The EHR pending-write id: the structured record, kept until written (burning never touches it). */
    ehrPendingId: text().notNull(),
    /** The burn-after-reading item holding the chat copy. */
    ephemeralItemId: text(),
    /** The optional scan (PDF/JPEG/PNG) as its own burn-after-reading document item; never sent to the EHR. */
    scanItemId: text(),
    /** Clinician ids the alert is for (group members and 1:1), JSON. */
    recipientIds: text().notNull().default('[]'),
    /** Clinician ids who get the card 1:1 instead of in the group, JSON. */
    directIds: text().notNull().default('[]'),
    /** DingTalk user ids put into the scene group, owner first, JSON. */
    memberUserIds: text().notNull().default('[]'),
    /** The scene group's openConversationId once DingTalk made it; null when the alert went 1:1. */
    sceneGroupId: text(),
    /** Card outTrackIds sent, JSON; updated to "burned" when the chat copy is destroyed. */
    cardIds: text().notNull().default('[]'),
    createdAt: integer().notNull(),
    sentAt: integer(),
    archiveAt: integer().notNull(),
    archivedAt: integer(),
    burnNotedAt: integer(),
  },
  (t) => [index('allergy_alerts_status_idx').on(t.status, t.archiveAt), index('allergy_alerts_case_idx').on(t.caseId),
    // The alert a burn item carries (the inbox leaves alert copies out; a burn's alert is looked up): was a read of every alert.
    index('allergy_alerts_item_idx').on(t.ephemeralItemId)],
);
