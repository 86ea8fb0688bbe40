import type { OpenedBurn } from '../../domain/burn/burn-reader.js';
import type { BurnService } from '../../domain/burn/burn-service.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { ViewTokens } from '../../domain/sharing/view-token.js';
import type { Clock } from '../../shared/clock.js';
import { clinicianName } from '../../domain/directory/clinician-names.js';
import { formatHkTime } from '../../domain/viewing/hk-time.js';

/** Whole seconds left until `burnAt` (never negative). */
export const secondsLeft = (burnAt: number, now: number): number => Math.max(0, Math.ceil((burnAt - now) / 1000));

export interface ReadBurnDeps {
  burn: Pick<BurnService, 'open'>;
  escalation: Pick<EscalationService, 'opened'>;
}

/**
 * The one place a recipient's open happens: the burn service checks and (on the first open) starts
 * their countdown; that first open also stops unread escalation of the item at once. A later open
 * stops nothing. The caller owns the plaintext it gets back (and zeroes document bytes).
 */
export async function readBurn(deps: ReadBurnDeps, viewer: ClinicianRow, itemId: string): Promise<OpenedBurn> {
  const out = await deps.burn.open(viewer, itemId);
  if (out.firstOpen) await deps.escalation.opened(itemId, viewer.id);
  return out;
}

/** Who is reading, stamped over a burn text as DingTalk's 密聊 does: name, role, and when (HKT). */
export interface ViewerWatermark {
  name: string;
  role: string | null;
  at: string;
}

export type BurnOpened =
  | { kind: 'text'; text: string; remainingSeconds: number; watermark: ViewerWatermark }
  /** The document is fetched with this burn view token (bound to the viewer); its countdown starts at that fetch. */
  | { kind: 'document'; token: string; expiresAt: number; remainingSeconds: number | null };

export interface OpenBurnDeps extends ReadBurnDeps {
  burn: Pick<BurnService, 'peek' | 'open'>;
  viewTokens: Pick<ViewTokens, 'issue'>;
  clock: Clock;
}

/**
 * Opening an item in the mini-app. Text opens now (the first open starts my countdown and stops
 * escalation) and comes with my watermark for the screen to stamp over it; a document only gets a
 * burn view token bound to me, without opening it (its PDF is stamped on the server).
 */
export async function openBurn(deps: OpenBurnDeps, viewer: ClinicianRow, itemId: string): Promise<BurnOpened> {
  const view = await deps.burn.peek(viewer, itemId);
  if (view.kind === 'document') {
    const now = deps.clock.now();
    const { token, expiresAt } = deps.viewTokens.issue(itemId, viewer.id, now);
    return { kind: 'document', token, expiresAt, remainingSeconds: view.burnAt === null ? null : secondsLeft(view.burnAt, now) };
  }
  const out = await readBurn(deps, viewer, itemId);
  const now = deps.clock.now();
  const watermark = { name: clinicianName(viewer), role: viewer.role, at: formatHkTime(now) };
  return { kind: 'text', text: out.text!, remainingSeconds: secondsLeft(out.burnAt, now), watermark };
}
