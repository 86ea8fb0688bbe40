import type { YidaCallbackBody } from '../../contract/yida.js';
import type { YidaRepository } from '../../domain/forms/yida-repository-port.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import type { Transaction } from '../../shared/transactions.js';

/** Queues the fetch of a submission's form data (an outbox intent, so a DingTalk outage only delays it). */
export type EnqueueFetch = (submissionId: string, idemKey: string) => Promise<void>;

export interface ReceiveSubmissionDeps {
  repo: Pick<YidaRepository, 'insertReceived'>;
  enqueueFetch: EnqueueFetch;
  transaction: Transaction;
  audit: AuditSink;
  clock: Clock;
}

/** The idempotency key of a submission's fetch job; a console retry adds its own suffix. */
export const fetchKey = (submissionId: string, suffix = 'first'): string => `yida:${submissionId}:${suffix}`;

/**
 * A Yida submission notification (the callback, already authenticated and validated): stored first and
 * its fetch queued in the same transaction, so nothing is lost whatever happens next. Idempotent on the
 * form instance id: a repeated callback answers the first one's id and queues nothing new.
 */
export async function receiveSubmission(deps: ReceiveSubmissionDeps, body: YidaCallbackBody): Promise<{ submissionId: string; duplicate: boolean }> {
  const instanceId = (body.formInstanceId ?? body.formInstId)!;
  let out = { submissionId: '', duplicate: true };
  await deps.transaction(async () => {
    const row = await deps.repo.insertReceived({ id: newId(), instanceId, formUuid: body.formUuid, appType: body.appType, receivedAt: deps.clock.now() });
    out = { submissionId: row.id, duplicate: !row.created };
    if (!row.created) return;
    await deps.enqueueFetch(row.id, fetchKey(row.id));
    deps.audit.append({ actor: 'system', action: AUDIT_ACTIONS.yidaReceived, target: row.id, outcome: 'success' }, { now: true });
  });
  return out;
}
