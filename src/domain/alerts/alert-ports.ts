import type { AllergyInput } from '../ehr/ehr-port.js';
import type { ClinicianRow } from '../directory/directory-repository.js';
import type { AllergyAlertRow } from './alert-repository.js';

/** The EHR pending-writes queue: the record is stored (encrypted) in the caller's transaction. */
export interface AlertEhrQueue {
  enqueueAllergy(input: AllergyInput, idemKey: string): Promise<string>;
}

/** The burn-after-reading side: seal the chat copy (no cards: the alert sends its own), and its state. */
export interface AlertChatCopy {
  create(input: {
    caseId: string;
    authorId: string;
    text: string;
    burnAfterMs: number;
    recipients: string[];
  }): Promise<{ itemId: string; recipients: string[]; expiresAt: number }>;
  /** The vault's full upload check of a scan, on its own, so a bad scan is refused before the alert is recorded. */
  checkScan?(bytes: Buffer): Promise<void>;
  /** Seals the optional scan as a document item (the vault checks its type by content); no cards either. */
  createScan(input: { caseId: string; authorId: string; bytes: Buffer; burnAfterMs: number; recipients: string[] }): Promise<{ itemId: string }>;
  /** A scan whose alert never got its chat copy: destroyed at the burn scheduler's next pass. */
  discard(itemId: string): Promise<void>;
  /** True once the item was destroyed (every recipient burned, or its lifetime ended). */
  isGone(itemId: string): Promise<boolean>;
}

/** What the scene-group intent came to: still in the outbox, made (with its id), or given up. */
export type GroupState = { state: 'pending' } | { state: 'made'; openConversationId: string } | { state: 'failed' };

/**
 * The DingTalk face of an alert, implemented at the edge over the outbox (src/bot/alert-notices.ts).
 * Every call only enqueues, keyed by the alert, so it commits with the state it announces and a
 * repeated step never sends twice.
 */
export interface AlertNotices {
  createGroup(alert: AllergyAlertRow, group: { title: string; ownerUserId: string; userIds: string[] }): Promise<void>;
  groupState(alertId: string): Promise<GroupState>;
  /** Content-free cards with [Open] to the group and 1:1; returns their outTrackIds. */
  announce(alert: AllergyAlertRow, caseCode: string, to: { groupId: string | null; userIds: string[] }): Promise<string[]>;
  burned(alert: AllergyAlertRow, caseCode: string, cardIds: string[]): Promise<void>;
  archive(alert: AllergyAlertRow, caseCode: string, groupId: string, removeUserIds: string[]): Promise<void>;
}

/** Who else is involved with the case, as the cases context knows it (ids only). */
export interface AlertCaseView {
  caseCode(caseId: string): string | undefined;
  /** Active care-team members with their care role. */
  team(caseId: string): { clinicianId: string; careRole: string }[];
  /** The patient's HKID, for the EHR record only; the call is audited by the cases context. */
  patientHkid(caseId: string, requestedBy: string): Promise<string>;
  /** Whether the clinician may put content into the case now (the policy's `share` rule). */
  mayShare(clinician: ClinicianRow, caseId: string): Promise<boolean>;
  /** Whether the clinician holds live (unexpired, unrevoked) break-glass on the case. */
  hasBreakGlass(clinicianId: string, caseId: string): Promise<boolean>;
}

/** Lets each recipient open this one item through the policy's `view-approved-grant` rule. */
export interface AlertGrants {
  grantItem(input: { itemId: string; caseId: string; clinicianIds: string[]; expiresAt: number; grantedBy: string }): Promise<void>;
}

/** Unread escalation of the alert (urgent): reminders, DING, the next colleague. */
export interface AlertEscalation {
  track(input: { itemType: 'alert'; itemId: string; caseId: string; recipients: string[]; urgent: boolean; initiatorId: string }): Promise<number>;
  /** The chat copy is gone: nobody is chased for it any more. */
  cancel(itemId: string, reason?: string): Promise<number>;
}
