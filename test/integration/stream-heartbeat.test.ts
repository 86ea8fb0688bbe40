import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';

/**
 * The SDK starts a heartbeat timer at every open and never stops the old one; after many reconnects
 * the stacked timers terminate healthy sockets (R2 saw 183 connections for 100 forced disconnects).
 */
describe('stream heartbeat across reconnects', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('When the connection is dropped five times, then one heartbeat timer runs, not six', async () => {
    const client = h.service.receiver.client as unknown as { heartbeat_interval: number };
    const heartbeats = new Set<unknown>();
    const setSpy = vi.spyOn(globalThis, 'setInterval');
    const clearSpy = vi.spyOn(globalThis, 'clearInterval');
    const live = () => {
      const created = setSpy.mock.calls.map((c, i) => [c[1], setSpy.mock.results[i]!.value] as const);
      for (const [ms, id] of created) if (ms === client.heartbeat_interval) heartbeats.add(id);
      const cleared = new Set(clearSpy.mock.calls.map((c) => c[0]));
      return [...heartbeats].filter((id) => !cleared.has(id as never)).length;
    };
    try {
      for (let i = 0; i < 5; i++) {
        const opened = h.sim.stats.connectionsOpened;
        h.sim.disconnectAll();
        await h.sim.waitFor('connection', opened + 1, 5000);
        await h.service.receiver.supervisor.whenConnected();
      }
      // The client's socket opens a moment after the server accepted it; each open starts a timer.
      await eventually(() => (live(), heartbeats.size === 5), 5000, 'five heartbeat timers started');
      // The first connection's timer was started before the spy: it is not counted either way.
      expect(live()).toBe(1);
    } finally {
      setSpy.mockRestore();
      clearSpy.mockRestore();
    }
  });
});
