import { z } from 'zod';

/**
 * The admin console's sections and who may use each: one table for the server's route guards
 * (each admin route names its section, `config.adminSection`, and admits that section's roles: src/http/admin/admin-auth.ts) and for the console's
 * menu (the admin token answer lists the signed-in role's sections and actions, computed from it).
 */
export const CONSOLE_SECTIONS = ['clinicians', 'audit', 'policies', 'oversight', 'outbox', 'report', 'institutions', 'cases', 'dashboard', 'patients', 'forms', 'rosters', 'consult_rules', 'mdt'] as const;
export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];
export type ConsoleRole = 'admin' | 'privacy_officer' | 'auditor';

/** Which console roles each section's routes admit. */
export const SECTION_ROLES = {
  clinicians: ['admin'],
  audit: ['admin', 'privacy_officer', 'auditor'],
  policies: ['admin'],
  /** Access requests and the break-glass queue (reading; reviewing is an action below). */
  oversight: ['admin', 'privacy_officer'],
  outbox: ['admin'],
  /** The PDPO data access report decrypts patient identity: the privacy officer alone. */
  report: ['privacy_officer'],
  institutions: ['admin'],
  cases: ['admin'],
  dashboard: ['admin'],
  /** Merging duplicate patient records (wrong-patient correction): the privacy officer alone. */
  patients: ['privacy_officer'],
  /** Consult rules (issue 14): the rules that open referrals by themselves; edited and dry-run by an admin. */
  consult_rules: ['admin'],
  /** Yida form mappings and the submissions waiting for re-mapping (ids and codes only; form data stays sealed). */
  forms: ['admin'],
  /** On-call rosters per institution × specialty (calendar, add / swap / cover, settings, CSV). */
  rosters: ['admin'],
  /** MDT meetings across the service: status, sign-off step, stuck in approval (codes, times and names; never the minutes). */
  mdt: ['admin'],
} as const satisfies Record<ConsoleSection, readonly ConsoleRole[]>;

/**
 * Actions inside a section that fewer roles may take than may read it. Closing a break-glass review
 * is the domain's call (src/domain/grants/break-glass.ts admits only a privacy officer, never the
 * person who broke the glass); the console offers it only to the roles listed here.
 */
export const CONSOLE_ACTIONS = ['breakglass.review', 'grant.revoke'] as const;
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];
export const ACTION_ROLES = {
  'breakglass.review': ['privacy_officer'],
  /** Ending a live access grant from the console (src/usecases/grants/revoke-grant.ts `revokeGrantAsOfficer`). */
  'grant.revoke': ['privacy_officer'],
} as const satisfies Record<ConsoleAction, readonly ConsoleRole[]>;

const admits = (roles: readonly string[], role: string): boolean => roles.includes(role);

/** The sections a role may open, in menu order. */
export function sectionsFor(role: string): ConsoleSection[] {
  return CONSOLE_SECTIONS.filter((s) => admits(SECTION_ROLES[s], role));
}

/** The actions a role may take. */
export function actionsFor(role: string): ConsoleAction[] {
  return CONSOLE_ACTIONS.filter((a) => admits(ACTION_ROLES[a], role));
}

export const consoleSection = z.enum(CONSOLE_SECTIONS);
export const consoleAction = z.enum(CONSOLE_ACTIONS);
