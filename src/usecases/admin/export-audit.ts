import type { AuditEntry } from '../../domain/audit/audit-entry.js';
import { toAuditBundle } from '../../domain/audit/audit-fhir.js';
import type { AuditReadRepository } from '../../domain/audit/audit-reader.js';
import type { AuditFilter } from '../../domain/audit/audit-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';

export interface ExportAuditDeps {
  /** The log: `flush` so entries waiting for their group commit are in the export, `append` to record it. */
  log: Pick<AuditSink, 'append'> & { flush(): Promise<void>; repo: Pick<AuditReadRepository, 'list'> };
  clock: Clock;
}

/** The export: a FHIR AuditEvent bundle (oldest first) and when it was made. */
export interface AuditExport {
  bundle: ReturnType<typeof toAuditBundle>;
  at: number;
}

/**
 * An auditor (or admin, privacy officer) exports up to `limit` of the newest entries matching the
 * filter as FHIR AuditEvents. The export itself is audited with the number of entries it holds.
 */
export async function exportAudit(deps: ExportAuditDeps, actorId: string, filter: AuditFilter, limit: number): Promise<AuditExport> {
  const { log } = deps;
  await log.flush();
  const picked: AuditEntry[] = [];
  let before: number | undefined;
  while (picked.length < limit) {
    const page = await log.repo.list(filter, { before, limit: Math.min(500, limit - picked.length) });
    picked.push(...page.entries);
    if (page.nextBefore === null) break;
    before = page.nextBefore;
  }
  const at = deps.clock.now();
  log.append({ actor: actorId, action: AUDIT_ACTIONS.auditExported, outcome: 'success', reason: `entries:${picked.length}` });
  return { bundle: toAuditBundle(picked.reverse(), at), at };
}
