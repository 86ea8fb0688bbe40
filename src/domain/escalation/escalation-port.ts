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
  /** `admitted`: the item type let the colleague open the item itself (they were sent it). */
  escalate(n: StepNotice & { colleagueId: string; admitted: boolean }): Promise<void>;
  /** The initiator hears 1:1 that a recipient has still not opened it, and who was asked (null: nobody left). */
  tellInitiator(n: StepNotice & { initiatorId: string; colleagueId: string | null }): Promise<void>;
}

/**
 * The item's own view of one recipient, checked before every step: `opened` (a view the escalation
 * was not told about), `closed` (destroyed, burned, withdrawn) or `pending`. Optional per item type.
 */
export type ItemProbe = (itemId: string, recipientId: string) => Promise<'pending' | 'opened' | 'closed'>;

/**
 * How one item type is chased, registered by the context that owns the items (documents, allergy
 * alerts; referrals later). Every part is optional: without them an item type gets the configured
 * colleague chain, colleagues who are only told, and no word to the initiator.
 */
export interface EscalationKind {
  /** The item's own view of one recipient, checked before every step. */
  probe?: ItemProbe;
  /** Who is asked next for this type instead of the configured chain (ids in order). */
  colleagues?: (ctx: { recipientId: string; caseId: string; itemId: string }) => Promise<string[]>;
  /**
   * Lets the colleague act on the item themself (e.g. makes them a recipient and sends it to them),
   * inside the step's transaction; false when they could not be let in (they are then only told).
   */
  admit?: (n: StepNotice & { colleagueId: string }) => Promise<boolean>;
  /** Tell the initiator 1:1 at each escalation (and when nobody is left to ask). */
  tellInitiator?: boolean;
  /** The item's own wait before each step instead of the configured one (e.g. a referral's severity window). */
  waitMs?: (itemId: string) => Promise<number | undefined>;
  /** false: no reminder step; the first step already asks the next colleague (a referral is handed on). */
  reminder?: boolean;
  /** Nobody is left to ask (inside the step's transaction): e.g. a referral turns unrouted and its requester is told. */
  exhausted?: (n: StepNotice) => Promise<void>;
}

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
  /** The first wait, when the item type has its own (default: the configured wait). */
  afterMs?: number;
}
