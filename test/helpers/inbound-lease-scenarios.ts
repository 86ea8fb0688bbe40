import { afterEach, expect, it } from 'vitest';
import type { InboxRepository } from '../../src/domain/inbox/inbox-repository.js';
import { eventually } from './eventually.js';
import { inboundInstance, type InboundInstance } from './inbound-instance.js';

const LEASE_MS = 1200;
const SWEEP_MS = 40;

/**
 * Inbound leases across two instances on one database (issue 11 item 2), written once for SQLite and
 * PostgreSQL: `repos()` answers each instance's repository (on PostgreSQL, each on its own pool).
 */
export function inboundLeaseScenarios(repos: () => [InboxRepository, InboxRepository]): void {
  const running: InboundInstance[] = [];
  const instance = (repo: InboxRepository, id: string) => {
    const it = inboundInstance(repo, id, { leaseMs: LEASE_MS, sweepMs: SWEEP_MS });
    running.push(it);
    return it;
  };
  afterEach(async () => {
    for (const i of running.splice(0)) await i.sweep.stop();
  });

  it('a slow handler keeps its claim past the original lease (heartbeat): the other instance sweeps and does not take it', async () => {
    const [ra, rb] = repos();
    const [a, b] = [instance(ra, 'inst-a'), instance(rb, 'inst-b')];
    const { done } = await a.receive('slow-1', true);
    const leaseEnd = (await ra.find('slow-1'))!.leaseUntil!;
    a.sweep.start();
    b.sweep.start();
    await eventually(() => Date.now() > leaseEnd + 20, 5000, 'the original lease to end');
    const s0 = b.sweeps();
    await eventually(() => b.sweeps() >= s0 + 3 && Date.now() > leaseEnd + LEASE_MS / 2, 5000, 'sweeps after the original lease');
    expect(await rb.find('slow-1')).toMatchObject({ state: 'processing', owner: 'inst-a', attempts: 1 });
    expect((await rb.find('slow-1'))!.leaseUntil!).toBeGreaterThan(leaseEnd);
    expect([a.waiting('slow-1'), b.handled]).toEqual([true, []]);
    a.release('slow-1');
    await done;
    expect(await rb.find('slow-1')).toMatchObject({ state: 'done', owner: null });
    expect([a.handled, b.handled]).toEqual([['slow-1'], []]);
  });

  it("a dead instance's claims are taken over by the periodic sweep once its lease ends, each by exactly one instance", async () => {
    const [ra, rb] = repos();
    const dead = inboundInstance(ra, 'inst-dead', { leaseMs: LEASE_MS, sweepMs: SWEEP_MS });
    const ids = Array.from({ length: 20 }, (_, i) => `dead-${i}`);
    for (const id of ids) expect(await dead.recordOnly(id)).toBe('new');
    const leaseEnd = (await ra.find(ids[0]!))!.leaseUntil!;
    const [a, b] = [instance(ra, 'inst-a'), instance(rb, 'inst-b')];
    a.sweep.start();
    b.sweep.start();
    const rows = () => Promise.all(ids.map((id) => rb.find(id)));
    await eventually(async () => (await rows()).every((r) => r?.state === 'done'), 8000, 'the dead claims handled');
    expect([...a.handled, ...b.handled].sort()).toEqual([...ids].sort());
    expect(a.handled.length + b.handled.length).toBe(ids.length);
    expect(new Set((await rows()).map((r) => r!.attempts))).toEqual(new Set([2]));
    expect(Math.min(...(await rows()).map((r) => r!.completedAt!))).toBeGreaterThanOrEqual(leaseEnd);
  });

  it('a graceful stop hands back a claim still being handled; the other instance takes it at its next sweep', async () => {
    const [ra, rb] = repos();
    const [a, b] = [instance(ra, 'inst-a'), instance(rb, 'inst-b')];
    const { done } = await a.receive('handback-1', true);
    expect(await a.claims.handBack(30)).toBe(1);
    expect((await rb.find('handback-1'))!.leaseUntil!).toBeLessThanOrEqual(Date.now());
    expect(await b.sweep.sweepOnce()).toBe(1);
    expect(b.handled).toEqual(['handback-1']);
    expect(await rb.find('handback-1')).toMatchObject({ state: 'done', attempts: 2 });
    a.release('handback-1');
    await done;
  });
}
