import { createHash } from 'node:crypto';
import type { CardButton, Notifier } from '../outbound.js';

/** What a live card shows: the template's title, text and buttons. */
export interface LiveCardContent {
  title: string;
  text: string;
  buttons: CardButton[];
}

export type LiveCardOutcome = 'posted' | 'updated' | 'unchanged' | 'waiting';

const digestOf = (c: LiveCardContent): string => createHash('sha256').update(JSON.stringify([c.title, c.text, c.buttons])).digest('hex').slice(0, 16);

/**
 * A 1:1 card kept in step with something that changes (an allergy alert's delivery status), for a
 * caller that looks again and again: posted once under `cardId`, then updated in place (the same
 * `card.update` path as settled approval cards) whenever what it should show differs from the last
 * update. One change in flight at a time: while the card or its last update is still in the outbox,
 * nothing new is enqueued (the next look sends the newest state), so an update never overtakes an
 * older one and never reaches DingTalk before the card. Update keys carry a sequence number and a
 * digest of the content (`<cardId>:u:<n>:<digest>`), so two looks that see the same state send it
 * once. A card DingTalk never took (dead in the outbox) is left alone. The first look after the card
 * arrived sends its state once more (the posted content is not kept to compare with).
 */
export async function showLiveCard(notify: Notifier, cardId: string, userId: string, content: LiveCardContent): Promise<LiveCardOutcome> {
  const card = (await notify.cardsPosted(cardId)).find((c) => c.outTrackId === cardId);
  if (!card) {
    await notify.cardToUser(cardId, userId, content.title, content.text, content.buttons);
    return 'posted';
  }
  if (card.status !== 'sent') return 'waiting';
  const updates = await notify.cardUpdates(`${cardId}:u:`);
  const last = updates[updates.length - 1];
  if (last?.status === 'pending') return 'waiting';
  const digest = digestOf(content);
  if (last && last.outTrackId.endsWith(`:${digest}`)) return 'unchanged';
  await notify.updateCard(`${cardId}:u:${updates.length + 1}:${digest}`, cardId, content.title, content.text, content.buttons);
  return 'updated';
}
