import type { RosterShift } from '../../domain/rosters/roster-port.js';

/**
 * How a roster change reaches the clinicians it moves, implemented at the edge
 * (src/bot/flows/roster-notices.ts) over the outbox; called inside the change's transaction, so the
 * change and its messages commit together. Names, roster and HK times only: never patient data.
 */
export interface RosterNotices {
  /** `covering` (a piece of `replaced`) now belongs to its clinician; both they and the one replaced are told. */
  covered(change: { actorId: string; at: number; covering: RosterShift; replaced: RosterShift }): Promise<void>;
  /** Two shifts exchanged clinicians (`a` and `b` as they were before): each clinician is told what they now hold. */
  swapped(change: { actorId: string; at: number; a: RosterShift; b: RosterShift }): Promise<void>;
}
