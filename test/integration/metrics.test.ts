import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../../src/http/error-handler.js';
import { metricsRoutes } from '../../src/http/metrics-routes.js';
import { eventually } from '../helpers/eventually.js';
import { seriesValue as valueOf } from '../helpers/prom-text.js';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, openCase, WONG } from '../helpers/sharing-flow.js';
import { makeHkid } from './sharing-edge-fixture.js';

const TOKEN = 'metrics-token-for-tests-0123456789';
const bearer = { authorization: `Bearer ${TOKEN}` };

/** Issue 11, item 2 (Health): GET /metrics in Prometheus format, from the real service over the simulator. */
describe('GET /metrics', () => {
  let h: Harness;
  let app: FastifyInstance;
  let caseCode: string;
  const scrape = async () => {
    const res = await app.inject({ url: '/metrics', headers: bearer });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    h = await startHarness({ env: { METRICS_TOKEN: TOKEN }, service: { instanceId: 'metrics-test-1' } });
    app = await appFor(h);
    const group = h.demo.groups.cardiologyConsult;
    caseCode = await openCase(h, group, makeHkid('M', '271828'));
    for (let i = 0; i < 3; i++) {
      const reply = replyAfter(h.sim, { conversationId: group });
      const pushed = h.sim.say(group, CHAN, '@ConsultBridge ping');
      expect((await reply).text).toMatch(/pong|在線/);
      if (i === 0) h.sim.replay(pushed.msgId);
    }
    // A group event DingTalk pushes twice (as it may after an ACK): received and handled once, then a duplicate.
    const { eventId } = h.sim.pushEvent('chat_update_title', { openConversationId: group });
    h.sim.pushEvent('chat_update_title', { openConversationId: group }, { eventId });
    // A verified doctor off the care team asks to share into the case: the policy engine denies.
    const refused = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, WONG, `@ConsultBridge share ${caseCode}`);
    await refused;
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When scraped with the token, then the inbound counters moved (received, handled, a replayed message and a redelivered event as duplicates)', async () => {
    const text = await eventually(async () => {
      const t = await scrape();
      return (valueOf(t, 'consultbridge_inbound_handled_total', { kind: 'robot' }) ?? 0) >= 4 &&
        (valueOf(t, 'consultbridge_inbound_duplicates_total', { kind: 'robot' }) ?? 0) >= 1 && t;
    }, 10_000, 'inbound counters');
    expect(valueOf(text, 'consultbridge_inbound_received_total', { kind: 'robot' })).toBeGreaterThanOrEqual(4);
    expect(valueOf(text, 'consultbridge_inbound_dead_letters_total', { kind: 'robot' })).toBe(0);
    const events = await eventually(async () => {
      const t = await scrape();
      return valueOf(t, 'consultbridge_inbound_handled_total', { kind: 'event' }) === 1 && valueOf(t, 'consultbridge_inbound_duplicates_total', { kind: 'event' }) === 1 && t;
    }, 10_000, 'event counters');
    expect(valueOf(events, 'consultbridge_inbound_received_total', { kind: 'event' })).toBe(1);
  });

  it('When scraped, then access decisions count the denial by action and outcome', async () => {
    const text = await scrape();
    expect(valueOf(text, 'consultbridge_access_decisions_total', { action: 'share', outcome: 'denied' })).toBeGreaterThanOrEqual(1);
  });

  it('When scraped, then the outbox, audit, timer and process series are there, each with the instance id', async () => {
    const text = await scrape();
    expect(valueOf(text, 'consultbridge_outbox_depth')).toBeGreaterThanOrEqual(0);
    expect(valueOf(text, 'consultbridge_outbox_dead_letters')).toBe(0);
    expect(valueOf(text, 'consultbridge_outbox_oldest_due_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(valueOf(text, 'consultbridge_audit_entries')).toBeGreaterThan(0);
    expect(valueOf(text, 'consultbridge_timer_lag_seconds_count', { timer: 'burn' })).toBe(0);
    expect(valueOf(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(valueOf(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    const series = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(series.filter((l) => !l.includes('instance_id="metrics-test-1"'))).toEqual([]);
  });

  it('When an outbox row waits, then the depth gauge counts it, and drops once it is sent', async () => {
    await h.service.worker.stop();
    try {
      await h.service.outbox.enqueue({
        kind: 'group.send',
        idemKey: 'metrics-depth-probe',
        payload: { openConversationId: h.demo.groups.cardiologyConsult, msgKey: 'sampleText', msgParam: { content: 'queued while the worker is stopped' } },
      });
      const text = await scrape();
      expect(valueOf(text, 'consultbridge_outbox_depth')).toBeGreaterThanOrEqual(1);
      expect(valueOf(text, 'consultbridge_outbox_oldest_due_age_seconds')).toBeGreaterThanOrEqual(0);
    } finally {
      h.service.worker.start();
    }
    await eventually(async () => valueOf(await scrape(), 'consultbridge_outbox_depth') === 0, 10_000, 'outbox drained');
  });

  it('When scraped, then no case code, user id or patient value is in the text', async () => {
    const text = await scrape();
    for (const secret of [caseCode, CHAN, WONG, 'TEST Patient', '271828']) expect(text).not.toContain(secret);
  });

  it('When the token is missing or wrong, then 401 with a code (even from loopback)', async () => {
    const none = await app.inject({ url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'auth.required' });
    const wrong = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'auth.invalid' });
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandler(app);
    await app.register(metricsRoutes, { scrape: async () => ({ contentType: 'text/plain; version=0.0.4; charset=utf-8', body: 'up 1\n' }) });
  });
  afterAll(() => app?.close());

  it('When asked from loopback, then it answers', async () => {
    const res = await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toBe('up 1\n');
  });

  it('When asked from another address, or through a proxy on this host, then 401', async () => {
    for (const req of [{ remoteAddress: '10.1.2.3' }, { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } }]) {
      const res = await app.inject({ url: '/metrics', ...req });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'auth.required' });
    }
  });
});
