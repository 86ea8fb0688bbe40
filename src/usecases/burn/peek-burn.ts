import type { BurnService } from '../../domain/burn/burn-service.js';
import type { BurnKind } from '../../domain/burn/burn-tables.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Clock } from '../../shared/clock.js';

export interface BurnPeeked {
  itemId: string;
  kind: BurnKind;
  /** True until this recipient's first open. */
  unopened: boolean;
  /** Before the first open, the whole countdown; after it, what is left (at least a second, whole seconds). */
  leftMs: number;
}

/**
 * Whether `viewer` is a recipient who may still read the item, and how long they will have, without
 * opening it (their countdown does not start; escalation is untouched). Refusals are coded and audited
 * by the burn service.
 */
export async function peekBurn(deps: { burn: Pick<BurnService, 'peek'>; clock: Clock }, viewer: ClinicianRow, itemId: string): Promise<BurnPeeked> {
  const view = await deps.burn.peek(viewer, itemId);
  const now = deps.clock.now();
  const leftMs = view.burnAt === null ? view.burnAfterMs : Math.max(1000, Math.ceil((view.burnAt - now) / 1000) * 1000);
  return { itemId: view.itemId, kind: view.kind, unopened: view.burnAt === null, leftMs };
}
