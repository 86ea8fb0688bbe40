import type { BotMessage } from '../dingtalk/bot-message.js';
import type { OutboxIntent } from '../dingtalk/outbox-handlers.js';
import { BOT_REPLY_KIND, type BotReplyPayload } from '../dingtalk/reply-delivery.js';
import type { OutgoingMessage, ReplyTarget } from './context.js';
import { appLink, dingtalkOpenLink, type AppScreen } from './flows/app-link.js';

/** A card button: its label and the params DingTalk sends back in the callback when pressed. */
export interface CardButton {
  label: string;
  action: string;
  params?: Record<string, string>;
  /** A link button instead of a callback. */
  url?: string;
  /**
   * The mini-app screen the button opens: the card carries it as `openUrl`, DingTalk's in-place deep
   * link, and keeps `action`/`params`, whose callback sends the 1:1 link, as the fallback.
   */
  opens?: { screen: AppScreen; id: string };
}

/** A button as the card template receives it: `opens` turned into the deep link. */
type SentButton = Omit<CardButton, 'opens'> & { openUrl?: string };

/** The outbox as the bot needs it: enqueue an intent under an idempotency key, and look up cards it posted. */
export interface OutboxPort {
  enqueue(intent: OutboxIntent & { idemKey: string }): Promise<unknown>;
  withKeyPrefix(prefix: string, kind: 'card.deliver' | 'card.update'): Promise<{ idemKey: string; status: string; updatedAt: number }[]>;
}

/** What a card press answers: new card values for everyone and for the presser. */
export interface CardAnswer {
  cardData?: { cardParamMap: Record<string, string> };
  userPrivateData?: { cardParamMap: Record<string, string> };
}

/** A card the bot posted: its outTrackId, and whether DingTalk has it (`sent`) and since when. */
export interface PostedCard {
  outTrackId: string;
  status: string;
  at: number;
}

/**
 * The one way the bot sends anything: answer the sender (`forMessage`), message someone 1:1 or a
 * group, or post a card. Every send is a durable outbox intent under a key, so doing the same step
 * twice (a redelivered message, a double press) can never send twice. Everything here is
 * content-free by construction: case codes, names, roles, links — and the outbound PHI guard checks
 * it again at enqueue. Each send resolves once its intent is stored (inside the caller's transaction
 * when awaited in one), and rejects when it is refused.
 */
export function createOutbound(outbox: OutboxPort, cardTemplateId: string, publicUrl: string) {
  const sent = (buttons: CardButton[]): SentButton[] =>
    buttons.map(({ opens, ...b }) => (opens ? { ...b, openUrl: dingtalkOpenLink(appLink(publicUrl, opens.screen, opens.id)) } : b));
  const card = (title: string, text: string, buttons: CardButton[], extra: Record<string, string> = {}) => ({
    cardTemplateId,
    cardParamMap: { ...extra, title, text, buttons: JSON.stringify(sent(buttons)) },
  });
  return {
    /**
     * A message's `reply()`: keyed by the inbound msgId and the reply's position, so a redelivered
     * message can never produce a second reply.
     */
    forMessage(msg: BotMessage) {
      let seq = 0;
      return async (message: OutgoingMessage | string, target: ReplyTarget = 'conversation'): Promise<void> => {
        const m = typeof message === 'string' ? { title: 'ConsultBridge', text: message } : message;
        const toUser = target !== 'conversation' ? target.userId : undefined;
        const payload: BotReplyPayload = toUser
          ? { conversationType: 'direct', userId: toUser, message: m }
          : {
              conversationType: msg.conversationType,
              conversationId: msg.conversationId,
              userId: msg.conversationType === 'direct' ? msg.senderUserId : undefined,
              webhook: msg.sessionWebhook,
              webhookExpiresAt: msg.sessionWebhookExpiresAt,
              message: m,
            };
        await outbox.enqueue({ idemKey: `reply:${msg.msgId}:${seq++}`, kind: BOT_REPLY_KIND, payload });
      };
    },
    async toUser(idemKey: string, userId: string, title: string, text: string): Promise<void> {
      await outbox.enqueue({ idemKey, kind: 'oto.send', payload: { userIds: [userId], msgKey: 'sampleMarkdown', msgParam: { title, text } } });
    },
    async toGroup(idemKey: string, openConversationId: string, title: string, text: string): Promise<void> {
      await outbox.enqueue({ idemKey, kind: 'group.send', payload: { openConversationId, msgKey: 'sampleMarkdown', msgParam: { title, text } } });
    },
    async cardToGroup(idemKey: string, openConversationId: string, title: string, text: string, buttons: CardButton[]): Promise<void> {
      await outbox.enqueue({ idemKey, kind: 'card.deliver', payload: { outTrackId: idemKey, target: { type: 'group', openConversationId }, ...card(title, text, buttons) } });
    },
    /** `extra`: more of the template's values, e.g. the `status` line a card is later settled by. */
    async cardToUser(idemKey: string, userId: string, title: string, text: string, buttons: CardButton[], extra?: Record<string, string>): Promise<void> {
      await outbox.enqueue({ idemKey, kind: 'card.deliver', payload: { outTrackId: idemKey, target: { type: 'robot', userId }, ...card(title, text, buttons, extra) } });
    },
    /** Replaces a posted card's content (e.g. "has burned", buttons removed); keyed like any send. */
    async updateCard(idemKey: string, outTrackId: string, title: string, text: string, buttons: CardButton[]): Promise<void> {
      await outbox.enqueue({ idemKey, kind: 'card.update', payload: { outTrackId, cardParamMap: { title, text, buttons: JSON.stringify(sent(buttons)) } } });
    },
    /**
     * Sets some of a posted card's values, keeping the rest (e.g. a decided approval card: its final
     * status line, and no buttons); keyed like any send. `buttons`, when given, replace the card's.
     */
    async settleCard(idemKey: string, outTrackId: string, params: Record<string, string>, buttons?: CardButton[]): Promise<void> {
      const cardParamMap = buttons ? { ...params, buttons: JSON.stringify(sent(buttons)) } : params;
      await outbox.enqueue({ idemKey, kind: 'card.update', payload: { outTrackId, cardParamMap } });
    },
    /**
     * A card press's answer (its card data and the presser's private data) as a card update, when the
     * callback could not carry it (late, or the press was taken over by another instance).
     */
    async answerCard(idemKey: string, outTrackId: string, userId: string, answer: CardAnswer): Promise<void> {
      const mine = answer.userPrivateData?.cardParamMap;
      await outbox.enqueue({
        idemKey,
        kind: 'card.update',
        payload: { outTrackId, ...(answer.cardData ? { cardParamMap: answer.cardData.cardParamMap } : {}), ...(mine ? { privateData: { [userId]: mine } } : {}), byKey: true },
      });
    },
    /** Cards posted under outTrackIds starting with `prefix` (a request step's approver cards, an alert's cards). */
    async cardsPosted(prefix: string): Promise<PostedCard[]> {
      return (await outbox.withKeyPrefix(prefix, 'card.deliver')).map((r) => ({ outTrackId: r.idemKey, status: r.status, at: r.updatedAt }));
    },
    /** Card updates enqueued under keys starting with `prefix`, oldest first (`outTrackId` here is the update's key). */
    async cardUpdates(prefix: string): Promise<PostedCard[]> {
      return (await outbox.withKeyPrefix(prefix, 'card.update')).map((r) => ({ outTrackId: r.idemKey, status: r.status, at: r.updatedAt }));
    },
  };
}

export type Outbound = ReturnType<typeof createOutbound>;
/** What flows and notices use to message people and post cards (the same module as replies). */
export type Notifier = Omit<Outbound, 'forMessage'>;
