import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain } from '../../domain/access/access-explain.js';
import { loadPolicies, SCHEMA_FILE, type LoadedPolicy } from '../../domain/access/policy-loader.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Service } from '../../service.js';
import { DomainError, isDomainError } from '../../shared/errors.js';
import { errorBody, errorResponses } from './admin-schemas.js';
import { explainBody, explainResponse, iso, policiesResponse, ROLES } from './admin-console-schemas.js';

export interface AdminPolicyRoutesOptions {
  service: Service;
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
export const adminPolicyRoutes: FastifyPluginAsyncZod<AdminPolicyRoutesOptions> = async (app, { service, policyDir }) => {
  app.get(
    '/policies',
    { config: { adminRoles: ROLES.adminOnly }, schema: { response: { 200: policiesResponse, ...errorResponses } } },
    async () => {
      let policies: LoadedPolicy[] = [];
      let problem: string | null = null;
      try {
        policies = loadPolicies(policyDir).policies;
      } catch (e) {
        // config.invalid carries the file/policy id and Cedar's message: meant for exactly this reader.
        problem = isDomainError(e) ? e.message : 'policies could not be loaded';
      }
      const inForce = [...service.secure.engine.policyIds];
      const ids = policies.map((p) => p.id);
      return {
        directory: policyDir,
        files: readPolicyFiles(policyDir),
        validation: { valid: problem === null, problem, checkedAt: iso(service.clock.now()) },
        policies: policies.map((p) => ({ id: p.id, file: p.file, effect: p.effect, actions: p.actions === 'all' ? ('all' as const) : [...p.actions] })),
        inForce,
        changedSinceStart: problem !== null || ids.length !== inForce.length || ids.some((id, i) => id !== inForce[i]),
      };
    },
  );

  app.post(
    '/policies/explain',
    {
      config: { adminRoles: ROLES.adminOnly },
      // 410: the document has burned; there is nothing left to decide about.
      schema: { body: explainBody, response: { 200: explainResponse, ...errorResponses, 410: errorBody } },
    },
    async (req) => {
      const clinician = service.directoryRepo.findById(req.body.clinicianId);
      if (!clinician) throw new DomainError('clinician.not_found');
      const { decision, document, caseCode } = await service.secure.access.previewView(clinician, req.body.documentId);
      service.audit.append({
        actor: req.admin!.id,
        action: AUDIT_ACTIONS.adminExplained,
        target: document.id,
        outcome: 'success',
        // Whose access was explained, by id (the admin is the actor, the document the target).
        reason: `clinician:${clinician.id}`.toLowerCase().slice(0, 64),
      });
      return {
        allowed: decision.allowed,
        clinicianId: clinician.id,
        documentId: document.id,
        caseCode,
        policies: decision.policies,
        missing: decision.missing.map((m) => m.code),
        reasons: { en: explain(decision, 'en'), zh: explain(decision, 'zh') },
      };
    },
  );
};
