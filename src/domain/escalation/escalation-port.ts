import type { EscalationItemType } from './escalation-tables.js';

/** What one step is about; ids only. The notifier turns it into content-free chat text. */
export interface StepNotice {
  /** Outbox key: doing the same step twice can never send twice. */
  idemKey: string;
  itemType: EscalationItemType;
  itemId: string;
  caseId: string;
  recipientId: string;
  initiatorId: string | null;
  /** Since when the recipient has had the item unopened. */
  since: number;
}

/**
 * How steps reach people. Implemented at the edge (src/bot/flows/escalation-notices.ts) over the
 * outbox; called inside the step's transaction, so a step and its messages commit together.
 */
export interface EscalationNotifier {
  remind(n: StepNotice): Promise<void>;
  ding(n: StepNotice): Promise<void>;
  escalate(n: StepNotice & { colleagueId: string }): Promise<void>;
}

/**
 * The item's own view of one recipient, checked before every step: `opened` (a view the escalation
 * was not told about), `closed` (destroyed, burned, withdrawn) or `pending`. Optional per item type.
 */
export type ItemProbe = (itemId: string, recipientId: string) => Promise<'pending' | 'opened' | 'closed'>;

export interface TrackInput {
  itemType: EscalationItemType;
  itemId: string;
  caseId: string;
  /** Clinician ids who must open the item. */
  recipients: readonly string[];
  /** Only urgent items are chased; anything else is ignored, so callers may pass their flag through. */
  urgent: boolean;
  /** Who shared or raised it; never a recipient or a colleague to escalate to. */
  initiatorId?: string;
}
