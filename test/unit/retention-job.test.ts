import { describe, expect, it } from 'vitest';
import type { AuditInput } from '../../src/shared/audit-sink.js';
import { createRetentionJob } from '../../src/domain/retention/retention-job.js';
import { formatDuration, formatRetentionTable } from '../../src/domain/retention/retention-report.js';
import { createRetentionRegistry, type RetentionTarget } from '../../src/domain/retention/retention-target.js';
import { loadConfig } from '../../src/config/config.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';

const DAY = 86_400_000;

/** A target over an in-memory list of row times, so what is counted and what is purged can be compared. */
function listTarget(name: string, retentionMs: number, times: number[]): RetentionTarget & { times: number[] } {
  const t = {
    name,
    retentionMs,
    times,
    countExpired: (cutoff: number) => t.times.filter((x) => x < cutoff).length,
    purge: (cutoff: number) => {
      const before = t.times.length;
      t.times = t.times.filter((x) => x >= cutoff);
      return before - t.times.length;
    },
  };
  return t;
}

function setup() {
  const clock = new ManualClock();
  const entries: AuditInput[] = [];
  const registry = createRetentionRegistry();
  const job = createRetentionJob({ registry, audit: { append: (e) => entries.push(e) }, clock, logger: silentLogger });
  return { clock, entries, registry, job };
}

describe('retention job', () => {
  it('When planned, then each target reports what is past its own retention and nothing is deleted', async () => {
    const { clock, registry, job } = setup();
    const now = clock.now();
    const a = listTarget('outbox_sent', 30 * DAY, [now - 31 * DAY, now - 30 * DAY - 1, now - 30 * DAY, now - DAY]);
    const b = listTarget('ephemeral', 2 * DAY, [now - 3 * DAY]);
    registry.register(a);
    registry.register(b);
    expect(await job.plan()).toEqual([
      { name: 'outbox_sent', retentionMs: 30 * DAY, cutoff: now - 30 * DAY, count: 2 },
      { name: 'ephemeral', retentionMs: 2 * DAY, cutoff: now - 2 * DAY, count: 1 },
    ]);
    expect(a.times).toHaveLength(4);
    expect(b.times).toHaveLength(1);
  });

  it('When run, then expired rows go, the rest stay, and each target is audited with its count', async () => {
    const { clock, entries, registry, job } = setup();
    const now = clock.now();
    const a = listTarget('outbox_sent', 30 * DAY, [now - 40 * DAY, now - 31 * DAY, now - DAY]);
    const b = listTarget('processed_messages', 3 * DAY, [now - DAY]);
    registry.register(a);
    registry.register(b);
    const rows = await job.run();
    expect(rows.map((r) => [r.name, r.count])).toEqual([['outbox_sent', 2], ['processed_messages', 0]]);
    expect(a.times).toEqual([now - DAY]);
    expect(entries).toEqual([
      { actor: 'system', action: 'retention.purged', target: 'outbox_sent', outcome: 'success', reason: 'count:2' },
      { actor: 'system', action: 'retention.purged', target: 'processed_messages', outcome: 'success', reason: 'count:0' },
    ]);
    // A second run has nothing left to do.
    expect((await job.run()).map((r) => r.count)).toEqual([0, 0]);
  });

  it('When one target fails, then it is recorded as a failure and the others are still purged', async () => {
    const { clock, entries, registry, job } = setup();
    const now = clock.now();
    registry.register({ name: 'documents', retentionMs: DAY, countExpired: () => 1, purge: async () => Promise.reject(new Error('disk')) });
    const ok = listTarget('escalations', DAY, [now - 2 * DAY]);
    registry.register(ok);
    const rows = await job.run();
    expect(rows).toMatchObject([{ name: 'documents', count: 0, failed: true }, { name: 'escalations', count: 1 }]);
    expect(ok.times).toEqual([]);
    expect(entries.map((e) => [e.target, e.outcome, e.reason])).toEqual([['documents', 'failure', 'error'], ['escalations', 'success', 'count:1']]);
  });

  it('When runs overlap, then the second joins the first instead of purging twice', async () => {
    const { clock, registry, job } = setup();
    let calls = 0;
    registry.register({ name: 'slow', retentionMs: DAY, countExpired: () => 0, purge: async () => (calls++, new Promise<number>((r) => setTimeout(() => r(3), 20))) });
    const [x, y] = await Promise.all([job.run(clock.now()), job.run(clock.now())]);
    expect(calls).toBe(1);
    expect(x).toBe(y);
    await job.idle();
  });
});

describe('retention registry', () => {
  it('When anything tries to register the audit log, then it is refused: the audit log is never purged', () => {
    const r = createRetentionRegistry();
    for (const name of ['audit_log', 'audit_entries', 'AUDIT', 'merkle_nodes', 'checkpoints']) {
      expect(() => r.register(listTarget(name, DAY, []))).toThrow(expect.objectContaining({ code: 'config.invalid' }));
    }
    expect(r.list()).toEqual([]);
  });

  it('When a name is registered twice or with no retention, then it is a configuration error', () => {
    const r = createRetentionRegistry();
    r.register(listTarget('outbox_sent', DAY, []));
    expect(() => r.register(listTarget('outbox_sent', DAY, []))).toThrow(/registered twice/);
    expect(() => r.register(listTarget('ephemeral', 0, []))).toThrow(/must be positive/);
    expect(r.list().map((t) => t.name)).toEqual(['outbox_sent']);
  });
});

describe('retention settings and report', () => {
  it('When nothing is set, then the defaults apply; per-institution document years are parsed', () => {
    const d = loadConfig({}).retention;
    expect(d).toMatchObject({ outboxSentMs: 30 * DAY, ephemeralMs: 30 * DAY, documentMs: Math.round(7 * 365.25 * DAY), documentMsByInstitution: {}, intervalMs: DAY });
    const c = loadConfig({ RETENTION_DOCUMENT_YEARS_BY_INSTITUTION: 'QMH=10,HPH=8', RETENTION_OUTBOX_SENT_DAYS: '7' }).retention;
    expect(c.documentMsByInstitution).toEqual({ QMH: Math.round(10 * 365.25 * DAY), HPH: Math.round(8 * 365.25 * DAY) });
    expect(c.outboxSentMs).toBe(7 * DAY);
    expect(() => loadConfig({ RETENTION_DOCUMENT_YEARS_BY_INSTITUTION: 'QMH:10' })).toThrow(/RETENTION_DOCUMENT_YEARS_BY_INSTITUTION/);
    expect(() => loadConfig({ RETENTION_OUTBOX_SENT_DAYS: '0' })).toThrow(/RETENTION_OUTBOX_SENT_DAYS/);
  });

  it('When formatted, then each type is a row with its retention, cutoff and count, plus a total', () => {
    const cutoff = Date.UTC(2026, 0, 2, 3, 4);
    const table = formatRetentionTable(
      [
        { name: 'processed_messages', retentionMs: 72 * 3_600_000, cutoff, count: 12 },
        { name: 'documents:QMH', retentionMs: Math.round(10 * 365.25 * DAY), cutoff, count: 3 },
        { name: 'outbox_sent', retentionMs: 30 * DAY, cutoff, count: 0, failed: true },
      ],
      'would purge',
    );
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^type\s+retention\s+older than \(UTC\)\s+would purge$/);
    expect(lines[2]).toMatch(/^processed_messages\s+72 h\s+2026-01-02 03:04\s+12$/);
    expect(lines[3]).toMatch(/^documents:QMH\s+10 y\s+2026-01-02 03:04\s+3$/);
    expect(lines[4]).toMatch(/^outbox_sent\s+30 d\s+.*FAILED$/);
    expect(lines.at(-1)).toMatch(/^total\s+15$/);
    expect(formatDuration(7 * DAY)).toBe('7 d');
  });
});
