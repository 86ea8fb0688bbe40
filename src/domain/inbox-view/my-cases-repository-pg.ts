import { sql } from 'drizzle-orm';
import { burnItems, burnRecipients } from '../../db/pg/burn-tables.js';
import { careTeam, cases } from '../../db/pg/cases-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { documentReceipts, documents } from '../../db/pg/sharing-tables.js';
import { mineNarrowing, myCasesWhere, toMyCase, type MyCaseSqlRow, type MyCasesRepository } from './my-cases-repository.js';

/**
 * The Cases tab's read model on PostgreSQL: the same port and query as my-cases-repository.ts. What
 * differs in SQL: `greatest()` for SQLite's many-argument `max()`; case ids compared and ordered
 * `COLLATE "C"` (byte order, as SQLite); bigint times and counts cast back to JS numbers.
 */
export function createPgMyCasesRepository(store: PgStore): MyCasesRepository {
  return {
    async page(q) {
      const where = myCasesWhere(q, cases);
      if (!where) return [];
      const after = q.after ? sql`where last_at < ${q.after.at} or (last_at = ${q.after.at} and case_id collate "C" < ${q.after.caseId})` : sql``;
      const { rows } = await store.db().execute<MyCaseSqlRow>(sql`
        with mine as (
          select ${careTeam.caseId} as mine_case, max(case ${careTeam.role} when 'attending' then 3 when 'consulting' then 2 when 'referring' then 1 else 0 end) as strength
          from ${careTeam}
          where ${careTeam.clinicianId} = ${q.clinicianId} and ${careTeam.effectiveFrom} <= ${q.now}
            and (${careTeam.effectiveTo} is null or ${careTeam.effectiveTo} > ${q.now}) ${mineNarrowing(q, careTeam, cases)}
          group by ${careTeam.caseId}
        ),
        listed as (
          select ${cases.id} as case_id, ${cases.code} as code, ${cases.status} as status, ${cases.patientId} as patient_id, mine.strength as strength,
            greatest(${cases.openedAt},
              coalesce((select max(${documents.createdAt}) from ${documents} where ${documents.caseId} = ${cases.id}), 0),
              coalesce((select max(${careTeam.effectiveFrom}) from ${careTeam} where ${careTeam.caseId} = ${cases.id} and ${careTeam.effectiveFrom} <= ${q.now}), 0),
              coalesce((select max(${burnItems.createdAt}) from ${burnItems} where ${burnItems.caseId} = ${cases.id}), 0)) as last_at,
            (select count(*) from ${documentReceipts} join ${documents} on ${documents.id} = ${documentReceipts.documentId}
               where ${documents.caseId} = ${cases.id} and ${documents.status} = 'active'
                 and ${documentReceipts.clinicianId} = ${q.clinicianId} and ${documentReceipts.firstOpenedAt} is null)
            + (select count(*) from ${burnRecipients} join ${burnItems} on ${burnItems.id} = ${burnRecipients.itemId}
               where ${burnItems.caseId} = ${cases.id} and ${burnItems.status} = 'active'
                 and ${burnRecipients.clinicianId} = ${q.clinicianId} and ${burnRecipients.openedAt} is null) as unread
          from ${cases} join mine on mine.mine_case = ${cases.id}
          ${where}
        )
        select case_id, code, status, patient_id, strength, last_at::float8 as last_at, unread::int as unread
        from listed ${after} order by listed.last_at desc, case_id collate "C" desc limit ${q.limit}`);
      return rows.map(toMyCase);
    },
  };
}
