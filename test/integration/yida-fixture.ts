import type { FastifyInstance } from 'fastify';
import { YIDA_CALLBACK_PATH } from '../../src/http/yida-callback-routes.js';
import type { OnCallPort } from '../../src/domain/rosters/on-call.js';
import { adminTokenFor } from '../helpers/admin-token.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor } from '../helpers/sharing-flow.js';
import { caseWithReport, clinicianId } from './sharing-edge-fixture.js';

export const YIDA_SECRET = 'yida-test-secret-0123456789abcdef';

/**
 * A service whose Yida callback the simulator reaches over HTTP, a case for `hkid` (Dr Chan attending)
 * and the given form mappings saved through the console API.
 */
export async function startYida(o: { hkid: string; mappings: Record<string, object>; env?: Record<string, string>; onCall?: OnCallPort; before?: (h: Harness) => void }): Promise<{ h: Harness; app: FastifyInstance; code: string }> {
  const h = await startHarness({ env: { YIDA_CALLBACK_SECRET: YIDA_SECRET, YIDA_SYSTEM_TOKEN: 'yida-system-token', YIDA_USER_ID: 'qmh-cb-admin', ...o.env }, ...(o.onCall ? { service: { onCall: o.onCall } } : {}) });
  o.before?.(h);
  const app = await appFor(h);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  h.sim.yida.target = { url: `http://127.0.0.1:${port}${YIDA_CALLBACK_PATH}`, secret: YIDA_SECRET };
  const { code } = await caseWithReport(h, app, { hkid: o.hkid });
  const admin = await adminTokenFor(h.service, clinicianId(h, 'qmh-cb-admin'));
  for (const [form, body] of Object.entries(o.mappings)) {
    const res = await app.inject({ method: 'PUT', url: `/api/admin/forms/mappings/${form}`, payload: body, headers: { authorization: `Bearer ${admin}` } });
    if (res.statusCode !== 200) throw new Error(`mapping ${form}: ${res.body}`);
  }
  return { h, app, code };
}

/** A submission's row by form instance id. */
export const submissionRow = (h: Harness, instanceId: string) =>
  h.service.db.sqlite.prepare('SELECT id, state, error_code, document_id FROM yida_submissions WHERE instance_id = ?').get(instanceId) as { id: string; state: string; error_code: string | null; document_id: string | null } | undefined;
