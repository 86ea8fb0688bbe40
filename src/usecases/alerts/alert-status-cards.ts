import type { AllergyAlertRow } from '../../domain/alerts/alert-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { alertDeliveryStatus, type AlertDeliveryStatus, type AlertStatusDeps } from './alert-status.js';

/** After the copy burned, the card is kept in step this much longer (its last update still to go out). */
export const STATUS_CARD_AFTER_BURN_MS = 60 * 60_000;

/**
 * The raiser's live status card in chat, implemented by the bot over the outbox
 * (src/bot/flows/alert-status-card.ts): names and states only, the case code, an [Open] to /alert/:id.
 */
export interface AlertStatusCard {
  /** Posts the card the first time; afterwards updates it in place when what it shows has changed. */
  show(raiser: ClinicianRow, status: AlertDeliveryStatus): Promise<void>;
}

export interface AlertStatusCardsDeps extends AlertStatusDeps {
  alerts: AlertStatusDeps['alerts'] & { statusCardLive(burnedSince: number): Promise<AllergyAlertRow[]> };
  card: AlertStatusCard;
  clock: Clock;
  logger: Logger;
}

/**
 * Keeps each live alert's status card in step with what the raiser's /alert/:id screen shows: per
 * recipient delivered, opened, the colleague an unread escalation asked, and at last "burned". Run on
 * the alerts' ticker, so it sees every kind of change (a card reaching DingTalk has no event of its own);
 * the card decides whether anything changed, so a pass that finds nothing new sends nothing. One
 * alert failing is logged and the others go on. Returns how many cards were looked at.
 */
export async function refreshAlertStatusCards(deps: AlertStatusCardsDeps): Promise<number> {
  let shown = 0;
  for (const alert of await deps.alerts.statusCardLive(deps.clock.now() - STATUS_CARD_AFTER_BURN_MS)) {
    try {
      const raiser = await deps.directory.findById(alert.raisedBy);
      if (!raiser) continue;
      await deps.card.show(raiser, await alertDeliveryStatus(deps, raiser, alert.id));
      shown++;
    } catch (err) {
      // Ids and a code only: a PHI-guard refusal names no value.
      deps.logger.warn({ code: 'alert.status_card_failed', alertId: alert.id, err: (err as Error).message }, 'alert status card not refreshed');
    }
  }
  return shown;
}
