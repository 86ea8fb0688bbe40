import { mintAdminToken } from '../../src/http/admin/admin-token.js';
import type { Service } from '../../src/service.js';

/**
 * An admin token as the console gets one: bound to a login of that clinician (a fresh session
 * family), so logout, refresh reuse and suspension end it. `overrides` as for mintAdminToken.
 */
export async function adminTokenFor(
  service: Pick<Service, 'sessions' | 'sessionSecret'>,
  clinicianId: string,
  overrides: Parameters<typeof mintAdminToken>[3] = {},
): Promise<string> {
  const { familyId } = service.sessions.start(clinicianId);
  return mintAdminToken(service.sessionSecret, clinicianId, familyId, overrides);
}
