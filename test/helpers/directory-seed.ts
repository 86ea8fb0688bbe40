import type { Db } from '../../src/db/client.js';
import { eq } from 'drizzle-orm';
import type { ClinicianRow, InstitutionRow, NewClinician } from '../../src/domain/directory/directory-repository.js';
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
  return seededClinician(db, row.dingtalkUserId)!;
}

/**
 * Test-only synchronous look-ups of seeded rows, for fixtures whose interface is synchronous (world
 * builders, actor factories). Code under test reads through the async DirectoryRepository.
 */
export function seededClinician(db: Db, dingtalkUserId: string): ClinicianRow | undefined {
  return db.select().from(clinicians).where(eq(clinicians.dingtalkUserId, dingtalkUserId)).get();
}

export function seededInstitution(db: Db, id: string): InstitutionRow | undefined {
  return db.select().from(institutions).where(eq(institutions.id, id)).get();
}
