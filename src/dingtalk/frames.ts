import { z } from 'zod';
import type { ParseResult } from './bot-message.js';
import type { CardAction, ChatEvent } from './inbound.js';

/** Parsers for card-callback and event frames. Never throw. */

const cardData = z
  .object({
    outTrackId: z.string().min(1),
    userId: z.string().min(1),
    content: z.string().optional(),
    value: z.string().optional(),
    spaceType: z.string().optional(),
    spaceId: z.string().optional(),
  })
  .passthrough();

function parseJson(s: unknown): unknown {
  if (typeof s !== 'string') return s;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

export function parseCardAction(messageId: string, data: unknown): ParseResult<CardAction> {
  const parsed = cardData.safeParse(parseJson(data));
  if (!parsed.success) return { ok: false, reason: 'card_callback_invalid' };
  const content = parseJson(parsed.data.content ?? '{}') as { cardPrivateData?: { params?: unknown } } | undefined;
  const params = content?.cardPrivateData?.params;
  return {
    ok: true,
    value: {
      callbackId: messageId,
      outTrackId: parsed.data.outTrackId,
      userId: parsed.data.userId,
      params: params && typeof params === 'object' ? (params as Record<string, unknown>) : {},
      spaceType: parsed.data.spaceType,
      spaceId: parsed.data.spaceId,
    },
  };
}

export function parseEvent(headers: Record<string, unknown>, data: unknown): ParseResult<ChatEvent> {
  const eventId = headers.eventId;
  const eventType = headers.eventType;
  const body = parseJson(data);
  if (typeof eventId !== 'string' || !eventId || typeof eventType !== 'string' || !eventType) {
    return { ok: false, reason: 'event_headers_missing' };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'event_data_invalid' };
  const born = Number(headers.eventBornTime);
  return {
    ok: true,
    value: {
      eventId,
      eventType,
      corpId: typeof headers.eventCorpId === 'string' ? headers.eventCorpId : undefined,
      bornAt: Number.isFinite(born) ? born : undefined,
      data: body as Record<string, unknown>,
    },
  };
}
