import type { CallLevel, OnCallPort } from './on-call.js';

/** One shift as stored (roster-tables.ts): [startsAt, endsAt) epoch ms, may span midnight. */
export interface RosterShift {
  id: string;
  institutionId: string;
  specialty: string;
  clinicianId: string;
  level: CallLevel;
  startsAt: number;
  endsAt: number;
  createdBy: string;
  createdAt: number;
}

export interface RosterSettings {
  institutionId: string;
  specialty: string;
  ownerClinicianId: string | null;
  escalationContactId: string | null;
}

/** Shifts that overlap [from, to) at one institution (one specialty, or all of them). */
export interface RosterRange {
  institutionId: string;
  specialty?: string;
  from: number;
  to: number;
}

/**
 * The roster store (SQLite: roster-repository.ts; PostgreSQL: roster-repository-pg.ts, same contract).
 * Named queries only: overlap rules, permissions and the audit live in the use cases.
 */
export interface RosterRepository extends OnCallPort {
  find(id: string): Promise<RosterShift | undefined>;
  /** Ordered by start, then level (first, second, shift), then id. */
  listRange(range: RosterRange): Promise<RosterShift[]>;
  /** The clinician's shifts (any institution or specialty) overlapping [from, to), but those in `except`. */
  clinicianShifts(clinicianId: string, from: number, to: number, except?: string[]): Promise<RosterShift[]>;
  add(shifts: RosterShift[]): Promise<void>;
  /** Two shifts exchange clinicians; false (and nothing changed) when either is gone. */
  swap(aId: string, bId: string): Promise<boolean>;
  /** Replaces one shift by others in one step (a cover splits it); false when it is gone. */
  replace(id: string, pieces: RosterShift[]): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  settings(institutionId: string, specialty: string): Promise<RosterSettings | undefined>;
  putSettings(row: RosterSettings): Promise<void>;
}

const LEVEL_ORDER: Record<CallLevel, number> = { first: 0, second: 1, shift: 2 };

/** The order lists are returned in, on both stores (start, level, id). */
export function byStartThenLevel(a: RosterShift, b: RosterShift): number {
  return a.startsAt - b.startsAt || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Who is on at one moment from the shifts that cover it: ids per level, each once, in start order. */
export function onCallFromShifts(shifts: RosterShift[], escalationContactId: string | null) {
  const sorted = [...shifts].sort(byStartThenLevel);
  const pick = (level: CallLevel) => [...new Set(sorted.filter((s) => s.level === level).map((s) => s.clinicianId))];
  return { first: pick('first'), second: pick('second'), shift: pick('shift'), escalationContactId };
}
