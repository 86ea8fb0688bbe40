import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEMO_ORG } from '../demo-org.js';
import type { Simulator } from '../simulator.js';
import { DomainError } from '../../shared/errors.js';
import { BOT_CHAT, SandboxChatLog } from './sandbox-chat-log.js';
import type { ChatHistory } from './sandbox-chat-history.js';

const userId = z.string().min(1).max(100);
const button = z.object({ label: z.string(), action: z.string().optional(), params: z.record(z.string(), z.string()).optional(), url: z.string().optional() });
const message = z.object({
  id: z.number(),
  rev: z.number(),
  from: z.enum(['user', 'bot']),
  userId: z.string().optional(),
  name: z.string(),
  text: z.string(),
  atUserIds: z.array(z.string()),
  at: z.number(),
  recalled: z.boolean(),
  card: z.object({ outTrackId: z.string(), title: z.string(), text: z.string(), buttons: z.array(button), status: z.string().optional() }).optional(),
});
const error = z.object({ code: z.string(), message: z.string() });
const groupsAnswer = z.object({
  bot: z.object({ name: z.string(), conversation: z.literal(BOT_CHAT) }),
  users: z.array(z.object({ userId: z.string(), name: z.string(), title: z.string().optional(), dept: z.string().optional(), lang: z.string().optional() })),
  groups: z.array(z.object({ id: z.string(), key: z.string().optional(), title: z.string(), memberIds: z.array(z.string()) })),
});
const messagesQuery = z.object({
  conversation: z.string().min(1).max(200),
  user: userId,
  after: z.coerce.number().int().min(0).default(0),
});
const sayBody = z.object({
  user: userId,
  /** A group's openConversationId or demo key; omit for the 1:1 chat with the bot. */
  group: z.string().min(1).max(200).optional(),
  text: z.string().trim().min(1).max(2000),
  atUserIds: z.array(userId).max(20).optional(),
  /** Send it as a voice note (`msgtype: "audio"`) whose DingTalk transcript is `text`. */
  voice: z.boolean().optional(),
});
const newGroupBody = z.object({ user: userId, title: z.string().trim().min(1).max(100), memberIds: z.array(userId).max(50) });
const pressBody = z.object({ user: userId, outTrackId: z.string().min(1).max(200), params: z.record(z.string(), z.string()) });

/**
 * Sandbox only (registered when the simulator runs): the data behind /app/sandbox, a DingTalk-like
 * chat over the simulated org. Anyone who can reach a sandbox may act as any demo user — the
 * simulator stands in for DingTalk's own login — so this must never be mounted in real mode. With a
 * `history`, the chat is kept (sealed) across restarts.
 */
export const sandboxChatRoutes: FastifyPluginAsyncZod<{ sim: Simulator; history?: ChatHistory }> = async (app, { sim, history }) => {
  const log = await SandboxChatLog.open(sim, history);
  app.addHook('onClose', async () => log.close());

  const requireUser = (id: string) => {
    if (!sim.org.users.has(id)) throw new DomainError('not_found', 'unknown user');
  };
  /** The group's openConversationId, after checking the user is in it (DingTalk shows members only). */
  const memberGroup = (user: string, group: string): string => {
    const id = DEMO_ORG.groups.find((g) => g.key === group)?.openConversationId ?? group;
    const g = sim.org.groups.get(id);
    if (!g) throw new DomainError('not_found', 'unknown group');
    if (!g.memberIds.includes(user)) throw new DomainError('access.denied', 'not a member of the group');
    return id;
  };

  app.get('/api/sandbox/chat/groups', { schema: { response: { 200: groupsAnswer } } }, async () => ({
    bot: { name: sim.org.bot.name, conversation: BOT_CHAT },
    users: [...sim.org.users.values()].map((u) => ({ userId: u.userId, name: u.name, title: u.title, dept: u.dept, lang: u.lang })),
    groups: [...sim.org.groups.values()].map((g) => ({
      id: g.openConversationId,
      key: DEMO_ORG.groups.find((d) => d.openConversationId === g.openConversationId)?.key,
      title: g.title,
      memberIds: [...g.memberIds],
    })),
  }));

  // A fresh consult group, as a DingTalk user can make one: a case binds to one group, so trying a flow
  // in a new group leaves the demo groups as they were. Kept (sealed) with the history across restarts.
  app.post(
    '/api/sandbox/chat/groups',
    { schema: { body: newGroupBody, response: { 200: z.object({ id: z.string() }), 404: error } } },
    async (req) => {
      const { user, title, memberIds } = req.body;
      for (const id of [user, ...memberIds]) requireUser(id);
      const group = sim.org.addGroup({ title, memberIds: [user, ...memberIds], ownerId: user });
      log.groupMade(group);
      return { id: group.openConversationId };
    },
  );

  app.get(
    '/api/sandbox/chat/messages',
    { schema: { querystring: messagesQuery, response: { 200: z.object({ cursor: z.number(), messages: z.array(message) }), 403: error, 404: error } } },
    async (req) => {
      const { user, conversation, after } = req.query;
      requireUser(user);
      const conv = conversation === BOT_CHAT ? BOT_CHAT : memberGroup(user, conversation);
      // Read the cursor first: anything added while rendering is then fetched again, never skipped.
      const cursor = log.cursor;
      return { cursor, messages: log.view(user, conv, after) };
    },
  );

  app.post(
    '/api/sandbox/chat/say',
    { schema: { body: sayBody, response: { 200: z.object({ msgId: z.string() }), 403: error, 404: error } } },
    async (req) => {
      const { user, group, text, atUserIds, voice } = req.body;
      requireUser(user);
      const kind = voice ? { voice: {} } : {};
      if (!group) return { msgId: sim.dm(user, text, kind).msgId };
      const id = memberGroup(user, group);
      for (const at of atUserIds ?? []) requireUser(at);
      return { msgId: sim.say(id, user, text, { atUserIds, ...kind }).msgId };
    },
  );

  app.post(
    '/api/sandbox/chat/press',
    { schema: { body: pressBody, response: { 200: z.object({ ok: z.literal(true) }), 403: error, 404: error, 502: error } } },
    async (req) => {
      const { user, outTrackId, params } = req.body;
      requireUser(user);
      const card = sim.cards.get(outTrackId);
      if (!card) throw new DomainError('not_found', 'unknown card');
      const sees = card.userIds.includes(user) || card.conversationIds.some((c) => sim.org.groups.get(c)?.memberIds.includes(user));
      if (!sees) throw new DomainError('access.denied', 'card not delivered to this user');
      try {
        await sim.clickCard({ outTrackId, userId: user, params });
      } catch (err) {
        // No answer within DingTalk's callback limit, or a card without stream callbacks.
        throw new DomainError('dingtalk.error', 'card press not answered', { cause: err });
      }
      log.touchCard(outTrackId);
      return { ok: true as const };
    },
  );
};
