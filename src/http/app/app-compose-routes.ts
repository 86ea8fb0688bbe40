import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AlertService } from '../../domain/alerts/alert-service.js';
import { ALERT_BODY_LIMIT, splitScan } from '../alert-scan.js';
import { composeCase, composeOptions, type ComposeOptionsDeps } from './compose-options.js';
import { alertBody, alertRaisedDto, burnSentDto, burnTextBody, caseCodeParams, composeRouteDocs, composeOptionsDto } from '../../contract/compose.js';
import { composeUploadRoutes, type ComposeUploadDeps } from './compose-upload-routes.js';
import { sendBurn } from '../../usecases/burn/send-burn.js';
import { raiseAlert } from '../../usecases/alerts/raise-alert.js';

const { errors, security, tags } = composeRouteDocs;

/** Message bodies are patient data: request logs show the route pattern only. */
const routeLogging = {
  logSerializers: { req: (req: { method: string; routeOptions?: { url?: string } }) => ({ method: req.method, url: req.routeOptions?.url }) },
};

export type AppComposeDeps = ComposeOptionsDeps & ComposeUploadDeps & { alerts: Pick<AlertService, 'raise'> };

/**
 * The mini-app compose screens' API: what I may send, share a report, send a burn-after-reading
 * message, raise an allergy alert. Signed-in, verified, active clinicians only (the /api/app hook in app.ts); each
 * submit goes through the same domain calls and policy checks as the chat commands.
 */
export const appComposeRoutes: FastifyPluginAsyncZod<AppComposeDeps> = async (app, deps) => {
  app.get(
    '/api/app/cases/:code/compose',
    { schema: { tags, security, summary: 'What I may send into a case now (report, burn message, allergy alert)', params: caseCodeParams, response: { 200: composeOptionsDto, ...errors } } },
    async (req) => composeOptions(deps, req.clinician!, await composeCase(deps, req.params.code)),
  );

  app.post(
    '/api/app/cases/:code/burn',
    { ...routeLogging, schema: { tags, security, summary: 'Send a burn-after-reading text to the case team', params: caseCodeParams, body: burnTextBody, response: { 201: burnSentDto, ...errors } } },
    async (req, reply) => {
      const caseRow = await composeCase(deps, req.params.code);
      const out = await sendBurn(deps, req.clinician!, caseRow, { kind: 'text', text: req.body.text }, req.body.burnAfterSeconds);
      return reply.status(201).header('cache-control', 'no-store').send(out);
    },
  );

  app.post(
    '/api/app/cases/:code/alert',
    { ...routeLogging, bodyLimit: ALERT_BODY_LIMIT, schema: { tags, security, summary: 'Raise an emergency allergy alert from the structured form (retry-safe per submission id)', params: caseCodeParams, body: alertBody, response: { 201: alertRaisedDto, ...errors } } },
    async (req, reply) => {
      const caseRow = await composeCase(deps, req.params.code);
      const { submissionId, ...body } = req.body;
      const out = await raiseAlert(deps, req.clinician!, caseRow, { ...splitScan(body), submissionId });
      return reply.status(201).header('cache-control', 'no-store').send(out);
    },
  );

  // Raw file bodies need their own content-type parsing, so they live in a child scope.
  await app.register(composeUploadRoutes, deps);
};
