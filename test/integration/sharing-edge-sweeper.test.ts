import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExpiredRequest } from '../../src/domain/approvals/approval-service.js';
import { createExpirySweeper } from '../../src/domain/sharing/expiry-sweeper.js';
import { ManualClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';

/** The sweeper alone, with stand-in services: what it passes on, what it survives, and its timer. */
describe('expiry sweeper', () => {
  afterEach(async () => {
    vi.useRealTimers();
  });
  /** A real logger whose lines the test can read. */
  const capture = () => {
    const lines: string[] = [];
    return { lines, logger: createLogger('info', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) })) };
  };
  const setup = (expired: ExpiredRequest[][], onRequestExpired: (r: ExpiredRequest) => void) => {
    const { lines, logger } = capture();
    const calls: number[] = [];
    const clock = new ManualClock();
    const sweeper = createExpirySweeper({
      approvals: { expireDue: async (now = clock.now()) => (calls.push(now), expired.shift() ?? []) },
      grants: { sweepExpired: async () => 2 },
      clock,
      logger,
      onRequestExpired,
      intervalMs: 60_000,
    });
    return { sweeper, lines, calls, clock };
  };
  const req = (n: number): ExpiredRequest => ({ requestId: `r${n}`, requesterId: `c${n}`, documentId: 'd' });

  it('When one notice fails, then the other requesters are still told and the failure is logged by request id only', async () => {
    const told: string[] = [];
    const { sweeper, lines } = setup([[req(1), req(2), req(3)]], (r) => {
      if (r.requestId === 'r2') throw new Error('outbox refused');
      told.push(r.requestId);
    });
    expect(await sweeper.sweep()).toEqual({ requestsExpired: 3, grantsRecorded: 2 });
    expect(told).toEqual(['r1', 'r3']);
    const failure = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.code === 'sweep.notify_failed');
    expect(failure).toMatchObject({ requestId: 'r2', level: 50 });
  });

  it('When started, then it sweeps at once and every interval at the clock’s time, until stopped', async () => {
    vi.useFakeTimers();
    const { sweeper, calls, clock } = setup([], () => undefined);
    sweeper.start();
    sweeper.start(); // a second start adds no second timer
    expect(calls).toHaveLength(1);
    clock.advance(5_000);
    vi.advanceTimersByTime(60_000);
    expect(calls).toEqual([clock.now() - 5_000, clock.now()]);
    sweeper.stop();
    vi.advanceTimersByTime(180_000);
    expect(calls).toHaveLength(2);
  });

  it('When a sweep throws, then the timer keeps going and the error is logged', async () => {
    vi.useFakeTimers();
    const { lines, logger } = capture();
    let n = 0;
    const sweeper = createExpirySweeper({
      approvals: {
        expireDue: async () => {
          if (n++ === 1) throw new Error('database is locked');
          return [];
        },
      },
      grants: { sweepExpired: async () => 0 },
      clock: new ManualClock(),
      logger,
      onRequestExpired: () => undefined,
      intervalMs: 1000,
    });
    sweeper.start();
    await vi.advanceTimersByTimeAsync(3000);
    sweeper.stop();
    expect(n).toBe(4);
    expect(lines.filter((l) => l.includes('"sweep.failed"'))).toHaveLength(1);
  });
});
