import type { Db } from '../../src/db/client.js';
import { createDirectoryReads, type ClinicianRow, type InstitutionRow, type NewClinician } from '../../src/domain/directory/directory-repository.js';
import { clinicians, institutions } from '../../src/domain/directory/directory-tables.js';
import { newId } from '../../src/shared/ids.js';

/**
 * Synchronous directory seeding for fixtures that build their world outside any async step (the
 * directory repository itself answers with Promises). Rows as the repository would write them.
 */
export function seedInstitution(db: Db, row: InstitutionRow): void {
  db.insert(institutions)
    .values(row)
    .onConflictDoUpdate({ target: institutions.id, set: { nameEn: row.nameEn, nameZh: row.nameZh, sector: row.sector } })
    .run();
}

export function seedClinician(db: Db, row: NewClinician, now: number): ClinicianRow {
  db.insert(clinicians)
    .values({ ...row, id: newId(), createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: clinicians.dingtalkUserId })
    .run();
  return createDirectoryReads(db).findByDingTalkId(row.dingtalkUserId)!;
}
