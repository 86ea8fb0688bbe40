/**
 * Identifier shapes that look like DingTalk's, so code that logs or stores them meets realistic values.
 * Derived ids (encrypted user ids, 1:1 conversation ids) are stable hashes so repeated runs agree.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const hex = (n: number): string => randomBytes(n).toString('hex');
const b64 = (n: number): string => randomBytes(n).toString('base64');
const digest = (s: string): string => createHash('sha256').update(s).digest('base64');

/** Frame `headers.messageId`, e.g. `21a4f0_8b2_19c0e1_1a2b`. */
export const frameMessageId = (): string => `${hex(3)}_${hex(2).slice(0, 3)}_${hex(3)}_${hex(2)}`;

/** `requestid` of v1.0 errors and `request_id` of oapi answers. */
export const requestId = (): string => randomUUID().toUpperCase();

/** Robot message `msgId` (encrypted, base64-ish). */
export const newMsgId = (): string => `msg${b64(18)}`;

export const newProcessQueryKey = (): string => b64(24);

export const newConversationId = (): string => `cid${b64(15)}`;

export const newChatId = (): string => `chat${hex(16)}`;

export const newSessionId = (): string => hex(16);

export const newConnectionId = (): string => randomUUID();

export const newEventId = (): string => hex(16);

export const newAccessToken = (): string => hex(16);

export const newAuthCode = (): string => hex(16);

/** `senderId` / `dingtalkId` / `chatbotUserId` style: `$:LWCP_v1:$…`. */
export const encryptedId = (seed: string): string => `$:LWCP_v1:$${digest(`id:${seed}`).slice(0, 32)}`;

/** The 1:1 conversation between the bot and one user; stable per user. */
export const dmConversationId = (userId: string): string => `cid${digest(`dm:${userId}`).slice(0, 22)}`;
