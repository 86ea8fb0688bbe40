import { SECTION_ROLES } from '../../contract/admin-sections.js';
import type { ClinicianRole } from '../../domain/directory/directory-tables.js';

/** The console's shapes live in the contract (shared with the mini-app); re-exported for the routes. */
export * from '../../contract/admin-console.js';

/**
 * Who may call what, beyond `admin` (see docs in admin-console.ts), taken from the console's section
 * table (src/contract/admin-sections.ts) so the routes and the console's menu cannot disagree.
 */
export const ROLES = {
  adminOnly: SECTION_ROLES.policies,
  oversight: SECTION_ROLES.oversight,
  auditReaders: SECTION_ROLES.audit,
  /** The route admits readers of the queue; the domain then admits only a privacy officer. */
  reviewers: SECTION_ROLES.oversight,
  /** Anything that decrypts patient identity (the PDPO data access report): the privacy officer alone. */
  identity: SECTION_ROLES.report,
} as const satisfies Record<string, readonly ClinicianRole[]>;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : iso(ms));

