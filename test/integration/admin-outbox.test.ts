import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { createOutboxRepository } from '../../src/domain/outbox/outbox-repository.js';
import { consoleWorld, type ConsoleWorld } from './admin-console-fixture.js';

describe('admin console: outbox and dead letters', () => {
  let w: ConsoleWorld;
  const dead: number[] = [];
  beforeAll(async () => {
    w = await consoleWorld();
    const repo = createOutboxRepository(w.h.service.db.db, w.h.service.db.store);
    const now = w.h.service.clock.now();
    // Dead-lettered in the same tick they are written, so the worker never claims them first.
    for (const key of ['probe-dead-1', 'probe-dead-2']) {
      const { id } = await repo.insertPending({ idemKey: key, kind: 'probe.kind', payload: JSON.stringify({ text: 'SECRET-PAYLOAD-TEXT' }), now });
      expect(await repo.markDead(id, 'DingTalk said 500', now)).toBe(true);
      dead.push(id);
    }
  }, 30_000);
  afterAll(async () => w?.close());

  it('When dead letters are listed, then rows come back newest first with status, attempts and error, but never payloads', async () => {
    const res = await w.call('GET', '/api/admin/outbox?status=dead&limit=1', 'admin');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ limit: 1, nextCursor: String(dead[1]), counts: { dead: 2, pending: expect.any(Number), sent: expect.any(Number), discarded: 0 } });
    expect(body.items).toEqual([expect.objectContaining({ id: dead[1], idemKey: 'probe-dead-2', kind: 'probe.kind', status: 'dead', lastError: 'DingTalk said 500' })]);
    expect(body.items[0]).not.toHaveProperty('payload');
    expect(res.body).not.toContain('SECRET-PAYLOAD-TEXT');
    const page2 = (await w.call('GET', `/api/admin/outbox?status=dead&limit=1&cursor=${body.nextCursor}`, 'admin')).json();
    expect(page2.items.map((i: { id: number }) => i.id)).toEqual([dead[0]]);
    const page3 = (await w.call('GET', `/api/admin/outbox?status=dead&limit=1&cursor=${page2.nextCursor}`, 'admin')).json();
    expect(page3).toMatchObject({ items: [], nextCursor: null });
    const badCursor = await w.call('GET', '/api/admin/outbox?status=dead&cursor=abc', 'admin');
    expect([badCursor.statusCode, badCursor.json().code]).toEqual([400, 'request.invalid']);
    const bad = await w.call('GET', '/api/admin/outbox?status=lost', 'admin');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
  });

  it('When an admin retries one dead letter and discards the other, then the counts move and both steps are audited; a second try is 404', async () => {
    const retried = await w.call('POST', `/api/admin/outbox/${dead[0]}/retry`, 'admin');
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ id: dead[0], ok: true, counts: { dead: 1 } });

    const discarded = await w.call('POST', `/api/admin/outbox/${dead[1]}/discard`, 'admin');
    expect(discarded.json()).toMatchObject({ ok: true, counts: { discarded: 1 } });
    const listed = (await w.call('GET', '/api/admin/outbox?status=discarded', 'admin')).json();
    expect(listed.items.map((i: { id: number }) => i.id)).toEqual([dead[1]]);

    const again = await w.call('POST', `/api/admin/outbox/${dead[1]}/discard`, 'admin');
    expect([again.statusCode, again.json().code]).toEqual([404, 'not_found']);
    const notDead = await w.call('POST', `/api/admin/outbox/${dead[1]}/retry`, 'admin');
    expect(notDead.statusCode).toBe(404);

    await w.h.service.audit.flush();
    const steps = (await w.h.service.audit.repo.list({ actor: w.ids.admin }, { limit: 20 })).entries
      .filter((e) => e.action.startsWith('outbox.'))
      .map((e) => [e.action, e.target, e.outcome])
      .reverse();
    expect(steps).toEqual([
      [AUDIT_ACTIONS.outboxRetried, `outbox-${dead[0]}`, 'success'],
      [AUDIT_ACTIONS.outboxDiscarded, `outbox-${dead[1]}`, 'success'],
      [AUDIT_ACTIONS.outboxDiscarded, `outbox-${dead[1]}`, 'denied'],
      [AUDIT_ACTIONS.outboxRetried, `outbox-${dead[1]}`, 'denied'],
    ]);
  });
});
