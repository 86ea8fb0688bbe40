import { describe, expect, it } from 'vitest';
import { createBurnScheduler } from '../../src/domain/burn/burn-scheduler.js';
import { silentLogger } from '../../src/shared/logger.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('burn scheduler', () => {
  it('runs once before start resolves (overdue items go before anything is served), then polls', async () => {
    const calls: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = createBurnScheduler({
      logger: silentLogger,
      pollMs: 10,
      destroyDue: async () => {
        calls.push(Date.now());
        if (calls.length === 1) await gate;
        return 0;
      },
    });
    let started = false;
    const starting = s.start().then(() => (started = true));
    await sleep(30);
    expect(started).toBe(false); // still destroying the overdue
    release();
    await starting;
    await sleep(60);
    expect(calls.length).toBeGreaterThan(2);
    await s.stop();
    const n = calls.length;
    await sleep(40);
    expect(calls.length).toBe(n);
  });

  it('never runs two passes at once, and a failing pass does not stop the polling', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const s = createBurnScheduler({
      logger: silentLogger,
      pollMs: 5,
      destroyDue: async () => {
        runs++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(3);
        running--;
        if (runs === 2) throw new Error('disk full');
        return 1;
      },
    });
    await s.start();
    await Promise.allSettled([s.runNow(), s.runNow(), s.runNow()]);
    await sleep(40);
    await s.stop();
    expect(maxRunning).toBe(1);
    expect(runs).toBeGreaterThan(5);
  });
});
