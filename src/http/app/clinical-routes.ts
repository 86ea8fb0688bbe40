import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { composeRouteDocs } from '../../contract/compose.js';
import { normaliseBody, normaliseDto } from '../../contract/medications.js';
import { normaliseText } from '../../usecases/clinical/normalise-text.js';
import type { ClinicalNormaliser } from '../../domain/clinical/clinical-normaliser.js';

const { errors, security, tags } = composeRouteDocs;

/**
 * The HK clinical normaliser for forms (trusted clinicians): what a text matched, how and how surely,
 * before anything is saved. The text is neither stored nor logged; the answer is never cached.
 */
export const clinicalRoutes: FastifyPluginAsyncZod<{ normaliser: Pick<ClinicalNormaliser, 'normalise'> }> = async (app, deps) => {
  app.post(
    '/api/clinical/normalise',
    { schema: { tags, security, summary: 'Match a text against the HK clinical lexicon (exact / converted / sound-alike, with a score)', body: normaliseBody, response: { 200: normaliseDto, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return { matches: normaliseText(deps, req.body.text) };
    },
  );
};
