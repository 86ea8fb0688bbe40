import type { ClinicianRow, DirectoryRepository, InstitutionRow } from '../../domain/directory/directory-repository.js';
import type { RosterRepository } from '../../domain/rosters/roster-port.js';
import { isSpecialty, specialtyFromWord, type Specialty } from '../../contract/specialties.js';
import type { AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { Transaction } from '../../shared/transactions.js';
import type { RosterNotices } from './roster-notices.js';

/** What the roster use cases read and write. */
export interface RosterDeps {
  rosters: RosterRepository;
  directory: Pick<DirectoryRepository, 'findById' | 'findByDingTalkId' | 'institution' | 'institutionByCode' | 'byRegistrationNos' | 'byDingTalkIds'>;
  transaction: Transaction;
  audit: AuditSink;
  clock: Clock;
  newId: () => string;
  /** Tells the clinicians a cover or swap moves (absent: nobody is told, e.g. in use-case tests). */
  notices?: RosterNotices;
}

/** One roster: an institution × specialty. */
export interface RosterKey {
  institution: InstitutionRow;
  specialty: Specialty;
}

/** The roster a person named: institution by code (any case), specialty by code or label. */
export async function rosterByWords(deps: Pick<RosterDeps, 'directory'>, institutionCode: string, specialtyWord: string): Promise<RosterKey> {
  const specialty = specialtyFromWord(specialtyWord);
  if (!specialty) throw new DomainError('specialty.unknown');
  const institution = await deps.directory.institutionByCode(institutionCode.trim().toUpperCase());
  if (!institution) throw new DomainError('institution.not_found');
  return { institution, specialty };
}

/** The roster of stored ids (the console sends the institution id and the specialty code). */
export async function rosterById(deps: Pick<RosterDeps, 'directory'>, institutionId: string, specialty: string): Promise<RosterKey> {
  if (!isSpecialty(specialty)) throw new DomainError('specialty.unknown');
  const institution = await deps.directory.institution(institutionId);
  if (!institution) throw new DomainError('institution.not_found');
  return { institution, specialty };
}

/** A clinician who may be rostered: in the directory and not suspended. */
export async function rosterableClinician(deps: Pick<RosterDeps, 'directory'>, id: string): Promise<ClinicianRow> {
  const c = await deps.directory.findById(id);
  if (!c || c.suspended) throw new DomainError('clinician.not_found');
  return c;
}

/** The audit reason of a roster change: `qmh:cardiology:first` (the audit takes lower-case codes only). */
export const rosterReason = (key: RosterKey, level?: string): string => [key.institution.code, key.specialty, level].filter(Boolean).join(':').toLowerCase().slice(0, 64);

const isAdmin = (c: ClinicianRow) => c.role === 'admin' && c.verified && !c.suspended;

/** Whether `actor` may edit the roster: an admin, or its owner (roster settings). */
export async function mayEditRoster(deps: Pick<RosterDeps, 'rosters'>, actor: ClinicianRow, key: RosterKey): Promise<boolean> {
  if (isAdmin(actor)) return true;
  if (actor.suspended) return false;
  const settings = await deps.rosters.settings(key.institution.id, key.specialty);
  return settings?.ownerClinicianId === actor.id;
}

export async function assertMayEditRoster(deps: Pick<RosterDeps, 'rosters'>, actor: ClinicianRow, key: RosterKey): Promise<void> {
  if (!(await mayEditRoster(deps, actor, key))) throw new DomainError('roster.not_permitted');
}

export function assertAdmin(actor: ClinicianRow): void {
  if (!isAdmin(actor)) throw new DomainError('roster.not_permitted');
}
