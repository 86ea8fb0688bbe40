import type { OutboxService } from '../../domain/outbox/outbox-service.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';

export interface OutboxActionDeps {
  outbox: Pick<OutboxService, 'retryDead' | 'discard'>;
  audit: Pick<AuditSink, 'append'>;
}

/** Runs one admin change on an outbox row and audits it with the row id, refused (not_found) or done. */
async function audited(deps: OutboxActionDeps, adminId: string, id: number, action: string, run: (id: number) => Promise<void>): Promise<void> {
  const target = `outbox-${id}`;
  try {
    await run(id);
  } catch (e) {
    deps.audit.append({ actor: adminId, action, target, outcome: 'denied', reason: 'not_found' });
    throw e;
  }
  deps.audit.append({ actor: adminId, action, target, outcome: 'success' });
}

/** An admin puts a dead outbox row back in the queue. Throws `not_found` unless the row exists and is dead. */
export function retryOutboxItem(deps: OutboxActionDeps, adminId: string, id: number): Promise<void> {
  return audited(deps, adminId, id, AUDIT_ACTIONS.outboxRetried, (n) => deps.outbox.retryDead(n));
}

/** An admin discards a pending or dead outbox row. Throws `not_found` unless the row exists and is pending or dead. */
export function discardOutboxItem(deps: OutboxActionDeps, adminId: string, id: number): Promise<void> {
  return audited(deps, adminId, id, AUDIT_ACTIONS.outboxDiscarded, (n) => deps.outbox.discard(n));
}
