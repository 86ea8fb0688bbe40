import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEMO_ORG } from '../demo-org.js';
import type { Simulator } from '../simulator.js';
import { DomainError } from '../../shared/errors.js';
import { submitDemoForm } from '../yida-demo.js';

const body = z.object({
  user: z.string().min(1).max(100),
  /** A demo group key (cardiologyConsult, aeHandover) or an openConversationId; omit for a 1:1 chat. */
  group: z.string().min(1).max(200).optional(),
  text: z.string().min(1).max(2000),
  waitMs: z.number().int().min(0).max(10_000).default(3000),
});
const sent = z.object({ via: z.string(), conversationId: z.string().optional(), userIds: z.array(z.string()).optional(), text: z.string() });

/**
 * Sandbox only: play a demo user typing in a group (or 1:1) through the simulator, and get back what
 * the bot sent in answer. The message takes the same path as a real one: simulator → stream → bot.
 */
export const sandboxRoutes: FastifyPluginAsyncZod<{ sim: Simulator }> = async (app, { sim }) => {
  app.post('/sandbox/say', { schema: { body, response: { 200: z.object({ msgId: z.string(), replies: z.array(sent) }) } } }, async (req) => {
    const { user, group, text, waitMs } = req.body;
    if (!sim.org.users.has(user)) throw new DomainError('not_found', 'unknown user');
    const groupId = group ? (DEMO_ORG.groups.find((g) => g.key === group)?.openConversationId ?? group) : undefined;
    if (groupId && !sim.org.groups.has(groupId)) throw new DomainError('not_found', 'unknown group');
    const start = sim.sent.length;
    const { msgId } = groupId ? sim.say(groupId, user, text) : sim.dm(user, text);
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline && sim.sent.length === start) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100)); // let a multi-part answer finish
    const replies = sim.sent.slice(start).map((s) => ({ via: s.via, conversationId: s.conversationId, userIds: s.userIds, text: s.text }));
    return { msgId, replies };
  });

  // A demo Yida form submitted for a patient (HKID as typed when the case was opened): filed to their case, or kept waiting.
  const yidaBody = z.object({ hkid: z.string().min(1).max(24), caseCode: z.string().max(12).optional(), variant: z.enum(['mapped', 'unmapped', 'malformed']).default('mapped') });
  app.post('/sandbox/yida/submit', { schema: { body: yidaBody, response: { 200: z.object({ instanceId: z.string(), status: z.number() }) } } }, async (req) => {
    // Without a callback target (the Yida demo is not wired in this run) there is nowhere to announce it.
    if (!sim.yida.target) throw new DomainError('yida.disabled', 'no Yida callback target in this sandbox');
    const { instance, callback } = await submitDemoForm(sim, req.body.variant, req.body.hkid, req.body.caseCode);
    return { instanceId: instance.instanceId, status: callback.status };
  });
};
