/** The console's shapes live in the contract (shared with the mini-app); re-exported for the routes. */
export * from '../../contract/admin-console.js';

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : iso(ms));

export * from '../../contract/console-paging.js';
