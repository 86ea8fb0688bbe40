/**
 * AAD topics of the sandbox chat's sealed rows (inbox-cipher.ts): an item opens only as the chat item
 * of its own number, a group only as the group of its own id.
 */
export const CHAT_ITEM_TOPIC = 'sandbox.chat';
export const CHAT_GROUP_TOPIC = 'sandbox.chat.group';
