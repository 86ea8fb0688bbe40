import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { composeRouteDocs } from '../../contract/compose.js';
import { ruleDto, ruleIdParams, ruleReasonBody, ruleReviewListDto } from '../../contract/rule-review.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { disableRule, enableRule, listRuleReviews, signOffRule, type ReviewRulesDeps } from '../../usecases/clinical/review-rules.js';
import { ruleViews } from './rule-review-view.js';

const { errors, security, tags } = composeRouteDocs;

export type RuleReviewRouteDeps = ReviewRulesDeps & { people: Pick<DirectoryRepository, 'findById' | 'institution'> };

/**
 * The pharmacist's review of the interaction rule set (mini-app /doctor/rules). Every route answers
 * 403 rule.pharmacist_only to anyone the access policy does not let `reviewRules`.
 */
export const ruleReviewRoutes: FastifyPluginAsyncZod<RuleReviewRouteDeps> = async (app, deps) => {
  app.get(
    '/api/app/rules',
    { schema: { tags, security, summary: 'The interaction rule set in use, each rule with its review state (pharmacists)', response: { 200: ruleReviewListDto, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const list = await listRuleReviews(deps, req.clinician!);
      const view = ruleViews(deps.people);
      const rules = await Promise.all(list.rules.map((r) => view(list.ruleSet, r)));
      return { version: list.ruleSet.version, hash: list.ruleSet.hash, counts: list.counts, rules };
    },
  );
  const one = async (r: Awaited<ReturnType<typeof signOffRule>>) => ruleViews(deps.people)(deps.book.ruleSet(), r);
  app.post(
    '/api/app/rules/:id/sign-off',
    { schema: { tags, security, summary: 'Sign a rule off as reviewed (pharmacists)', params: ruleIdParams, response: { 200: ruleDto, ...errors } } },
    async (req) => one(await signOffRule(deps, req.clinician!, req.params.id)),
  );
  app.post(
    '/api/app/rules/:id/disable',
    { schema: { tags, security, summary: 'Disable a rule with a reason: the service’s interaction checks skip it (pharmacists)', params: ruleIdParams, body: ruleReasonBody, response: { 200: ruleDto, ...errors } } },
    async (req) => one(await disableRule(deps, req.clinician!, req.params.id, req.body.reason)),
  );
  app.post(
    '/api/app/rules/:id/enable',
    { schema: { tags, security, summary: 'Re-enable a disabled rule with a reason (pharmacists)', params: ruleIdParams, body: ruleReasonBody, response: { 200: ruleDto, ...errors } } },
    async (req) => one(await enableRule(deps, req.clinician!, req.params.id, req.body.reason)),
  );
};
