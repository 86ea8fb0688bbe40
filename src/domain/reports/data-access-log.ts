import { yieldToLoop } from '../../shared/batches.js';
import type { AuditReadRepository } from '../audit/audit-reader.js';
import type { documentTypeWords } from '../../contract/document-types.js';
import type { PersonRef } from './people.js';

/** Entries read and described per step; the event loop gets a turn between steps. */
export const ACCESS_LOG_PAGE = 500;
/** The most entries one report lists (as before: the report is one JSON document). */
export const ACCESS_LOG_CAP = 10_000;

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The report's access log: every audit entry about the patient's targets, oldest first, read in keyset
 * pages of ACCESS_LOG_PAGE, with a turn of the event loop after each page. The log grows with the
 * patient's own history (every earlier report about them is an entry too), so it is never read or
 * described in one synchronous stretch.
 */
export async function readAccessLog(
  auditEntries: Pick<AuditReadRepository, 'byTargets'>,
  targets: readonly string[],
  docTypes: ReadonlyMap<string, ReturnType<typeof documentTypeWords>>,
  person: (id: string) => Promise<PersonRef>,
) {
  const out = [];
  let after = -1;
  while (out.length < ACCESS_LOG_CAP) {
    const want = Math.min(ACCESS_LOG_PAGE, ACCESS_LOG_CAP - out.length);
    const page = await auditEntries.byTargets(targets, want, after);
    for (const e of page) {
      out.push({
        index: e.idx,
        at: iso(e.at),
        actor: e.actor === 'system' ? null : await person(e.actor),
        actorId: e.actor,
        action: e.action,
        target: e.target,
        targetDocType: (e.target && docTypes.get(e.target)) || null,
        outcome: e.outcome,
        reason: e.reason,
      });
    }
    if (page.length < want) break;
    after = page.at(-1)!.idx;
    await yieldToLoop();
  }
  return out;
}
