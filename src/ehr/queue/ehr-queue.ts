import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { EhrPendingKind, EhrPendingStatus } from '../../domain/ehr/ehr-tables.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { parseAllergyInput } from '../ehr-input.js';
import type { AllergyInput } from '../../domain/ehr/ehr-port.js';
import type { EhrPendingRow, EhrQueueRepository } from './ehr-queue-repository.js';
import type { PayloadCipher } from './payload-cipher.js';

/**
 * "Pending EHR writes": a structured record is stored (encrypted) before anything else happens to it,
 * and stays until the EHR has it; the worker (ehr-queue-worker.ts) delivers it with backoff. Callers
 * see status and codes only, never the payload.
 */
export interface EhrPendingView {
  id: string;
  kind: EhrPendingKind;
  status: EhrPendingStatus;
  attempts: number;
  /** When the worker tries next (pending rows). */
  nextAttemptAt: number;
  /** Code of the last failure, e.g. `ehr.unavailable:http.503`. */
  lastError: string | null;
  /** The EHR's resource id once delivered. */
  remoteId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface EhrQueueDeps {
  repo: EhrQueueRepository;
  cipher: PayloadCipher;
  clock: Clock;
  audit?: AuditSink;
  /** Wakes the worker after a new record is queued. */
  notify?: () => void;
}

const view = (r: EhrPendingRow): EhrPendingView => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.nextAttemptAt,
  lastError: r.lastError,
  remoteId: r.remoteId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function createEhrQueue(deps: EhrQueueDeps) {
  const { repo, cipher, clock } = deps;

  return {
    /**
     * Validates and stores an allergy record for the EHR; returns the queue id. The same `idemKey`
     * (e.g. the alert's msgId) returns the first record's id and stores nothing new. Awaited inside a
     * caller's transaction body, it is queued in that transaction.
     */
    async enqueueAllergy(input: AllergyInput, idemKey: string): Promise<string> {
      const valid = parseAllergyInput(input);
      const id = newId();
      const payload = cipher.seal(id, 'allergy', JSON.stringify(valid));
      const r = await repo.insertPending({ id, idemKey, kind: 'allergy', payload, now: clock.now() });
      if (r.created) {
        deps.audit?.append({ actor: 'system', action: AUDIT_ACTIONS.ehrWriteQueued, target: r.id, outcome: 'success', reason: 'allergy' });
        deps.notify?.();
      }
      return r.id;
    },

    async status(id: string): Promise<EhrPendingView | undefined> {
      const r = await repo.findById(id);
      return r ? view(r) : undefined;
    },

    /** Everything not yet in the EHR: pending (retrying) and failed (rejected, waiting for an admin). */
    async listPending(): Promise<EhrPendingView[]> {
      return (await repo.listOpen()).map(view);
    },

    /** An admin puts a failed record back in the queue (e.g. after the patient was registered). */
    async retry(id: string): Promise<boolean> {
      const ok = await repo.retryDead(id, clock.now());
      if (ok) deps.notify?.();
      return ok;
    },
  };
}

export type EhrQueue = ReturnType<typeof createEhrQueue>;
