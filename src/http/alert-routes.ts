import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newAlertId } from '../domain/alerts/alert-service.js';
import type { Service } from '../service.js';
import { DomainError, ERROR_TABLE, isDomainError } from '../shared/errors.js';
import { alertFormPage } from './alert-page.js';
import { ALERT_BODY_LIMIT, splitScan } from './alert-scan.js';
import { linkErrorPage } from './forms-page.js';
import { sendPage } from './forms-routes.js';

const tokenParams = z.object({ token: z.string().min(10).max(400) });
const error = z.object({ code: z.string(), message: z.string() });
const raised = z.object({ alertId: z.string(), caseCode: z.string(), recipients: z.number().int(), ehrPendingId: z.string(), scan: z.boolean() });
const responses = { 201: raised, 400: error, 401: error, 403: error, 404: error, 409: error, 413: error, 415: error, 422: error };
// Shape only here; the domain parses the values (alert-form.ts) and names bad fields, never values.
const formBody = z.record(z.string(), z.unknown());
const apiBody = z.object({ caseCode: z.string().min(3).max(20) }).catchall(z.unknown());

/** Tokens are credentials in the path and bodies are patient data: request logs show the route pattern only. */
const routeLogging = {
  logSerializers: { req: (req: { method: string; routeOptions?: { url?: string } }) => ({ method: req.method, url: req.routeOptions?.url }) },
};

/**
 * Emergency allergy alerts over HTTP: the structured form behind the one-time `allergy` link (page +
 * JSON submit), and POST /api/alerts for the signed-in mini-app. The link's hash names the alert, so a
 * submit retried after a failure is the same alert (and the same EHR record), and a spent link is refused.
 */
export const alertRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (app, { service }) => {
  const { tokens } = service.secure.cases;
  const view = (r: { alertId: string; caseCode: string; recipients: number; ehrPendingId: string; scanItemId: string | null }) => ({
    alertId: r.alertId, caseCode: r.caseCode, recipients: r.recipients, ehrPendingId: r.ehrPendingId, scan: r.scanItemId !== null,
  });

  app.get('/alert/:token', { ...routeLogging, schema: { params: tokenParams } }, async (req, reply) => {
    try {
      const link = tokens.lookup(req.params.token, 'allergy');
      return sendPage(reply, 200, alertFormPage(service.secure.casesRepo.caseById(link.caseId ?? '')?.code ?? ''));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return sendPage(reply, e.status, linkErrorPage(`${ERROR_TABLE[e.code].en} ${ERROR_TABLE[e.code].zh}`));
    }
  });

  app.post('/api/alert/:token', { ...routeLogging, bodyLimit: ALERT_BODY_LIMIT, schema: { params: tokenParams, body: formBody, response: responses } }, async (req, reply) => {
    const token = req.params.token;
    const link = tokens.lookup(token, 'allergy');
    if (!link.caseId) throw new DomainError('token.invalid');
    const { form, scan } = splitScan(req.body);
    const out = await service.alerts.service.raise({
      raiserId: link.clinicianId,
      caseId: link.caseId,
      form: form as never,
      scan,
      alertId: `alr_${link.tokenHash.slice(0, 32)}`,
      inTransaction: () => void tokens.consume(token, 'allergy', link.clinicianId),
    });
    return reply.status(201).header('cache-control', 'no-store').send(view(out));
  });

  app.post('/api/alerts', { ...routeLogging, bodyLimit: ALERT_BODY_LIMIT, onRequest: app.requireTrusted, schema: { body: apiBody, response: responses } }, async (req, reply) => {
    const { caseCode, ...body } = req.body;
    const { form, scan } = splitScan(body);
    const caseRow = service.secure.cases.queries.findCase(caseCode);
    const out = await service.alerts.service.raise({ raiserId: req.clinician!.id, caseId: caseRow.id, form: form as never, scan, alertId: newAlertId() });
    return reply.status(201).header('cache-control', 'no-store').send(view(out));
  });
};
