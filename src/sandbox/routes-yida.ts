/**
 * Yida form data, `GET /v1.0/yida/forms/instances/{id}` (query appType, systemToken, userId, language):
 * the path and query of DingTalk's generated client (yida_1.0 GetFormDataByID). The answer carries
 * `formInstId` and `formData` (component id → value); its other fields are left out. Error codes for a
 * missing systemToken or an unknown instance are the simulator's own (DingTalk's are not documented).
 */
import { ok, v1Error, type Reply } from './sim-http.js';
import type { Route } from './sim-state.js';

export const YIDA_INSTANCE_PREFIX = '/v1.0/yida/forms/instances/';

const formDataById: Route = {
  method: 'GET',
  path: YIDA_INSTANCE_PREFIX,
  prefix: true,
  auth: 'v1',
  handle(ctx, s): Reply {
    const id = decodeURIComponent(ctx.path.slice(YIDA_INSTANCE_PREFIX.length));
    const appType = ctx.query.get('appType');
    if (!ctx.query.get('systemToken') || !ctx.query.get('userId') || !appType) {
      return v1Error(400, 'MissingParameter', 'appType, systemToken and userId are required');
    }
    const inst = s.yida.instances.get(id);
    if (!inst || inst.appType !== appType) return v1Error(400, 'InvalidParameter.formInstId', 'form instance not found');
    if (inst.formData === 'malformed') return ok({ formInstId: id, formData: 'not-an-object' });
    return ok({ formInstId: id, formData: inst.formData, modifiedTimeGMT: new Date().toISOString() });
  },
};

export const yidaRoutes: Route[] = [formDataById];
