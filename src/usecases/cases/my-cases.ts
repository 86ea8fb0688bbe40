import type { CareRole, CaseStatus } from '../../domain/cases/cases-tables.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { MyCasesRepository } from '../../domain/inbox-view/my-cases-repository.js';
import type { PatientSearch } from '../../domain/patients/patient-search.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { decodeCursor, encodeCursor, pageLimit } from './cases-cursor.js';
import { readCaseSearch, type CaseSearch } from './case-search-query.js';

export interface MyCasesDeps {
  myCases: Pick<MyCasesRepository, 'page'>;
  patientSearch: Pick<PatientSearch, 'byHkid' | 'byName'>;
  /** The policy's answer for one case now: may the viewer see who its patient is (may-open-records.ts). */
  mayOpenRecords: (viewer: ClinicianRow, caseId: string) => Promise<boolean>;
  audit: AuditSink;
  clock: Clock;
}

/** One case in the list: codes, roles, times and counts, never patient data. */
export interface MyCaseItem {
  code: string;
  role: CareRole;
  status: CaseStatus;
  lastActivityAt: number;
  unread: number;
}

export interface MyCasesPage {
  items: MyCaseItem[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  /** What the search text was read as (absent for the plain list). */
  searchedBy?: CaseSearch['kind'];
}

export interface MyCasesInput {
  q?: string;
  cursor?: string;
  limit?: number;
}

/** How many of a patient's cases a search looks at before asking the policy about each. */
const PATIENT_CANDIDATES = 200;

/**
 * "My work": the signed-in clinician's cases (a care-team role in force, attending included), newest
 * activity first, a keyset page at a time. A search narrows it: by case code (exact, any case), or by
 * patient — an exact HKID or whole name tokens through the keyed blind index — where only cases the
 * policy lets the clinician open the records of now are shown, and every patient search is audited
 * with its query as a keyed hash. Other people's cases never appear, whatever the search.
 */
export async function listMyCases(deps: MyCasesDeps, me: ClinicianRow, input: MyCasesInput = {}): Promise<MyCasesPage> {
  const limit = pageLimit(input.limit);
  const after = decodeCursor(input.cursor);
  const base = { clinicianId: me.id, now: deps.clock.now(), after, limit: limit + 1 };
  const q = input.q?.trim();
  const search = q ? readCaseSearch(q) : undefined;
  let rows;
  if (!search) rows = await deps.myCases.page(base);
  else if (search.kind === 'code') rows = await deps.myCases.page({ ...base, code: search.code });
  else rows = await deps.myCases.page({ ...base, caseIds: await patientCases(deps, me, search) });
  const items = rows.slice(0, limit);
  const last = rows.length > limit ? items[items.length - 1] : undefined;
  return {
    items: items.map(({ code, role, status, lastActivityAt, unread }) => ({ code, role, status, lastActivityAt, unread })),
    nextCursor: last ? encodeCursor({ at: last.lastActivityAt, caseId: last.caseId }) : null,
    ...(search ? { searchedBy: search.kind } : {}),
  };
}

/** The clinician's cases of the matched patients that the policy lets them see the patient of; audited. */
async function patientCases(deps: MyCasesDeps, me: ClinicianRow, search: Exclude<CaseSearch, { kind: 'code' }>): Promise<string[]> {
  const match = search.kind === 'hkid' ? await deps.patientSearch.byHkid(search.hkid) : await deps.patientSearch.byName(search.text);
  const candidates = await deps.myCases.page({ clinicianId: me.id, now: deps.clock.now(), limit: PATIENT_CANDIDATES, patientIds: match.patientIds });
  const allowed: string[] = [];
  for (const c of candidates) if (await deps.mayOpenRecords(me, c.caseId)) allowed.push(c.caseId);
  const withheld = candidates.length - allowed.length;
  deps.audit.append({
    actor: me.id,
    action: AUDIT_ACTIONS.casePatientSearched,
    target: match.queryHash,
    outcome: withheld > 0 && allowed.length === 0 ? 'denied' : 'success',
    reason: withheld > 0 ? `by_${search.kind}_withheld` : `by_${search.kind}`,
  });
  return allowed;
}
