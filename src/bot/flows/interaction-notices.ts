import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { InteractionNotices } from '../../usecases/interactions/interaction-ports.js';
import { say } from '../i18n.js';
import type { Notifier } from '../outbound.js';
import { langOf } from '../people.js';
import { INTERACTION_TEXTS as T } from '../texts/interaction-texts.js';
import { appLink, medicationsLink } from './app-link.js';

/** The card's outTrackId, one per (alert, recipient): sending it twice can never post twice. */
export const interactionCardId = (alertId: string, clinicianId: string) => `interaction:${alertId}:${clinicianId}`;

/**
 * The chat side of interaction alerts: the urgent card (both languages, one [Open] link to the
 * mini-app's /doctor/interactions/:id) and the "could not be checked" 1:1. Content-free: case code,
 * severity, link. A clinician missing from the directory throws, so nothing is stored without its card.
 */
export function createInteractionNotices(deps: { directoryRepo: Pick<DirectoryRepository, 'findById'>; notify: Pick<Notifier, 'cardToUser' | 'toUser'>; publicUrl: string }): InteractionNotices {
  const person = async (id: string) => {
    const c = await deps.directoryRepo.findById(id);
    if (!c) throw new Error('interaction notice: clinician not in directory');
    return c;
  };
  return {
    async alert({ alertId, caseCode, severity, clinicianId }) {
      const c = await person(clinicianId);
      const url = appLink(deps.publicUrl, 'doctor/interactions', alertId);
      await deps.notify.cardToUser(interactionCardId(alertId, clinicianId), c.dingtalkUserId, T.cardTitle(caseCode, severity), T.cardText, [{ label: T.open, action: 'open_link', url }]);
    },
    async unchecked({ entryId, caseCode, clinicianId }) {
      const c = await person(clinicianId);
      const lang = langOf(c);
      const text = say(lang, T.unchecked, caseCode, medicationsLink(deps.publicUrl, caseCode));
      await deps.notify.toUser(`interaction-unchecked:${entryId}:${clinicianId}`, c.dingtalkUserId, say(lang, T.uncheckedTitle, caseCode), text);
    },
  };
}
