import type { OutboxIntent } from '../dingtalk/outbox-handlers.js';
import type { OutboxService } from '../domain/outbox/outbox-service.js';

/** A card button: its label and the params DingTalk sends back in the callback when pressed. */
export interface CardButton {
  label: string;
  action: string;
  params?: Record<string, string>;
  /** A link button instead of a callback. */
  url?: string;
}

/**
 * Outbound notifications through the outbox, keyed so that doing the same step twice (a redelivered
 * message, a double press) can never send twice. Everything here is content-free by construction:
 * case codes, names, roles, links — and the outbound PHI guard checks it again at enqueue.
 */
export function createNotifier(outbox: OutboxService<OutboxIntent>, cardTemplateId: string) {
  const card = (title: string, text: string, buttons: CardButton[]) => ({
    cardTemplateId,
    cardParamMap: { title, text, buttons: JSON.stringify(buttons) },
  });
  return {
    toUser(idemKey: string, userId: string, title: string, text: string): void {
      outbox.enqueue({ idemKey, kind: 'oto.send', payload: { userIds: [userId], msgKey: 'sampleMarkdown', msgParam: { title, text } } });
    },
    toGroup(idemKey: string, openConversationId: string, title: string, text: string): void {
      outbox.enqueue({ idemKey, kind: 'group.send', payload: { openConversationId, msgKey: 'sampleMarkdown', msgParam: { title, text } } });
    },
    cardToGroup(idemKey: string, openConversationId: string, title: string, text: string, buttons: CardButton[]): void {
      outbox.enqueue({ idemKey, kind: 'card.deliver', payload: { outTrackId: idemKey, target: { type: 'group', openConversationId }, ...card(title, text, buttons) } });
    },
    cardToUser(idemKey: string, userId: string, title: string, text: string, buttons: CardButton[]): void {
      outbox.enqueue({ idemKey, kind: 'card.deliver', payload: { outTrackId: idemKey, target: { type: 'robot', userId }, ...card(title, text, buttons) } });
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
