import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/compose/app.js';
import { sandboxChatGroups, sandboxChatItems } from '../../src/domain/chat-history/chat-history-tables.js';
import { silentLogger } from '../../src/shared/logger.js';
import { eventually } from '../helpers/eventually.js';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';

const CHAN = 'qmh-chan-taiman';
const LEE = 'hph-lee-meiling';
const DAY = 86_400_000;

interface Msg { id: number; from: string; text: string }

async function boot(dir: string, clock: ManualClock): Promise<{ h: Harness; app: FastifyInstance; close(): Promise<void> }> {
  const h = await startHarness({ dir, clock });
  const app = await buildApp({ logger: silentLogger, probe: { dbOpen: () => true, streamRegistered: () => true }, service: h.service, sandbox: h.sim });
  await app.ready();
  return { h, app, close: async () => (await app.close(), await h.close()) };
}

/**
 * Issue 12 item 10: the sandbox chat's stored history has a retention window
 * (RETENTION_SANDBOX_CHAT_DAYS, default 30), purged by the retention job — messages not changed in
 * it, and groups made in the chat that nobody wrote in; a group still in use stays. After a purge and
 * a restart, new messages are numbered after the kept ones (never over them).
 */
describe('sandbox chat retention', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-chat-retention-'));
  const clock = new ManualClock();
  let run: Awaited<ReturnType<typeof boot>> | undefined;
  afterAll(async () => {
    await run?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const view = async (app: FastifyInstance, user: string, conversation: string): Promise<Msg[]> =>
    (await app.inject({ method: 'GET', url: '/api/sandbox/chat/messages', query: { user, conversation } })).json().messages;
  const ping = async (app: FastifyInstance, group?: string) =>
    expect((await app.inject({ method: 'POST', url: '/api/sandbox/chat/say', payload: { user: CHAN, ...(group ? { group } : {}), text: '@ConsultBridge ping' } })).statusCode).toBe(200);
  const makeGroup = async (app: FastifyInstance, title: string): Promise<string> =>
    ((await app.inject({ method: 'POST', url: '/api/sandbox/chat/groups', payload: { user: CHAN, title, memberIds: [LEE] } })).json() as { id: string }).id;
  const stored = (h: Harness) => ({
    items: h.service.db.db.select().from(sandboxChatItems).all(),
    groups: h.service.db.db.select().from(sandboxChatGroups).all(),
  });

  it('When the window has passed, then old messages and unused groups are purged, a group in use stays, and new messages come after the kept ones', async () => {
    run = await boot(dir, clock);
    const { app } = run;
    await ping(app);
    const quiet = await makeGroup(app, 'Quiet group');
    const busy = await makeGroup(app, 'Busy group');
    await ping(app, quiet);
    await ping(app, busy);
    await eventually(() => stored(run!.h).items.length === 6 && stored(run!.h).groups.length === 2);

    clock.advance(31 * DAY);
    await ping(app, busy);
    await eventually(() => stored(run!.h).items.length === 8 && stored(run!.h).groups.find((g) => g.id === busy)!.updatedAt === clock.now());

    const report = await run.h.service.retention.job.run();
    expect(report.find((r) => r.name === 'sandbox_chat')).toMatchObject({ count: 7 });
    const after = stored(run.h);
    expect(after.groups.map((g) => g.id)).toEqual([busy]);
    const kept = after.items.map((r) => [r.id, r.payload]);
    expect(kept.map(([id]) => id)).toEqual([7, 8]);

    await run.close();
    run = await boot(dir, clock);
    const groups = (await run.app.inject({ method: 'GET', url: '/api/sandbox/chat/groups' })).json() as { groups: { id: string }[] };
    expect(groups.groups.map((g) => g.id)).toContain(busy);
    expect(groups.groups.map((g) => g.id)).not.toContain(quiet);
    expect((await view(run.app, CHAN, busy)).map((m) => m.id)).toEqual([7, 8]);

    await ping(run.app, busy);
    const fresh = await eventually(async () => {
      const msgs = await view(run!.app, CHAN, busy);
      return msgs.length === 4 ? msgs : undefined;
    });
    expect(fresh.map((m) => m.id)).toEqual([7, 8, 9, 10]);
    // The kept rows were not written over.
    expect(stored(run.h).items.filter((r) => r.id <= 8).map((r) => [r.id, r.payload])).toEqual(kept);
  });
});
