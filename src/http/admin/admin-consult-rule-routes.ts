import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consultRulesDto, dryRunBody, dryRunDto, ruleProblemsBody, saveConsultRulesBody } from '../../contract/consult-rules.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { errorHint } from '../../shared/error-hints.js';
import { errorMessage, isDomainError } from '../../shared/errors.js';
import { dryRun, type DryRunDeps } from '../../usecases/consult-rules/dry-run.js';
import { saveRules, viewRules, type RuleAdminDeps, type RulesView } from '../../usecases/consult-rules/rule-admin.js';
import { requestLang } from '../request-lang.js';
import { sectionRoute } from './admin-auth.js';
import { iso } from './admin-console-schemas.js';
import { errorBody, errorResponses } from './admin-schemas.js';
import { personOf } from '../app/people.js';

export interface AdminConsultRuleDeps {
  admin: RuleAdminDeps;
  dryRun: DryRunDeps;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
}

/**
 * Consult rules (issue 14): the rule set in force, saving an edited set (validated; every problem with
 * its path answers 422), and the dry run. Section `consult_rules` (admin).
 */
export const adminConsultRuleRoutes: FastifyPluginAsyncZod<AdminConsultRuleDeps> = async (app, deps) => {
  const config = sectionRoute('consult_rules');
  const errors = { ...errorResponses, 422: ruleProblemsBody };
  const nameOf = async (id: string, lang: 'en' | 'zh') => {
    const p = await personOf(deps.directory, id);
    return lang === 'zh' ? (p.nameZh ?? p.nameEn) : p.nameEn;
  };
  const dto = async (v: RulesView, lang: 'en' | 'zh') => ({
    ...v,
    rules: [...v.rules],
    updatedBy: v.updatedBy ? await nameOf(v.updatedBy, lang) : null,
    updatedAt: v.updatedAt === null ? null : iso(v.updatedAt),
  });
  /** A refused rule text answers 422 with its problems; anything else goes to the error handler. */
  const problemsOr = (e: unknown, lang: 'en' | 'zh') => {
    if (isDomainError(e) && e.code === 'consult_rules.invalid') {
      return { code: e.code, message: errorMessage(e.code, lang), hint: errorHint(e.code, lang), problems: (e.details?.problems ?? []) as { path: string; code: string; message: string }[] };
    }
    throw e;
  };

  app.get('/consult-rules', { config, schema: { response: { 200: consultRulesDto, ...errorResponses } } }, async (req) => dto(await viewRules(deps.admin), requestLang(req)));

  app.put('/consult-rules', { config, schema: { body: saveConsultRulesBody, response: { 200: consultRulesDto, ...errors } } }, async (req, reply) => {
    try {
      return await dto(await saveRules(deps.admin, req.admin!.id, req.body.text, req.body.expectedVersion), requestLang(req));
    } catch (e) {
      return reply.status(422).send(problemsOr(e, requestLang(req)));
    }
  });

  app.post('/consult-rules/dry-run', { config, schema: { body: dryRunBody, response: { 200: dryRunDto, ...errors, 410: errorBody } } }, async (req, reply) => {
    try {
      return await dryRun(deps.dryRun, req.body);
    } catch (e) {
      return reply.status(422).send(problemsOr(e, requestLang(req)));
    }
  });
};
