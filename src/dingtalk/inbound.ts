import type { BotMessage } from './bot-message.js';

/**
 * The port between the DingTalk edge and the application: what arrives, already parsed.
 * The simulator-driven tests and the real stream deliver through the same interface.
 */
export interface CardAction {
  /** The stream frame's messageId: unique per callback delivery (dedupe key for card presses). */
  callbackId: string;
  outTrackId: string;
  userId: string;
  params: Record<string, unknown>;
  spaceType?: string;
  spaceId?: string;
}

export interface ChatEvent {
  eventId: string;
  eventType: string;
  corpId?: string;
  bornAt?: number;
  data: Record<string, unknown>;
}

/** What a card callback answers (DingTalk applies it to the card). */
export interface CardResponse {
  cardData?: { cardParamMap: Record<string, string> };
  userPrivateData?: { cardParamMap: Record<string, string> };
  cardUpdateOptions?: { updateCardDataByKey?: boolean; updatePrivateDataByKey?: boolean };
}

export interface InboundHandlers {
  /**
   * Records a robot message durably; the frame is ACKed only after this resolves. Throws when it could
   * not (the frame is then left un-ACKed, for the platform to push again).
   */
  recordBotMessage(msg: BotMessage): Promise<'new' | 'duplicate'>;
  /** Processes a recorded message, after its ACK. Never throws: a failure dead-letters the message. */
  botMessage(msg: BotMessage): Promise<void>;
  /** Answer within 2 s: the answer travels in the ACK. */
  cardAction(action: CardAction): Promise<CardResponse | null>;
  /**
   * The answer of a press that came after the callback's deadline, when the ACK had to go without it:
   * delivered some other way (the outbox), so the presser's card still shows it.
   */
  cardAnswerLate?(action: CardAction, response: CardResponse): Promise<void>;
  /** Its result is the ACK (SUCCESS, or LATER to ask for redelivery); the ACK waits for it. */
  event(evt: ChatEvent): Promise<'SUCCESS' | 'LATER'>;
  /** A frame we could not use (bad JSON, missing fields, unknown topic); already ACKed where possible. */
  malformed(reason: string, messageId?: string, fields?: string[]): void;
}
