import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { ApprovalService, ExpiredRequest } from '../approvals/approval-service.js';
import type { GrantService } from '../grants/grant-service.js';

export const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

export interface SweepResult {
  requestsExpired: number;
  grantsRecorded: number;
}

/**
 * Moves time-boxed sharing state on: pending access requests past their deadline become `expired`
 * (and the requester is told through `onRequestExpired`), and grants that ran out get their
 * `grant.expired` audit entry. Access itself already stops at expiry (every check compares with the
 * clock); the sweep makes the lapse visible to people and to the audit log.
 */
export function createExpirySweeper(deps: {
  approvals: Pick<ApprovalService, 'expireDue'>;
  grants: Pick<GrantService, 'sweepExpired'>;
  clock: Clock;
  logger: Logger;
  /** Tells the requester; must not throw for one request and stop the others being told. */
  onRequestExpired: (r: ExpiredRequest) => Promise<void> | void;
  intervalMs?: number;
}) {
  const { approvals, grants, clock, logger, onRequestExpired } = deps;
  let timer: NodeJS.Timeout | undefined;

  async function sweep(now = clock.now()): Promise<SweepResult> {
    const expired = await approvals.expireDue(now);
    for (const r of expired) {
      try {
        await onRequestExpired(r);
      } catch (err) {
        // Ids only: the request id is enough to find it; the error text never carries patient data.
        logger.error({ code: 'sweep.notify_failed', requestId: r.requestId, err: (err as Error).message }, 'expiry notice failed');
      }
    }
    return { requestsExpired: expired.length, grantsRecorded: await grants.sweepExpired(now) };
  }

  return {
    sweep,
    /** Sweeps now (to catch up on lapses while the service was down), then every interval. */
    start(): void {
      if (timer) return;
      const tick = async () => {
        try {
          const r = await sweep();
          if (r.requestsExpired || r.grantsRecorded) logger.info({ code: 'sweep.done', ...r }, 'expiry sweep');
        } catch (err) {
          logger.error({ code: 'sweep.failed', err: (err as Error).message }, 'expiry sweep failed');
        }
      };
      void tick();
      timer = setInterval(() => void tick(), deps.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
      // Never the reason the process stays alive.
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

export type ExpirySweeper = ReturnType<typeof createExpirySweeper>;
