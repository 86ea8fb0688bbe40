import type { Lang } from '../i18n/messages.js';

/** The sandbox chat's own strings (kept here so the shared message table stays with its owners). */
const en = {
  title: 'Sandbox chat',
  note: 'Sandbox: this page plays DingTalk. Pick a demo clinician and a chat; the bot answering is the real service.',
  pickUser: 'You are',
  chats: 'Chats',
  botChat: '1:1 chat',
  placeholder: 'Type a message, e.g. @ConsultBridge help',
  send: 'Send',
  mention: 'Mention',
  recalled: 'This message was recalled.',
  empty: 'No messages yet. Try “@ConsultBridge help”.',
  notSandbox: 'The sandbox chat is only available when ConsultBridge runs in sandbox mode.',
  failed: 'Could not reach the sandbox.',
  pressFailed: 'The button press was not answered.',
  members: 'members',
};
const zhHK: typeof en = {
  title: '沙盒聊天',
  note: '沙盒：此頁模擬釘釘。選擇示範醫護人員及聊天室；回覆的機械人就是真正的服務。',
  pickUser: '你的身份',
  chats: '聊天室',
  botChat: '單聊',
  placeholder: '輸入訊息，例如 @ConsultBridge 幫助',
  send: '傳送',
  mention: '提及',
  recalled: '此訊息已被撤回。',
  empty: '暫無訊息。試試「@ConsultBridge 幫助」。',
  notSandbox: '沙盒聊天只在 ConsultBridge 以沙盒模式運行時提供。',
  failed: '無法連接沙盒。',
  pressFailed: '按鈕未獲回應。',
  members: '位成員',
};

export type ChatTextKey = keyof typeof en;
export const chatText = (lang: Lang, key: ChatTextKey): string => (lang === 'zh-HK' ? zhHK : en)[key];
