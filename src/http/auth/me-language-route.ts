import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { languageBody } from '../../contract/auth.js';
import { errorBody } from '../../contract/errors.js';
import type { Lang } from '../../shared/lang.js';

export interface MeLanguageOptions {
  setLanguage(clinicianId: string, lang: Lang): Promise<{ language: Lang }>;
}

/** `PUT /api/me/language`: the language chosen in Me, saved as the clinician's preference. */
export const meLanguageRoute: FastifyPluginAsyncZod<MeLanguageOptions> = async (app, opts) => {
  app.put(
    '/api/me/language',
    {
      onRequest: app.requireClinician,
      schema: {
        tags: ['auth'],
        summary: 'Save the language chosen in Me: every answer (chat, mini-app, errors) then uses it',
        security: [{ bearerAuth: [] }],
        body: languageBody,
        response: { 200: languageBody, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (req) => opts.setLanguage(req.clinician!.id, req.body.language),
  );
};
