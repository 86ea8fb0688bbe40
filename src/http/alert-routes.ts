import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AlertService } from '../domain/alerts/alert-service.js';
import type { CaseQueries } from '../domain/cases/case-queries.js';
import { ALERT_BODY_LIMIT, splitScan } from './alert-scan.js';
import { raiseAlert } from '../usecases/alerts/raise-alert.js';

const error = z.object({ code: z.string(), message: z.string(), hint: z.string().optional() });
const raised = z.object({ alertId: z.string(), caseCode: z.string(), recipients: z.number().int(), ehrPendingId: z.string(), scan: z.boolean() });
const responses = { 201: raised, 400: error, 401: error, 403: error, 404: error, 409: error, 413: error, 415: error, 422: error };
// Shape only here; the domain parses the values (alert-form.ts) and names bad fields, never values.
const apiBody = z.object({ caseCode: z.string().min(3).max(20) }).catchall(z.unknown());

/** Bodies are patient data: request logs show the route pattern only. */
const routeLogging = {
  logSerializers: { req: (req: { method: string; routeOptions?: { url?: string } }) => ({ method: req.method, url: req.routeOptions?.url }) },
};

export interface AlertRoutesDeps {
  cases: Pick<CaseQueries, 'findCase'>;
  alerts: Pick<AlertService, 'raise'>;
}

/**
 * Emergency allergy alerts for a signed-in clinician by case code (POST /api/alerts); the mini-app's
 * compose screen uses the retry-safe POST /api/app/cases/:code/alert (app/app-compose-routes.ts).
 */
export const alertRoutes: FastifyPluginAsyncZod<AlertRoutesDeps> = async (app, deps) => {
  app.post('/api/alerts', { ...routeLogging, bodyLimit: ALERT_BODY_LIMIT, schema: { body: apiBody, response: responses } }, async (req, reply) => {
    const { caseCode, ...body } = req.body;
    const split = splitScan(body);
    const caseRow = await deps.cases.findCase(caseCode);
    const out = await raiseAlert(deps, req.clinician!, caseRow, split);
    return reply.status(201).header('cache-control', 'no-store').send(out);
  });
};
