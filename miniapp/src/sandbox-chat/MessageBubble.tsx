import { Button } from 'antd-mobile';
import type { ChatButton, ChatMessage, ChatUser } from './chat-api.js';
import { RichText } from './RichText.js';

interface Props {
  m: ChatMessage;
  me: string;
  users: Map<string, ChatUser>;
  recalledText: string;
  onPress: (outTrackId: string, b: ChatButton) => void;
}

/** One chat line: the sender, then text, a card with buttons, or the recall notice. */
export function MessageBubble({ m, me, users, recalledText, onPress }: Props) {
  const mine = m.from === 'user' && m.userId === me;
  const side = mine ? 'mine' : m.from === 'bot' ? 'bot' : 'theirs';
  return (
    <div className={`chat-row chat-${side}`} data-testid={`chat-msg-${m.from}`} data-id={m.id}>
      <div className="chat-sender">{m.name}</div>
      {m.recalled ? (
        <div className="chat-bubble chat-recalled" data-testid="chat-recalled">{recalledText}</div>
      ) : m.card ? (
        <div className="chat-card" data-testid="chat-card" data-out-track-id={m.card.outTrackId}>
          <div className="chat-card-title">{m.card.title}</div>
          <div className="chat-card-text"><RichText text={m.card.text} /></div>
          {m.card.status && <div className="chat-card-status" data-testid="chat-card-status"><RichText text={m.card.status} /></div>}
          {m.card.buttons.length > 0 && (
            <div className="chat-card-buttons">
              {m.card.buttons.map((b, i) => (
                <Button key={i} size="small" color="primary" fill="outline" data-testid="chat-card-button" onClick={() => onPress(m.card!.outTrackId, b)}>
                  {b.label}
                </Button>
              ))}
            </div>
          )}
        </div>
      ) : (
        <div className="chat-bubble">
          {m.atUserIds.length > 0 && m.from === 'bot' && (
            <span className="chat-at">{m.atUserIds.map((id) => `@${users.get(id)?.name ?? id} `).join('')}</span>
          )}
          <RichText text={m.text} />
        </div>
      )}
    </div>
  );
}
