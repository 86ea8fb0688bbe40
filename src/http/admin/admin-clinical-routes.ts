import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ruleReviewSummaryDto } from '../../contract/rule-review.js';
import { ruleReviewSummary, type ReviewRulesDeps } from '../../usecases/clinical/review-rules.js';
import { sectionRoute } from './admin-auth.js';
import { errorResponses } from './admin-schemas.js';

export type AdminClinicalDeps = Pick<ReviewRulesDeps, 'book'>;

/**
 * The interaction rule set in the console's policies section, read-only: its version and how many
 * rules pharmacists have reviewed or disabled. Reviewing is the pharmacists' page in the mini-app
 * (/doctor/rules); console roles never review rules.
 */
export const adminClinicalRoutes: FastifyPluginAsyncZod<AdminClinicalDeps> = async (app, deps) => {
  app.get(
    '/clinical/rules',
    { config: sectionRoute('policies'), schema: { response: { 200: ruleReviewSummaryDto, ...errorResponses } } },
    async () => ruleReviewSummary(deps),
  );
};
