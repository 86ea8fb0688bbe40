import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { ActionRun } from '../../domain/mdt/mdt-keyset.js';
import type { MdtAction } from '../../domain/mdt/mdt-meeting.js';
import { DomainError } from '../../shared/errors.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../shared/time-cursor.js';
import { pageLimit } from '../cases/cases-cursor.js';
import type { PageQuery } from './mdt-lists.js';
import type { MdtDeps } from './mdt-ports.js';

/** An action as its owner sees it in "My MDT actions": with the case code, and whether it is overdue. */
export interface MyMdtAction extends MdtAction {
  caseCode: string;
  overdue: boolean;
}

/** The runs in screen order: open soonest due first, open without a due date, then done (latest first). */
const RUNS: readonly ActionRun[] = ['due', 'undated', 'done'];

/** Where the next page starts: the run, and the last row's key in it (base64url of `<time>.<run>:<id>`). */
export function encodeActionCursor(run: ActionRun, a: Pick<MdtAction, 'id' | 'dueAt' | 'doneAt'>): string {
  return encodeTimeCursor({ at: (run === 'due' ? a.dueAt : run === 'done' ? a.doneAt : 0) ?? 0, id: `${run}:${a.id}` });
}

function decodeActionCursor(s: string | undefined): { run: ActionRun; after: { at: number; id: string } } | undefined {
  const c = decodeTimeCursor(s);
  if (!c) return undefined;
  const m = /^(due|undated|done):(.+)$/s.exec(c.id);
  if (!m) throw new DomainError('request.invalid', 'the cursor does not read');
  return { run: m[1] as ActionRun, after: { at: c.at, id: m[2]! } };
}

/**
 * The signed-in clinician's MDT actions, a keyset page: open first (soonest due first, undated last),
 * then done ones, most recently done first. A page may span runs; each run is one index seek.
 */
export async function myMdtActions(
  deps: Pick<MdtDeps, 'mdt' | 'casesRepo' | 'clock'>, me: ClinicianRow, q: PageQuery,
): Promise<{ items: MyMdtAction[]; nextCursor: string | null }> {
  const limit = pageLimit(q.limit);
  const from = decodeActionCursor(q.cursor);
  const rows: { run: ActionRun; action: MdtAction }[] = [];
  for (const run of RUNS.slice(from ? RUNS.indexOf(from.run) : 0)) {
    const after = from?.run === run ? from.after : undefined;
    const page = await deps.mdt.ownerActions(me.id, run, { limit: limit - rows.length, after });
    rows.push(...page.map((action) => ({ run, action })));
    if (rows.length === limit) break;
  }
  const now = deps.clock.now();
  const codes = new Map<string, Promise<string>>();
  const code = (id: string) => {
    if (!codes.has(id)) codes.set(id, deps.casesRepo.caseById(id).then((c) => c?.code ?? '—'));
    return codes.get(id)!;
  };
  const items = await Promise.all(rows.map(async ({ action: a }) =>
    ({ ...a, caseCode: await code(a.caseId), overdue: a.status === 'open' && a.dueAt !== null && a.dueAt < now })));
  const last = rows[rows.length - 1];
  return { items, nextCursor: last && rows.length === limit ? encodeActionCursor(last.run, last.action) : null };
}
