/**
 * Reads config/policies: the Cedar schema and every *.cedar file. Refuses (throws config.invalid,
 * naming the file or policy id and Cedar's message) when anything does not parse, a policy has no
 * unique @id, or a policy does not validate against the schema. Runs once at start.
 */
import type * as CedarTypes from '@cedar-policy/cedar-wasm/nodejs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../shared/errors.js';
import { cedar } from './cedar-runtime.js';
import { ACCESS_ACTIONS, type AccessAction } from './access-vocabulary.js';

export const SCHEMA_FILE = 'consultbridge.cedarschema';

export interface LoadedPolicy {
  id: string;
  file: string;
  text: string;
  effect: 'permit' | 'forbid';
  /** Actions the policy's scope can match; 'all' when unconstrained or not statically known. */
  actions: readonly AccessAction[] | 'all';
  /**
   * The when/unless clauses in Cedar's JSON form, from the same parse, so the engine can tell which
   * attributes the policy reads without asking Cedar again in the service process (which would grow
   * its WebAssembly heap for good).
   */
  conditions?: CedarTypes.Clause[];
  /**
   * True when the scope leaves principal and resource open (`principal, … , resource`): then only the
   * conditions can look at who or what they are. Absent when not known (policies built by hand).
   */
  openScope?: boolean;
}

export interface LoadedPolicies {
  /** The schema in Cedar's JSON form: parsed once here, not again by each later call. */
  schema: CedarTypes.SchemaJson<string>;
  policies: LoadedPolicy[];
}

function refuse(problem: string): never {
  throw new DomainError('config.invalid', `Access policies refused: ${problem}`);
}

const messages = (errors: { message: string }[]) => errors.map((e) => e.message).join('; ');

function actionIdOf(uid: unknown): string | undefined {
  const u = (uid as { __entity?: { id?: string } }).__entity ?? (uid as { id?: string });
  return u.id;
}

/** Which of our actions a policy's action scope can match (used to slice the set per action). */
function scopeActions(scope: CedarTypes.ActionConstraint): LoadedPolicy['actions'] {
  if (scope.op === 'All') return 'all';
  const uids = 'entities' in scope ? scope.entities : 'entity' in scope ? [scope.entity] : [];
  const ids = uids.map(actionIdOf);
  // An action group we do not know would need the hierarchy: keep the policy in every slice (safe).
  if (!ids.every((id): id is AccessAction => id !== undefined && (ACCESS_ACTIONS as readonly string[]).includes(id)))
    return 'all';
  return ids;
}

function parseFile(file: string, text: string, seen: Set<string>): LoadedPolicy[] {
  const parts = cedar().policySetTextToParts(text);
  if (parts.type === 'failure') refuse(`${file} does not parse: ${messages(parts.errors)}`);
  if (parts.policy_templates.length > 0) refuse(`${file} contains templates, which are not supported`);
  return parts.policies.map((policyText) => {
    const json = cedar().policyToJson(policyText);
    if (json.type === 'failure') refuse(`${file}: ${messages(json.errors)}`);
    const id = json.json.annotations?.id;
    if (!id) refuse(`${file}: every policy needs an @id("…") annotation`);
    if (seen.has(id)) refuse(`${file}: duplicate policy id "${id}"`);
    seen.add(id);
    const openScope = json.json.principal.op === 'All' && json.json.resource.op === 'All';
    return { id, file, text: policyText, effect: json.json.effect, actions: scopeActions(json.json.action), conditions: json.json.conditions, openScope };
  });
}

function parseSchema(schema: string): CedarTypes.SchemaJson<string> {
  const json = cedar().schemaToJson(schema);
  if (json.type === 'failure') refuse(`${SCHEMA_FILE} does not parse: ${messages(json.errors)}`);
  const declared = new Set(Object.values(json.json).flatMap((ns) => Object.keys(ns.actions)));
  const missing = ACCESS_ACTIONS.filter((a) => !declared.has(a));
  if (missing.length > 0) refuse(`${SCHEMA_FILE} does not declare the action(s) ${missing.join(', ')}`);
  return json.json;
}

function checkAgainstSchema(schema: CedarTypes.SchemaJson<string>, policies: LoadedPolicy[]): void {
  const staticPolicies = Object.fromEntries(policies.map((p) => [p.id, p.text]));
  const answer = cedar().validate({ schema, policies: { staticPolicies } });
  if (answer.type === 'failure') refuse(messages(answer.errors));
  if (answer.validationErrors.length > 0) {
    const problems = answer.validationErrors.map((e) => `policy "${e.policyId}": ${e.error.message}`);
    refuse(`policies do not match the schema: ${problems.join('; ')}`);
  }
}

export function loadPolicies(dir: string): LoadedPolicies {
  let names: string[];
  let schemaText: string;
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.cedar')).sort();
    schemaText = readFileSync(join(dir, SCHEMA_FILE), 'utf8');
  } catch (e) {
    refuse(`cannot read ${dir} or its ${SCHEMA_FILE}: ${(e as Error).message}`);
  }
  if (names.length === 0) refuse(`no *.cedar files in ${dir}`);
  const schema = parseSchema(schemaText);
  const seen = new Set<string>();
  const policies = names.flatMap((f) => parseFile(f, readFileSync(join(dir, f), 'utf8'), seen));
  checkAgainstSchema(schema, policies);
  return { schema, policies };
}
