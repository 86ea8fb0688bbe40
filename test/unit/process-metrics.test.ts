import { createRequire } from 'node:module';
import { register as globalRegistry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServiceMetrics } from '../../src/compose/metrics.js';
import { processMetricsRegistry, withLabel } from '../../src/compose/process-metrics.js';
import { ManualClock } from '../../src/shared/clock.js';
import { eventually } from '../helpers/eventually.js';

// The very module object prom-client calls into (it reads `perf_hooks.monitorEventLoopDelay` at collect time).
const perfHooks = createRequire(import.meta.url)('perf_hooks') as typeof import('node:perf_hooks');

const make = (instanceId: string) =>
  createServiceMetrics({ instanceId, clock: new ManualClock(), outbox: { countOf: async () => 0, oldestDueCreatedAt: async () => null }, audit: { size: 0 }, backgroundJobs: { running: false } });

/** Lets the event-loop lag collector's setImmediate run, so it is not counted as a live resource. */
const settle = () => new Promise((r) => setImmediate(r));
const listenerTotal = () => process.eventNames().reduce((n, e) => n + process.listenerCount(e), 0);

/**
 * Review fix (issue 12): prom-client's default collectors start an event-loop delay monitor and a GC
 * observer that cannot be stopped; they were started again for every service and never removed.
 */
describe('process metrics: collected once per process, whatever the number of services', () => {
  afterEach(() => vi.restoreAllMocks());

  it('When N services are created, scraped and closed, then no monitor, timer, listener or metric is left over', async () => {
    const warm = make('warm');
    await warm.scrape();
    warm.close();
    await settle();
    const before = {
      resources: process.getActiveResourcesInfo().length,
      listeners: listenerTotal(),
      processMetrics: processMetricsRegistry().getMetricsAsArray().length,
      globalMetrics: globalRegistry.getMetricsAsArray().length,
    };
    const monitors = vi.spyOn(perfHooks, 'monitorEventLoopDelay');
    for (let i = 0; i < 25; i++) {
      const m = make(`svc-${i}`);
      expect((await m.scrape()).body).toContain(`process_resident_memory_bytes{instance_id="svc-${i}"}`);
      m.close();
    }
    expect(monitors).not.toHaveBeenCalled();
    const now = () => ({
      resources: process.getActiveResourcesInfo().length,
      listeners: listenerTotal(),
      processMetrics: processMetricsRegistry().getMetricsAsArray().length,
      globalMetrics: globalRegistry.getMetricsAsArray().length,
    });
    // A scrape's own file reads (/proc) may still be finishing on a busy machine, and a resource the
    // runner held before may have ended since: 25 leaked monitors, timers or listeners only ever add.
    const within = () => {
      const n = now();
      return n.resources <= before.resources && n.listeners === before.listeners && n.processMetrics === before.processMetrics && n.globalMetrics === before.globalMetrics;
    };
    await eventually(async () => {
      await settle();
      return within();
    }, 5000, 'resources back to where they were').catch(() => undefined);
    expect({ ...now(), resources: Math.max(now().resources, before.resources) }).toEqual(before);
  });

  it('When a service closes, then its own series are gone and the process series remain for the others', async () => {
    const a = make('a');
    const b = make('b');
    a.close();
    const afterClose = (await a.scrape()).body;
    expect(afterClose).not.toContain('consultbridge_');
    expect(afterClose).toContain('process_resident_memory_bytes{instance_id="a"}');
    expect((await b.scrape()).body).toContain('consultbridge_outbox_depth{instance_id="b"} 0');
    b.close();
  });

  it('When process series are labelled, then the label goes last on every sample line and comments stay', () => {
    const text = '# HELP x X\n# TYPE x gauge\nx 1\ny{kind="major"} 2.5\n';
    expect(withLabel(text, 'instance_id', 'n"1')).toBe('# HELP x X\n# TYPE x gauge\nx{instance_id="n\\"1"} 1\ny{kind="major",instance_id="n\\"1"} 2.5\n');
  });
});
