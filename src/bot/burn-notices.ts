import type { CasesRepository } from '../domain/cases/cases-repository.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import { formatBurnDuration } from '../domain/burn/burn-duration.js';
import type { BurnNotices } from '../domain/burn/burn-ports.js';
import type { CardButton, Notifier } from './outbound.js';
import { personLine } from './people.js';

/** The card button that opens a burn-after-reading item (see card-actions.ts). */
export const BURN_OPEN_ACTION = 'burn_open';

/**
 * The DingTalk face of burn-after-reading: a content-free card per group (or 1:1), and on destruction
 * each card replaced by "has burned (opened by n of m)" with its button removed. Keyed by outTrackId,
 * so a retried run never sends twice; a failed update is retried by the outbox while the content is
 * already gone locally.
 */
export function createBurnNotices(deps: {
  notify: Notifier;
  directoryRepo: DirectoryRepository;
  casesRepo: Pick<CasesRepository, 'caseById'>;
}): BurnNotices {
  const codeOf = async (caseId: string) => (await deps.casesRepo.caseById(caseId))?.code ?? '';
  return {
    async announce(item, cards) {
      const code = await codeOf(item.caseId);
      const title = `🔥 Burn-after-reading message · case ${code}`;
      const text = `From ${await personLine(deps.directoryRepo, item.authorId, 'en')} · burns ${formatBurnDuration(item.burnAfterMs)} after you open it · 閱後即焚`;
      const buttons: CardButton[] = [{ label: 'Open 開啟', action: BURN_OPEN_ACTION, params: { itemId: item.id }, opens: { screen: 'burn', id: item.id } }];
      for (const card of cards) {
        if (card.conversationId) await deps.notify.cardToGroup(card.outTrackId, card.conversationId, title, text, buttons);
        else if (card.userId) await deps.notify.cardToUser(card.outTrackId, card.userId, title, text, buttons);
      }
    },

    async burned(item, cards, { opened, total }) {
      const title = `🔥 Message for ${await codeOf(item.caseId)} has burned (opened by ${opened} of ${total}).`;
      for (const card of cards) {
        await deps.notify.updateCard(`burned:${card.outTrackId}`, card.outTrackId, title, '此訊息已銷毀。', []);
      }
    },
  };
}
