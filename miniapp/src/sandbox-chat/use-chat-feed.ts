import { useCallback, useEffect, useRef, useState } from 'react';
import { chatApi, type ChatMessage } from './chat-api.js';

const POLL_MS = 1000;

/**
 * The messages of one chat as one user sees them, polled every second. The server returns only
 * items changed after our cursor (new ones, recalled ones, updated cards), merged here by id.
 */
export function useChatFeed(user: string | undefined, conversation: string | undefined) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [failed, setFailed] = useState(false);
  const cursor = useRef(0);
  const key = `${user}|${conversation}`;
  const current = useRef(key);
  current.current = key;

  const poll = useCallback(async () => {
    if (!user || !conversation) return;
    const asked = key;
    try {
      const r = await chatApi.messages(user, conversation, cursor.current);
      if (current.current !== asked) return; // the user switched chats meanwhile
      cursor.current = r.cursor;
      setFailed(false);
      if (r.messages.length === 0) return;
      setMessages((old) => {
        const byId = new Map(old.map((m) => [m.id, m]));
        for (const m of r.messages) byId.set(m.id, m);
        return [...byId.values()].sort((a, b) => a.id - b.id);
      });
    } catch {
      if (current.current === asked) setFailed(true);
    }
  }, [user, conversation, key]);

  useEffect(() => {
    cursor.current = 0;
    setMessages([]);
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [poll]);

  return { messages, failed, refresh: poll };
}
