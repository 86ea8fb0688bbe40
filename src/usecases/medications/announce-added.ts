import type { MedicationAdded, OnMedicationAdded } from '../../domain/medications/medication.js';
import type { Logger } from '../../shared/logger.js';

export interface AnnounceDeps {
  onAdded: OnMedicationAdded;
  logger: Pick<Logger, 'error'>;
}

/**
 * Tells the interaction watch about each new entry, after its transaction committed. The entries are
 * stored whatever the watch does: a watch that fails is logged (ids only) and the next entry is still
 * announced, so one failure cannot hide another entry's alert.
 */
export async function announceAdded(deps: AnnounceDeps, events: readonly MedicationAdded[]): Promise<void> {
  for (const event of events) {
    try {
      await deps.onAdded(event);
    } catch (err) {
      deps.logger.error({ err, caseCode: event.caseCode, entryId: event.entry.id }, 'medication added: the interaction watch failed');
    }
  }
}
