import { useCallback, useLayoutEffect, useRef } from 'react';
import type { ChatMessage } from './chat-api.js';

/** How close to the end (px) still counts as "reading the newest". */
const NEAR_END = 48;

/**
 * Keeps the newest message in view inside the scrolling message list (which ends above the composer):
 * on opening a chat, when a new message arrives, and when older ones change (a card update, a recall)
 * while the reader is at the end. Someone scrolled up to read older messages stays where they are,
 * until a new message comes. Returns the ref callback for the list element.
 */
export function useStickToNewest(messages: readonly ChatMessage[], chatKey: string) {
  const list = useRef<HTMLDivElement | null>(null);
  const atEnd = useRef(true);
  const newest = useRef<{ chat: string; id: number }>({ chat: '', id: 0 });

  const onScroll = useCallback(() => {
    const el = list.current;
    if (el) atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_END;
  }, []);

  // The list shrinks when the composer grows (the @ picker) or the window does (a phone keyboard).
  const resized = useRef<ResizeObserver | null>(null);
  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      list.current?.removeEventListener('scroll', onScroll);
      resized.current?.disconnect();
      list.current = el;
      if (!el) return;
      el.addEventListener('scroll', onScroll, { passive: true });
      resized.current = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
        if (atEnd.current) el.scrollTop = el.scrollHeight;
      });
      resized.current?.observe(el);
    },
    [onScroll],
  );

  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const lastId = messages.at(-1)?.id ?? 0;
    const isNew = newest.current.chat !== chatKey || newest.current.id !== lastId;
    newest.current = { chat: chatKey, id: lastId };
    if (isNew || atEnd.current) {
      el.scrollTop = el.scrollHeight;
      atEnd.current = true;
    }
  }, [messages, chatKey]);

  return ref;
}
