import { DotLoading, ErrorBlock, NavBar, Toast } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { LanguageSwitch } from '../screens/LanguageSwitch.js';
import { chatApi, type ChatButton, type ChatDirectory } from './chat-api.js';
import { chatText, type ChatTextKey } from './chat-text.js';
import { Composer } from './Composer.js';
import { MessageBubble } from './MessageBubble.js';
import { useChatFeed } from './use-chat-feed.js';
import { useStickToNewest } from './use-stick-to-newest.js';
import './sandbox-chat.css';

type Load = { kind: 'loading' } | { kind: 'notSandbox' } | { kind: 'failed' } | { kind: 'ready'; dir: ChatDirectory };

/** /app/sandbox: DingTalk played in the browser over the simulator, as any demo user. */
export default function SandboxChat() {
  const { lang } = useI18n();
  const t = (k: ChatTextKey) => chatText(lang, k);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    (async () => {
      if ((await chatApi.mode()) !== 'sandbox') return setLoad({ kind: 'notSandbox' });
      setLoad({ kind: 'ready', dir: await chatApi.directory() });
    })().catch(() => setLoad({ kind: 'failed' }));
  }, []);
  return (
    <div className="screen chat-screen" data-testid="sandbox-chat">
      <NavBar back={null} right={<LanguageSwitch />}>{t('title')}</NavBar>
      {load.kind === 'loading' && <div className="centered"><DotLoading color="primary" /></div>}
      {load.kind === 'notSandbox' && <ErrorBlock status="disconnected" title={t('notSandbox')} description="" />}
      {load.kind === 'failed' && <ErrorBlock status="default" title={t('failed')} description="" />}
      {load.kind === 'ready' && <ChatRoom dir={load.dir} t={t} />}
    </div>
  );
}

function ChatRoom({ dir, t }: { dir: ChatDirectory; t: (k: ChatTextKey) => string }) {
  const users = useMemo(() => new Map(dir.users.map((u) => [u.userId, u])), [dir]);
  const [me, setMe] = useState<string>();
  const myChats = dir.groups.filter((g) => me !== undefined && g.memberIds.includes(me));
  const [conversation, setConversation] = useState<string>();
  const group = dir.groups.find((g) => g.id === conversation);
  const { messages, failed, refresh } = useChatFeed(me, conversation);
  // Links (forms, uploads) come 1:1 while one is in a group, so the 1:1 chat shows an unread count.
  const viewingDm = conversation === dir.bot.conversation;
  const dmFeed = useChatFeed(me, viewingDm ? undefined : dir.bot.conversation);
  const [seenDm, setSeenDm] = useState(0);
  useEffect(() => {
    if (viewingDm) setSeenDm(messages.length);
  }, [viewingDm, messages.length]);
  const unreadDm = viewingDm ? 0 : Math.max(0, dmFeed.messages.length - seenDm);
  const feed = useStickToNewest(messages, `${me}|${conversation}`);

  const pickUser = (id: string) => {
    setMe(id);
    setSeenDm(0);
    // Stay in the same group if the new user is a member too; else start in the 1:1 chat.
    if (!dir.groups.some((g) => g.id === conversation && g.memberIds.includes(id))) setConversation(dir.bot.conversation);
  };
  const press = async (outTrackId: string, b: ChatButton) => {
    if (b.url) return void window.open(b.url, '_blank', 'noopener');
    try {
      await chatApi.press(me!, outTrackId, { ...(b.action ? { action: b.action } : {}), ...b.params });
    } catch {
      Toast.show({ content: t('pressFailed') });
    }
    void refresh();
  };

  return (
    <div className="chat-layout">
      <div className="chat-top">
      <div className="hint">{t('note')}</div>
      <div className="chat-section">
        <div className="muted">{t('pickUser')}</div>
        <div className="chat-chips">
          {dir.users.map((u) => (
            <button type="button" key={u.userId} data-testid={`chat-user-${u.userId}`} className={u.userId === me ? 'chip on' : 'chip'} onClick={() => pickUser(u.userId)}>
              {u.name}
            </button>
          ))}
        </div>
      </div>
      {me && (
        <div className="chat-section">
          <div className="muted">{t('chats')}</div>
          <div className="chat-chips">
            <button type="button" data-testid="chat-conv-bot" className={conversation === dir.bot.conversation ? 'chip on' : 'chip'} onClick={() => setConversation(dir.bot.conversation)}>
              {dir.bot.name} · {t('botChat')}
              {unreadDm > 0 && <span className="chat-unread" data-testid="chat-unread-bot">{unreadDm}</span>}
            </button>
            {myChats.map((g) => (
              <button type="button" key={g.id} data-testid={`chat-conv-${g.key ?? g.id}`} className={g.id === conversation ? 'chip on' : 'chip'} onClick={() => setConversation(g.id)}>
                {g.title} ({g.memberIds.length} {t('members')})
              </button>
            ))}
          </div>
        </div>
      )}
      </div>
      {me && conversation && (
        <>
          <div className="chat-messages" data-testid="chat-messages" ref={feed}>
            {failed && <div className="hint">{t('failed')}</div>}
            {messages.length === 0 && <div className="muted padded">{t('empty')}</div>}
            {messages.map((m) => (
              <MessageBubble key={m.id} m={m} me={me} users={users} recalledText={t('recalled')} onPress={(id, b) => void press(id, b)} />
            ))}
          </div>
          <Composer
            key={`${me}|${conversation}`}
            botName={dir.bot.name}
            members={(group?.memberIds ?? []).filter((id) => id !== me).map((id) => users.get(id)!).filter(Boolean)}
            placeholder={t('placeholder')}
            sendLabel={t('send')}
            mentionLabel={t('mention')}
            onSend={async (text, atUserIds) => {
              try {
                await chatApi.say(me, group?.id, text, atUserIds);
              } catch (e) {
                Toast.show({ content: t('failed') });
                throw e; // keeps the typed text in the input
              }
              void refresh();
            }}
          />
        </>
      )}
    </div>
  );
}
