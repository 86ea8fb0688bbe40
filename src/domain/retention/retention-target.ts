import { DomainError } from '../../shared/errors.js';

/**
 * One kind of data that expires. Each context registers its own (the retention job knows none of
 * their tables), so a context added later — burn items, alerts — only calls `register`.
 * `cutoff` is `now - retentionMs`: rows older than it are expired.
 */
export interface RetentionTarget {
  /** Shown in reports and audited as the target, e.g. `outbox_sent`, `documents:QMH`. */
  name: string;
  retentionMs: number;
  countExpired(cutoff: number): number | Promise<number>;
  /** Deletes (or shreds) what `countExpired` counted; returns how many went. */
  purge(cutoff: number): number | Promise<number>;
}

/** Rows one purge step handles before the event loop gets a turn (retention runs beside requests). */
export const RETENTION_BATCH = 200;

/** The audit log is append-only evidence: nothing may ever register to purge it. */
const NEVER_PURGED = /^(audit|merkle|checkpoint)/i;

export function createRetentionRegistry() {
  const targets = new Map<string, RetentionTarget>();
  return {
    register(target: RetentionTarget): void {
      if (NEVER_PURGED.test(target.name)) throw new DomainError('config.invalid', 'the audit log is never purged');
      if (!(target.retentionMs > 0)) throw new DomainError('config.invalid', `retention of ${target.name} must be positive`);
      if (targets.has(target.name)) throw new DomainError('config.invalid', `retention target ${target.name} registered twice`);
      targets.set(target.name, target);
    },
    list(): RetentionTarget[] {
      return [...targets.values()];
    },
  };
}

export type RetentionRegistry = ReturnType<typeof createRetentionRegistry>;
