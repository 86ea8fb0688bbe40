import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseCodeParams, composeRouteDocs } from '../../contract/compose.js';
import { importResultsDto } from '../../contract/consult-rules.js';
import { importResults, type ImportResultsDeps } from '../../usecases/consult-rules/import-results.js';

const { errors, security, tags } = composeRouteDocs;

/**
 * Consult rules on the case screen (issue 14): read the patient's results from the EHR so the rules
 * may fire on them. Body-less: it acts on the case in the path. The results are not kept; a rule
 * that fires tags its result, and the case view lists the tags.
 */
export const consultRuleRoutes: FastifyPluginAsyncZod<ImportResultsDeps> = async (app, deps) => {
  app.post(
    '/api/app/cases/:code/results/import',
    { schema: { tags, security, summary: 'Read the patient’s results from the EHR and let the consult rules fire on them', params: caseCodeParams, response: { 200: importResultsDto, ...errors } } },
    async (req, reply) => {
      const out = await importResults(deps, req.clinician!, req.params.code);
      return reply.header('cache-control', 'no-store').send({ read: out.read, fired: out.fired.map((f) => ({ ruleId: f.ruleId, itemType: f.itemType })) });
    },
  );
};
