import type { ClinicianRole } from '../../domain/directory/directory-tables.js';

/** The console's shapes live in the contract (shared with the mini-app); re-exported for the routes. */
export * from '../../contract/admin-console.js';

/** Who may call what, beyond `admin` (see docs in admin-console.ts). */
export const ROLES = {
  adminOnly: ['admin'],
  oversight: ['admin', 'privacy_officer'],
  auditReaders: ['admin', 'privacy_officer', 'auditor'],
  reviewers: ['admin', 'privacy_officer'],
  /** Anything that decrypts patient identity (the PDPO data access report): the privacy officer alone. */
  identity: ['privacy_officer'],
} as const satisfies Record<string, readonly ClinicianRole[]>;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : iso(ms));

