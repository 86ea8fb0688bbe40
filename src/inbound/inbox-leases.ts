import type { InboxRepository } from '../domain/inbox/inbox-repository.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { idShaped } from './inbox-ids.js';

export interface InboxLeasesDeps {
  inbox: Pick<InboxRepository, 'extendLease'>;
  clock: Clock;
  logger: Logger;
  instanceId: string;
  leaseMs: number;
}

/**
 * The leases of the claims this instance is handling right now. While a handler runs, its claim's
 * lease is extended every third of the lease (a heartbeat), so a slow handler is not taken over by
 * another instance; at a graceful stop, claims still being handled after a grace period are handed
 * back (their lease ends now), so another instance takes them over at its next sweep.
 */
export function createInboxLeases(deps: InboxLeasesDeps) {
  const { inbox, clock, logger, instanceId, leaseMs } = deps;
  /** msgId → the running handler (settled, never rejects). */
  const held = new Map<string, Promise<void>>();

  async function extend(msgId: string): Promise<void> {
    try {
      if (!(await inbox.extendLease(msgId, instanceId, clock.now() + leaseMs))) {
        logger.warn({ code: 'inbound.lease_lost', msgId: idShaped(msgId) }, 'a claim being handled was taken over or ended elsewhere');
      }
    } catch (err) {
      logger.warn({ code: 'inbound.lease_extend_failed', err: (err as Error).message }, 'could not extend an inbound lease');
    }
  }

  return {
    /** Runs `work` on a claim this instance holds, extending its lease until `work` settles. */
    async hold<T>(msgId: string, work: () => Promise<T>): Promise<T> {
      const beat = setInterval(() => void extend(msgId), Math.max(1, Math.floor(leaseMs / 3)));
      beat.unref();
      const run = work();
      const settled = run.then(
        () => undefined,
        () => undefined,
      );
      held.set(msgId, settled);
      try {
        return await run;
      } finally {
        clearInterval(beat);
        if (held.get(msgId) === settled) held.delete(msgId);
      }
    },

    /** How many claims are being handled now. */
    size: (): number => held.size,

    /**
     * Graceful stop: waits up to `graceMs` for the handlers running now, then hands back the claims of
     * those still running (lease ended now; another instance may take them over). Answers how many.
     */
    async handBack(graceMs: number): Promise<number> {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all(held.values()), grace]);
      clearTimeout(timer);
      const left = [...held.keys()];
      for (const msgId of left) {
        try {
          await inbox.extendLease(msgId, instanceId, clock.now());
        } catch (err) {
          logger.warn({ code: 'inbound.lease_release_failed', err: (err as Error).message }, 'could not hand back an inbound lease');
        }
      }
      if (left.length > 0) logger.warn({ code: 'inbound.leases_handed_back', count: left.length }, 'inbound claims handed back at stop');
      return left.length;
    },
  };
}

export type InboxLeases = ReturnType<typeof createInboxLeases>;
