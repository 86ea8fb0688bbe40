import { createRefreshSessions } from '../../src/domain/sessions/refresh-sessions.js';
import { createSessionRepository } from '../../src/domain/sessions/session-repository.js';
import { mintAdminToken } from '../../src/http/admin/admin-token.js';
import type { Service } from '../../src/compose/service.js';

const YEAR_MS = 365 * 86_400_000;

/**
 * An admin token as the console gets one: bound to a login of that clinician (a fresh session
 * family), so logout, refresh reuse and suspension end it. The login lasts a year of the service's
 * clock, because tests with a manual clock move it on by days (the token's own `exp` is checked
 * against real time). `overrides` as for mintAdminToken.
 */
export async function adminTokenFor(
  service: Pick<Service, 'db' | 'clock' | 'audit' | 'sessionSecret'>,
  clinicianId: string,
  overrides: Parameters<typeof mintAdminToken>[3] = {},
): Promise<string> {
  const sessions = createRefreshSessions({
    transaction: service.db.store.transaction,
    repo: createSessionRepository(service.db.db, service.db.store),
    clock: service.clock,
    audit: service.audit,
    times: { refreshTtlMs: YEAR_MS, familyTtlMs: YEAR_MS },
  });
  const { familyId } = await sessions.start(clinicianId);
  return mintAdminToken(service.sessionSecret, clinicianId, familyId, overrides);
}
