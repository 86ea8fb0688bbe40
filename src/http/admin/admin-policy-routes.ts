import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sectionRoute } from './admin-auth.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyEngine } from '../../domain/access/policy-engine.js';
import { loadPolicies, SCHEMA_FILE, type LoadedPolicy } from '../../domain/access/policy-loader.js';
import type { Clock } from '../../shared/clock.js';
import { isDomainError } from '../../shared/errors.js';
import { explainForClinician, type ExplainForClinicianDeps } from '../../usecases/explain/explain-decision.js';
import { errorBody, errorResponses } from './admin-schemas.js';
import { explainBody, explainResponse, iso, policiesResponse} from './admin-console-schemas.js';

export interface AdminPolicyDeps {
  /** The policies in force (loaded at start). */
  engine: Pick<PolicyEngine, 'policyIds'>;
  clock: Clock;
  explain: ExplainForClinicianDeps;
}

export interface AdminPolicyRoutesOptions extends AdminPolicyDeps {
  /** The Cedar policy folder (config/policies); tests point it at a copy. */
  policyDir: string;
}

/** The Cedar files as text, schema first, then the policy files in load order. */
function readPolicyFiles(dir: string): { file: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.cedar')).sort();
  } catch {
    return [];
  }
  const files = names.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  try {
    return [{ file: SCHEMA_FILE, text: readFileSync(join(dir, SCHEMA_FILE), 'utf8') }, ...files];
  } catch {
    return files;
  }
}

/**
 * Policies: the Cedar text with its validation state (re-checked in-process on each call — an
 * admin call, rare, and the in-process check is the one the service itself trusts), and an explain
 * tool that evaluates a clinician × document without recording it as that clinician's attempt.
 */
export const adminPolicyRoutes: FastifyPluginAsyncZod<AdminPolicyRoutesOptions> = async (app, { engine, clock, explain, policyDir }) => {
  app.get(
    '/policies',
    { config: sectionRoute('policies'), schema: { response: { 200: policiesResponse, ...errorResponses } } },
    async () => {
      let policies: LoadedPolicy[] = [];
      let problem: string | null = null;
      try {
        policies = loadPolicies(policyDir).policies;
      } catch (e) {
        // config.invalid carries the file/policy id and Cedar's message: meant for exactly this reader.
        problem = isDomainError(e) ? e.message : 'policies could not be loaded';
      }
      const inForce = [...engine.policyIds];
      const ids = policies.map((p) => p.id);
      return {
        directory: policyDir,
        files: readPolicyFiles(policyDir),
        validation: { valid: problem === null, problem, checkedAt: iso(clock.now()) },
        policies: policies.map((p) => ({ id: p.id, file: p.file, effect: p.effect, actions: p.actions === 'all' ? ('all' as const) : [...p.actions] })),
        inForce,
        changedSinceStart: problem !== null || ids.length !== inForce.length || ids.some((id, i) => id !== inForce[i]),
      };
    },
  );

  app.post(
    '/policies/explain',
    {
      config: sectionRoute('policies'),
      // 410: the document has burned; there is nothing left to decide about.
      schema: { body: explainBody, response: { 200: explainResponse, ...errorResponses, 410: errorBody } },
    },
    async (req) => explainForClinician(explain, req.admin!.id, req.body.clinicianId, req.body.documentId),
  );
};
