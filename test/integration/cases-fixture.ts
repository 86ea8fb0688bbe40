import { randomBytes } from 'node:crypto';
import type { AuditInput, AuditSink } from '../../src/shared/audit-sink.js';
import type { Authorize } from '../../src/domain/cases/authorize-port.js';
import { createCaseModule } from '../../src/domain/cases/case-module.js';
import { createCasesRepository } from '../../src/domain/cases/cases-repository.js';
import { createLinkTokens } from '../../src/domain/cases/link-tokens.js';
import { createNameIndexRepository } from '../../src/domain/patients/name-index-repository.js';
import { createPatientsRepository } from '../../src/domain/patients/patients-repository.js';
import type { TeamExit } from '../../src/domain/cases/team-exit.js';
import { createDirectoryRepository, type ClinicianRow } from '../../src/domain/directory/directory-repository.js';
import type { Actor } from '../../src/domain/directory/directory-service.js';
import type { ClinicianRole } from '../../src/domain/directory/directory-tables.js';
import { createFieldCipher } from '../../src/domain/patients/field-cipher.js';
import { ManualClock } from '../../src/shared/clock.js';
import { seedClinician, seededClinician, seedInstitution } from '../helpers/directory-seed.js';
import { tempDb } from '../helpers/temp-db.js';

/** Audit sink that keeps entries in memory so tests can look at them. */
export function recordingAudit(): AuditSink & { entries: AuditInput[] } {
  const entries: AuditInput[] = [];
  return { entries, append: (e) => entries.push(e) - 1 };
}

/**
 * Mirrors the one Cedar rule the case services lean on (manage-case-attending + the verified/suspended
 * guards), so team tests exercise the service's use of the port rather than the engine itself.
 */
export const attendingMayManage: Authorize = (actor, action, facts) => {
  const allowed = action === 'manageCase' && actor.trusted && facts.careRole === 'attending';
  return { allowed, policies: allowed ? ['manage-case-attending'] : [] };
};

/** A temp SQLite file with two institutions (one public, one private) and a case module over it. */
export function caseWorld(opts: { authorize?: Authorize } = {}) {
  const handle = tempDb();
  const clock = new ManualClock();
  const audit = recordingAudit();
  const directory = createDirectoryRepository(handle.db, handle.store);
  /** Care-team exits the module reported (whom it would tell). */
  const exits: TeamExit[] = [];
  seedInstitution(handle.db, { id: 'inst-qmh', code: 'QMH', nameEn: 'Queen Mary Hospital', nameZh: '瑪麗醫院', sector: 'public' });
  seedInstitution(handle.db, { id: 'inst-hkah', code: 'HKAH', nameEn: 'Adventist Hospital', nameZh: null, sector: 'private' });
  const cipher = createFieldCipher(randomBytes(32));
  const module = createCaseModule({
    transaction: handle.store.transaction,
    cases: createCasesRepository(handle.db, handle.store),
    patients: createPatientsRepository(handle.db, handle.store, cipher.freeText),
    nameIndex: createNameIndexRepository(handle.db, handle.store),
    tokens: createLinkTokens({ db: handle.db, store: handle.store, clock }),
    directory,
    cipher,
    audit,
    clock,
    authorize: opts.authorize ?? attendingMayManage,
    exits: { revokeGrants: async () => 0, tell: async (e) => void exits.push(e) },
  });

  function clinician(
    userId: string,
    o: { role?: ClinicianRole; verified?: boolean; suspended?: boolean; institutionId?: string } = {},
  ): ClinicianRow {
    const row = seedClinician(
      handle.db,
      {
        dingtalkUserId: userId,
        displayName: `Dr ${userId}`,
        nameEn: `Dr ${userId.toUpperCase()}`,
        role: o.role ?? 'doctor',
        specialty: 'Cardiology',
        institutionId: o.institutionId ?? 'inst-qmh',
        verified: o.verified ?? true,
        suspended: o.suspended ?? false,
      },
      clock.now(),
    );
    return row;
  }

  function actor(c: ClinicianRow): Actor {
    const fresh = seededClinician(handle.db, c.dingtalkUserId)!;
    return { clinician: fresh, trusted: fresh.verified && !fresh.suspended };
  }

  /** Opens a case through the whole flow (link + form) and returns its code. */
  async function openCase(opener: ClinicianRow, conversationId: string, hkid = 'A123456(3)'): Promise<string> {
    const { intentId } = await module.open.startCaseOpen(actor(opener), conversationId);
    const res = await module.open.submitCaseForm({ intentId }, opener.id, {
      hkid,
      nameEn: 'CHAN Siu Ming',
      dateOfBirth: '1961-03-14',
      consents: [],
    });
    if (!res.created) throw new Error(`expected a new case, got ${res.existing}`);
    return res.caseCode;
  }

  return { handle, clock, audit, directory, module, clinician, actor, openCase, cleanup: handle.cleanup };
}

export type CaseWorld = ReturnType<typeof caseWorld>;
