import { sql, type SQL, type SQLWrapper, type Table } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { equalsNoIndex } from '../../db/no-index.js';
import { burnItems, burnRecipients } from '../burn/burn-tables.js';
import { careTeam, cases, type CareRole, type CaseStatus } from '../cases/cases-tables.js';
import { documentReceipts, documents } from '../sharing/sharing-tables.js';

/** One of a clinician's cases as the Cases tab lists it: codes, roles, times and counts; no patient data. */
export interface MyCaseRow {
  caseId: string;
  code: string;
  status: CaseStatus;
  patientId: string;
  role: CareRole;
  /** The newest of: opened, a document shared, a role starting, a burn-after-reading item sent. */
  lastActivityAt: number;
  /** Live documents and burn items on the case sent to the clinician and not opened by them yet. */
  unread: number;
}

/** Where a page starts: just after this (lastActivityAt, caseId), in newest-first order. */
export interface CasesCursor {
  at: number;
  caseId: string;
}

export interface MyCasesQuery {
  clinicianId: string;
  now: number;
  limit: number;
  after?: CasesCursor;
  /** Only this case code (exact, already upper-cased). */
  code?: string;
  /** Only these cases (e.g. the ones a patient search may show). */
  caseIds?: readonly string[];
  /** Only cases of these patients (a patient search's matches). */
  patientIds?: readonly string[];
}

const STRENGTH: CareRole[] = ['observer', 'referring', 'consulting', 'attending'];

/** A row of the page query as both adapters select it (snake_case, role as its strength 0–3). */
export type MyCaseSqlRow = {
  case_id: string;
  code: string;
  status: CaseStatus;
  patient_id: string;
  strength: number;
  last_at: number;
  unread: number;
};

export const toMyCase = (r: MyCaseSqlRow): MyCaseRow => ({
  caseId: r.case_id,
  code: r.code,
  status: r.status,
  patientId: r.patient_id,
  role: STRENGTH[r.strength] ?? 'observer',
  lastActivityAt: r.last_at,
  unread: r.unread,
});

/** The query's own filters as a WHERE clause over the cases table's columns (either dialect's); null: nothing can match. */
export function myCasesWhere(q: MyCasesQuery, c: { id: SQLWrapper; code: SQLWrapper; patientId: SQLWrapper }): SQL | null {
  if ((q.caseIds && q.caseIds.length === 0) || (q.patientIds && q.patientIds.length === 0)) return null;
  const list = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);
  const filters: SQL[] = [];
  if (q.code !== undefined) filters.push(sql`${c.code} = ${q.code}`);
  if (q.caseIds) filters.push(sql`${c.id} in (${list(q.caseIds)})`);
  if (q.patientIds) filters.push(sql`${c.patientId} in (${list(q.patientIds)})`);
  return filters.length ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
}

/**
 * The same filters applied to the clinician's care-team rows (the `mine` step), so a search by code or
 * over a few cases reads those cases' team rows (care_team_case_idx), not every case the clinician has.
 */
export function mineNarrowing(q: MyCasesQuery, t: { caseId: SQLWrapper }, c: Table & { id: SQLWrapper; code: SQLWrapper }): SQL {
  if (q.code !== undefined) return sql`and ${t.caseId} = (select ${c.id} from ${c} where ${c.code} = ${q.code})`;
  if (q.caseIds) return sql`and ${t.caseId} in (${sql.join(q.caseIds.map((id) => sql`${id}`), sql`, `)})`;
  return sql``;
}

/**
 * The Cases tab's read model across contexts: a clinician's cases (a care-team role in force now),
 * newest activity first, one keyset page at a time. Every method answers with a Promise.
 */
export function createMyCasesRepository(db: Db, store: SqliteStore) {
  return store.wrap({
    page(q: MyCasesQuery): MyCaseRow[] {
      const where = myCasesWhere(q, cases);
      if (!where) return [];
      const after = q.after ? sql`where last_at < ${q.after.at} or (last_at = ${q.after.at} and case_id < ${q.after.caseId})` : sql``;
      const rows = db.all<MyCaseSqlRow>(sql`
        with mine as (
          select ${careTeam.caseId} as mine_case, max(case ${careTeam.role} when 'attending' then 3 when 'consulting' then 2 when 'referring' then 1 else 0 end) as strength
          from ${careTeam}
          where ${careTeam.clinicianId} = ${q.clinicianId} and ${careTeam.effectiveFrom} <= ${q.now}
            and (${careTeam.effectiveTo} is null or ${careTeam.effectiveTo} > ${q.now}) ${mineNarrowing(q, careTeam, cases)}
          group by ${careTeam.caseId}
        ),
        listed as (
          select ${cases.id} as case_id, ${cases.code} as code, ${cases.status} as status, ${cases.patientId} as patient_id, mine.strength as strength,
            max(${cases.openedAt},
              coalesce((select max(${documents.createdAt}) from ${documents} where ${documents.caseId} = ${cases.id}), 0),
              coalesce((select max(${careTeam.effectiveFrom}) from ${careTeam} where ${careTeam.caseId} = ${cases.id} and ${careTeam.effectiveFrom} <= ${q.now}), 0),
              coalesce((select max(${burnItems.createdAt}) from ${burnItems} where ${burnItems.caseId} = ${cases.id}), 0)) as last_at,
            (select count(*) from ${documentReceipts} join ${documents} on ${documents.id} = ${documentReceipts.documentId}
               where ${documents.caseId} = ${cases.id} and ${equalsNoIndex(documents.status, 'active')}
                 and ${documentReceipts.clinicianId} = ${q.clinicianId} and ${documentReceipts.firstOpenedAt} is null)
            + (select count(*) from ${burnRecipients} join ${burnItems} on ${burnItems.id} = ${burnRecipients.itemId}
               where ${burnItems.caseId} = ${cases.id} and ${burnItems.status} = 'active'
                 and ${burnRecipients.clinicianId} = ${q.clinicianId} and ${burnRecipients.openedAt} is null) as unread
          from ${cases} join mine on mine.mine_case = ${cases.id}
          ${where}
        )
        select * from listed ${after} order by last_at desc, case_id desc limit ${q.limit}`);
      return rows.map(toMyCase);
    },
  });
}

export type MyCasesRepository = ReturnType<typeof createMyCasesRepository>;
