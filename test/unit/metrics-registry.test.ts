import { describe, expect, it } from 'vitest';
import { createServiceMetrics } from '../../src/compose/metrics.js';
import { ManualClock } from '../../src/shared/clock.js';
import { seriesValue } from '../helpers/prom-text.js';

function metrics(rows: { pending?: number; dead?: number; oldestDueCreatedAt?: number | null }, auditSize = 7, backgroundJobs = { running: false }) {
  const clock = new ManualClock();
  const m = createServiceMetrics({
    instanceId: 'node-a',
    clock,
    outbox: {
      countOf: async (status) => (status === 'pending' ? rows.pending : status === 'dead' ? rows.dead : undefined) ?? 0,
      oldestDueCreatedAt: async () => rows.oldestDueCreatedAt ?? null,
    },
    audit: { size: auditSize },
    backgroundJobs,
  });
  return { m, clock };
}

const line = (text: string, prefix: string) => text.split('\n').find((l) => l.startsWith(prefix));

/** The registry behind GET /metrics: gauges read on scrape, label values from fixed sets only. */
describe('service metrics registry', () => {
  it('When scraped, then the outbox gauges and audit size come from their sources, read now', async () => {
    const { m, clock } = metrics({ pending: 3, dead: 2, oldestDueCreatedAt: Date.UTC(2026, 10, 25, 6, 0, 0) - 42_000 });
    const { body, contentType } = await m.scrape();
    expect(contentType).toContain('text/plain');
    expect(line(body, 'consultbridge_outbox_depth{')).toBe('consultbridge_outbox_depth{instance_id="node-a"} 3');
    expect(line(body, 'consultbridge_outbox_dead_letters{')).toBe('consultbridge_outbox_dead_letters{instance_id="node-a"} 2');
    expect(line(body, 'consultbridge_outbox_oldest_due_age_seconds{')).toBe('consultbridge_outbox_oldest_due_age_seconds{instance_id="node-a"} 42');
    expect(line(body, 'consultbridge_audit_entries{')).toBe('consultbridge_audit_entries{instance_id="node-a"} 7');
    clock.advance(8_000);
    expect(line((await m.scrape()).body, 'consultbridge_outbox_oldest_due_age_seconds{')).toContain('} 50');
  });

  it('When the after-ready backfills run, then background_jobs_running is 1, and 0 once they have run out', async () => {
    const jobs = { running: true };
    const { m } = metrics({}, 7, jobs);
    expect(line((await m.scrape()).body, 'consultbridge_background_jobs_running{')).toBe('consultbridge_background_jobs_running{instance_id="node-a"} 1');
    jobs.running = false;
    expect(line((await m.scrape()).body, 'consultbridge_background_jobs_running{')).toBe('consultbridge_background_jobs_running{instance_id="node-a"} 0');
  });

  it('When nothing is due or queued, then depth and age are 0', async () => {
    const { body } = await metrics({}).m.scrape();
    expect(line(body, 'consultbridge_outbox_depth{')).toMatch(/ 0$/);
    expect(line(body, 'consultbridge_outbox_oldest_due_age_seconds{')).toMatch(/ 0$/);
  });

  it('When the port is used, then counters and the lag histogram move, with an unknown action counted as other and a negative lag as 0', async () => {
    const { m } = metrics({});
    m.port.inbound('received', 'robot');
    m.port.inbound('received', 'robot');
    m.port.inbound('dead_letter', 'event');
    m.port.accessDecision('view', false);
    m.port.accessDecision('C-7KQ2M', true);
    m.port.timerLag('burn', 1200);
    m.port.timerLag('escalation', -5);
    const { body } = await m.scrape();
    expect(body).toContain('consultbridge_inbound_received_total{kind="robot",instance_id="node-a"} 2');
    expect(body).toContain('consultbridge_inbound_dead_letters_total{kind="event",instance_id="node-a"} 1');
    expect(body).toContain('consultbridge_access_decisions_total{action="view",outcome="denied",instance_id="node-a"} 1');
    expect(body).toContain('consultbridge_access_decisions_total{action="other",outcome="allowed",instance_id="node-a"} 1');
    expect(body).not.toContain('C-7KQ2M');
    expect(seriesValue(body, 'consultbridge_timer_lag_seconds_sum', { timer: 'burn' })).toBe(1.2);
    expect(seriesValue(body, 'consultbridge_timer_lag_seconds_bucket', { timer: 'escalation', le: '0.05' })).toBe(1);
  });

  it('When two services run in one process, then each has its own registry', async () => {
    const a = metrics({}).m;
    const b = metrics({}).m;
    a.port.inbound('handled', 'card');
    expect((await a.scrape()).body).toContain('consultbridge_inbound_handled_total{kind="card",instance_id="node-a"} 1');
    expect((await b.scrape()).body).toContain('consultbridge_inbound_handled_total{kind="card",instance_id="node-a"} 0');
  });
});
