/**
 * The ordering lane of an outbox payload: the reply session (each inbound message has its own
 * webhook), else the conversation or the receivers, so each chat sees related messages in order while
 * others go in parallel; a card and its updates share the card's lane, so an update never overtakes the
 * card or an older update. Null when the payload names none (or is not JSON): a lane of its own.
 */
export function laneOfPayload(payload: string): string | null {
  try {
    const p = JSON.parse(payload) as {
      webhook?: string; conversationId?: string; openConversationId?: string; userId?: string; userIds?: string[]; outTrackId?: string;
    };
    return p.webhook ?? p.conversationId ?? p.openConversationId ?? p.userId ?? p.userIds?.join(',') ?? (p.outTrackId ? `card:${p.outTrackId}` : null);
  } catch {
    return null;
  }
}

/** The lane a queued row goes in: its payload's, else one of its own. */
export const laneOf = (row: { id: number; payload: string }): string => laneOfPayload(row.payload) ?? `row:${row.id}`;
