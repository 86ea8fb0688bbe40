import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROBOT_TOPIC } from '../../src/bot/steps/dedupe.js';
import { eventually } from '../helpers/eventually.js';
import { consoleWorld, type ConsoleWorld } from './admin-console-fixture.js';

describe('admin console: inbound dead letters', () => {
  let w: ConsoleWorld;
  beforeAll(async () => {
    w = await consoleWorld();
    // A poison message through the real path: the sender id carries a NUL byte, so handling throws.
    const group = w.h.demo.groups.aeHandover;
    const data = { msgtype: 'text', msgId: 'msg-console-poison', conversationId: group, conversationType: '2', senderStaffId: 'a\u0000b', text: { content: ' SECRET-CHAT-TEXT' } };
    w.h.sim.sendRaw(JSON.stringify({ specVersion: '1.0', type: 'CALLBACK', headers: { messageId: 'f-console-1', topic: ROBOT_TOPIC }, data: JSON.stringify(data) }));
    await eventually(async () => (await w.h.service.inbox.find('msg-console-poison'))?.state === 'dead');
  }, 30_000);
  afterAll(async () => w?.close());

  it('When an admin lists inbound dead letters, then each comes with its reason and attempts, never the message text', async () => {
    const res = await w.call('GET', '/api/admin/inbound?state=dead', 'admin');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ limit: 50, nextCursor: null, counts: { dead: 1, processing: expect.any(Number), done: expect.any(Number), failed: expect.any(Number) } });
    expect(body.items).toEqual([
      expect.objectContaining({ msgId: 'msg-console-poison', topic: ROBOT_TOPIC, state: 'dead', attempts: 1, reason: expect.stringMatching(/^bot\./) }),
    ]);
    expect(res.body).not.toContain('SECRET-CHAT-TEXT');
    const one = (await w.call('GET', '/api/admin/inbound?state=dead&limit=1', 'admin')).json();
    expect(one.nextCursor).toEqual(expect.any(String));
    expect((await w.call('GET', `/api/admin/inbound?state=dead&limit=1&cursor=${one.nextCursor}`, 'admin')).json()).toMatchObject({ items: [], nextCursor: null });
    for (const cursor of ['not*base64', Buffer.from('soon.x').toString('base64url')]) {
      const badCursor = await w.call('GET', `/api/admin/inbound?cursor=${cursor}`, 'admin');
      expect([badCursor.statusCode, badCursor.json().code]).toEqual([400, 'request.invalid']);
    }
    const bad = await w.call('GET', '/api/admin/inbound?state=lost', 'admin');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
  });

  it('When someone other than an admin asks, then 403', async () => {
    for (const who of ['auditor', 'officer', 'doctor'] as const) {
      expect((await w.call('GET', '/api/admin/inbound', who)).statusCode, who).toBe(403);
    }
    expect((await w.call('GET', '/api/admin/inbound')).statusCode).toBe(401);
  });
});
