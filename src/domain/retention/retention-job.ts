import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { RetentionRegistry } from './retention-target.js';

export interface RetentionRow {
  name: string;
  retentionMs: number;
  cutoff: number;
  /** What is expired now (a plan) or what went (a run). */
  count: number;
  /** A run only: the target failed and kept its data; the next run tries again. */
  failed?: boolean;
}

/**
 * The purge job over every registered target. `plan` counts and changes nothing (the dry run);
 * `run` purges target by target, each audited as `retention.purged` with the count in the reason
 * code. One failing target is recorded as a failure and does not stop the others.
 */
export function createRetentionJob(deps: { registry: RetentionRegistry; audit: AuditSink; clock: Clock; logger: Logger }) {
  const { registry, audit, clock, logger } = deps;
  let running: Promise<RetentionRow[]> | undefined;

  async function purgeAll(now: number): Promise<RetentionRow[]> {
    const rows: RetentionRow[] = [];
    for (const t of registry.list()) {
      const cutoff = now - t.retentionMs;
      try {
        const count = await t.purge(cutoff);
        rows.push({ name: t.name, retentionMs: t.retentionMs, cutoff, count });
        audit.append({ actor: 'system', action: AUDIT_ACTIONS.retentionPurged, target: t.name, outcome: 'success', reason: `count:${count}` });
      } catch (err) {
        rows.push({ name: t.name, retentionMs: t.retentionMs, cutoff, count: 0, failed: true });
        logger.error({ code: 'retention.target_failed', target: t.name, err: (err as Error).message }, 'retention purge failed');
        audit.append({ actor: 'system', action: AUDIT_ACTIONS.retentionPurged, target: t.name, outcome: 'failure', reason: 'error' });
      }
    }
    const total = rows.reduce((n, r) => n + r.count, 0);
    logger.info({ code: 'retention.done', total, targets: rows.map((r) => `${r.name}:${r.count}`) }, 'retention purge');
    return rows;
  }

  return {
    async plan(now = clock.now()): Promise<RetentionRow[]> {
      const rows: RetentionRow[] = [];
      for (const t of registry.list()) {
        const cutoff = now - t.retentionMs;
        rows.push({ name: t.name, retentionMs: t.retentionMs, cutoff, count: await t.countExpired(cutoff) });
      }
      return rows;
    },

    /** Purges; a run asked for while one is going joins it rather than purging twice at once. */
    run(now = clock.now()): Promise<RetentionRow[]> {
      running ??= purgeAll(now).finally(() => {
        running = undefined;
      });
      return running;
    },

    /** Resolves once no run is going (the service waits for it before closing the database). */
    async idle(): Promise<void> {
      await running?.catch(() => undefined);
    },
  };
}

export type RetentionJob = ReturnType<typeof createRetentionJob>;
