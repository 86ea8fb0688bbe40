/**
 * The sandbox chat's server calls (/api/sandbox/chat/*). No session: in sandbox mode the simulator
 * stands in for DingTalk's login, and these routes do not exist in real mode.
 */
import type { ChatButton, ChatMessage } from '../../../src/contract/sandbox-chat.js';
import { toApiError } from '../api/api-error.js';

export type { ChatButton, ChatMessage };

export interface ChatUser { userId: string; name: string; title?: string; dept?: string; lang?: string }
export interface ChatGroup { id: string; key?: string; title: string; memberIds: string[] }
export interface ChatDirectory { bot: { name: string; conversation: string }; users: ChatUser[]; groups: ChatGroup[] }
async function json<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

export const chatApi = {
  mode: () => json<{ mode: string }>('/api/auth/config').then((c) => c.mode),
  directory: () => json<ChatDirectory>('/api/sandbox/chat/groups'),
  messages: (user: string, conversation: string, after: number) =>
    json<{ cursor: number; messages: ChatMessage[] }>(
      `/api/sandbox/chat/messages?${new URLSearchParams({ user, conversation, after: String(after) })}`,
    ),
  say: (user: string, group: string | undefined, text: string, atUserIds: string[]) =>
    json<{ msgId: string }>('/api/sandbox/chat/say', { user, group, text, atUserIds }),
  press: (user: string, outTrackId: string, params: Record<string, string>) =>
    json<{ ok: true }>('/api/sandbox/chat/press', { user, outTrackId, params }),
};
