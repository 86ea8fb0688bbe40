import { Button } from 'antd-mobile';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ChatUser } from './chat-api.js';

interface Props {
  botName: string;
  /** Who can be @-mentioned here (group members other than me); empty in the 1:1 chat. */
  members: ChatUser[];
  placeholder: string;
  sendLabel: string;
  mentionLabel: string;
  onSend: (text: string, atUserIds: string[]) => Promise<void>;
}

/** The input line. Typing "@" (or the @ button) opens a picker; a picked person fills atUserIds. */
export function Composer({ botName, members, placeholder, sendLabel, mentionLabel, onSend }: Props) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<ChatUser[]>([]);
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Where the caret goes once the text a mention completed is on screen (before the next keystroke lands).
  const caretAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAt.current;
    if (at === null || !input.current) return;
    caretAt.current = null;
    input.current.focus();
    input.current.setSelectionRange(at, at);
  }, [text]);

  const choose = (name: string, user?: ChatUser) => {
    // A typed "@" is completed in place; from the button the mention is appended.
    const base = text.endsWith('@') ? text.slice(0, -1) : text;
    const next = `${base}${base === '' || base.endsWith(' ') ? '' : ' '}@${name} `;
    // Back to the input with the caret after the mention, so typing goes on where it should: set as the
    // new text is committed (a later animation frame let a fast typist's keys land before the mention).
    caretAt.current = next.length;
    setText(next);
    if (user) setPicked((p) => [...p.filter((u) => u.userId !== user.userId), user]);
    setPicking(false);
  };
  const send = async () => {
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    try {
      // Only people still named in the text count as mentioned.
      await onSend(value, picked.filter((u) => value.includes(`@${u.name}`)).map((u) => u.userId));
      setText('');
      setPicked([]);
    } catch {
      // The page has said why; the text stays so it can be sent again.
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="chat-composer">
      {picking && (
        <div className="chat-picker" data-testid="chat-mention-picker">
          <button type="button" data-testid="chat-mention-bot" onClick={() => choose(botName)}>@{botName}</button>
          {members.map((u) => (
            <button type="button" key={u.userId} data-testid={`chat-mention-${u.userId}`} onClick={() => choose(u.name, u)}>
              @{u.name}
            </button>
          ))}
        </div>
      )}
      <div className="chat-input-row">
        <button type="button" className="chat-at-button" aria-label={mentionLabel} data-testid="chat-mention" onClick={() => setPicking((p) => !p)}>@</button>
        <input
          ref={input}
          className="chat-input"
          data-testid="chat-input"
          value={text}
          placeholder={placeholder}
          onChange={(e) => {
            const v = e.target.value;
            setText(v);
            if (v.endsWith('@') && v.length > text.length) setPicking(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) void send();
            if (e.key === 'Escape') setPicking(false);
          }}
        />
        <Button size="small" color="primary" loading={busy} data-testid="chat-send" onClick={() => void send()}>{sendLabel}</Button>
      </div>
    </div>
  );
}
