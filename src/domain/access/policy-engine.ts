/**
 * The access decision point. Policies are parsed and validated once (policy-loader.ts), then
 * pre-parsed into Cedar's in-memory cache, one slice per action (a policy whose scope names another
 * action can never apply, so leaving it out changes nothing and saves evaluation time). Without
 * per-request schema checks, each request also leaves out the entity attributes its slice never reads
 * (attribute-pruning.ts); with them, Cedar needs every attribute the schema declares.
 *
 * Fails closed: a Cedar failure, a policy that errored while evaluating (Cedar would silently skip an
 * erroring forbid and could allow), or a missing principal/resource entity all give deny, logged.
 */
import type * as CedarTypes from '@cedar-policy/cedar-wasm/nodejs';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors.js';
import { cedar } from './cedar-runtime.js';
import { silentLogger, type Logger } from '../../shared/logger.js';
import { noMetrics, type Metrics } from '../../shared/metrics.js';
import { createAttributePruner, type AttributePruner } from './attribute-pruning.js';
import { ACCESS_ACTIONS, type AccessAction, type AccessRequest } from './access-vocabulary.js';
import { missingConditions, type MissingCondition } from './missing-conditions.js';
import { loadPolicies, type LoadedPolicies, type LoadedPolicy } from './policy-loader.js';
import { attributeReads, decidesByAttributesOnly } from './policy-reads.js';
import { createDecisionMemo, type DecisionMemo } from './decision-memo.js';

export interface AccessDecision {
  allowed: boolean;
  action: AccessAction;
  /** Determining policy ids: the permits that allowed, or the forbids that denied. */
  policies: string[];
  /** Engine errors; any error means deny. Safe to log: ids and Cedar messages only. */
  errors: string[];
  /**
   * On deny: permit conditions that were not met (empty when a forbid alone denied). Worked out from
   * the request when first read, since most callers only look at `allowed`.
   */
  readonly missing: MissingCondition[];
}

export interface PolicyEngine {
  decide(request: AccessRequest): AccessDecision;
  readonly policyIds: readonly string[];
  /** Remembered answers used and Cedar calls made for lookups that missed (decision-memo.ts). */
  memoStats(): { hits: number; misses: number };
}

export interface PolicyEngineOptions {
  logger?: Logger;
  /**
   * Check each request's entities and context against the schema (default true). Off saves time;
   * wrong shapes then surface as evaluation errors, which still deny.
   */
  validateRequests?: boolean;
  /**
   * Without schema checks, send Cedar only the principal and resource attributes the action's policies
   * can read (default true). Decisions are the same either way; off exists to compare the two.
   */
  pruneAttributes?: boolean;
  /**
   * Without schema checks, remember answers for actions whose policies decide by attributes only
   * (default true; decision-memo.ts). Decisions are the same either way; off exists to compare the two.
   */
  memoize?: boolean;
  /** Counts each decision by action and outcome (allowed/denied). */
  metrics?: Metrics;
}

/** Loads, validates and pre-parses the policies in `dir`; throws config.invalid when they are wrong. */
export function loadPolicyEngine(dir: string, opts: PolicyEngineOptions = {}): PolicyEngine {
  return createPolicyEngine(loadPolicies(dir), opts);
}

interface Slice {
  setId: string;
  entitiesFor: AttributePruner;
  memo?: DecisionMemo;
}

const allEntities: AttributePruner = (req) => req.entities ?? [];

/** Entity type names the schema declares, namespaced as Cedar writes them. */
function entityTypes(schema: CedarTypes.SchemaJson<string>): Set<string> {
  const out = new Set<string>();
  for (const [ns, def] of Object.entries(schema)) {
    for (const name of Object.keys(def.entityTypes)) out.add(ns ? `${ns}::${name}` : name);
  }
  return out;
}

/** How a slice's requests are trimmed: only when every policy's conditions could be had and analysed. */
function pruner(slice: LoadedPolicy[], types: Set<string>): AttributePruner {
  const conditions = slice.map((p) => p.conditions ?? conditionsOf(p.text));
  if (conditions.some((c) => c === undefined)) return allEntities;
  const reads = attributeReads(conditions.map((c) => ({ conditions: c })));
  return reads ? createAttributePruner(reads, types) : allEntities;
}

/** For policies loaded without their JSON form (built by hand): ask Cedar. */
function conditionsOf(text: string): CedarTypes.Clause[] | undefined {
  const json = cedar().policyToJson(text);
  return json.type === 'success' ? json.json.conditions : undefined;
}

function preparse(loaded: LoadedPolicies, validate: boolean, prune: boolean, memoize: boolean): { schemaName?: string; slices: Map<AccessAction, Slice> } {
  // Cedar's cache is process-wide, so every engine gets its own names.
  const prefix = `cb-${randomUUID()}`;
  const schemaName = validate ? `${prefix}-schema` : undefined;
  if (schemaName) check(cedar().preparseSchema(schemaName, loaded.schema), 'schema');
  const types = entityTypes(loaded.schema);
  const slices = new Map<AccessAction, Slice>();
  for (const action of ACCESS_ACTIONS) {
    const slice = loaded.policies.filter((p) => p.actions === 'all' || p.actions.includes(action));
    const setId = `${prefix}-${action}`;
    check(cedar().preparsePolicySet(setId, { staticPolicies: Object.fromEntries(slice.map((p) => [p.id, p.text])) }), action);
    const memo = memoize && !validate && decidesByAttributesOnly(slice) ? createDecisionMemo(types) : undefined;
    slices.set(action, { setId, entitiesFor: prune && !validate ? pruner(slice, types) : allEntities, memo });
  }
  return { schemaName, slices };
}

function check(answer: CedarTypes.CheckParseAnswer, what: string): void {
  if (answer.type === 'failure') {
    throw new DomainError('config.invalid', `Access policies refused: pre-parse of ${what} failed: ${answer.errors.map((e) => e.message).join('; ')}`);
  }
}

export function createPolicyEngine(loaded: LoadedPolicies, opts: PolicyEngineOptions = {}): PolicyEngine {
  const logger = opts.logger ?? silentLogger;
  const metrics = opts.metrics ?? noMetrics;
  // Pre-parsed on the first decision (see cedar-runtime.ts); the policies were already validated at
  // start, in a child process, so a failure here is not expected — and would still deny, logged.
  let prepared: ReturnType<typeof preparse> | undefined;
  const prepare = () => (prepared ??= preparse(loaded, opts.validateRequests ?? true, opts.pruneAttributes ?? true, opts.memoize ?? true));

  function evaluate(req: AccessRequest): { allowed: boolean; policies: string[]; errors: string[] } {
    const { schemaName, slices } = prepare();
    const slice = slices.get(req.action);
    if (!slice) return { allowed: false, policies: [], errors: [`unknown action "${String(req.action)}"`] };
    const missingEntity = [req.principal, req.resource].find(
      (uid) => !req.entities?.some((e) => e.uid.type === uid.type && e.uid.id === uid.id),
    );
    if (missingEntity) return { allowed: false, policies: [], errors: [`entity ${missingEntity.type}::"${missingEntity.id}" was not supplied`] };
    const entities = slice.entitiesFor(req);
    const key = slice.memo?.keyFor(req, entities);
    const known = key === undefined ? undefined : slice.memo!.get(key);
    if (known) return { allowed: known.allowed, policies: [...known.policies], errors: [] };
    const answer = cedar().statefulIsAuthorized({
      principal: req.principal,
      action: { type: 'Action', id: req.action },
      resource: req.resource,
      context: req.context,
      entities,
      preparsedPolicySetId: slice.setId,
      preparsedSchemaName: schemaName,
      validateRequest: schemaName !== undefined,
    });
    if (answer.type === 'failure') return { allowed: false, policies: [], errors: answer.errors.map((e) => e.message) };
    const { decision, diagnostics } = answer.response;
    const errors = diagnostics.errors.map((e) => `policy "${e.policyId}": ${e.error.message}`);
    const allowed = decision === 'allow' && errors.length === 0;
    // An allow spoiled by errors must not name the permit Cedar found: it did not decide.
    const policies = allowed || decision === 'deny' ? diagnostics.reason : [];
    if (key !== undefined && errors.length === 0) slice.memo!.set(key, { allowed, policies });
    return { allowed, policies, errors };
  }

  return {
    policyIds: loaded.policies.map((p) => p.id),
    memoStats() {
      const out = { hits: 0, misses: 0 };
      for (const slice of prepared?.slices.values() ?? []) {
        out.hits += slice.memo?.stats.hits ?? 0;
        out.misses += slice.memo?.stats.misses ?? 0;
      }
      return out;
    },
    decide(req) {
      let result: ReturnType<typeof evaluate>;
      try {
        result = evaluate(req);
      } catch (e) {
        result = { allowed: false, policies: [], errors: [`engine failure: ${(e as Error).message}`] };
      }
      if (result.errors.length > 0) {
        logger.error({ action: req.action, principal: req.principal.id, errors: result.errors }, 'access decision failed closed');
      }
      metrics.accessDecision(req.action, result.allowed);
      const base = { allowed: result.allowed, action: req.action, policies: result.policies, errors: result.errors };
      if (result.allowed) return { ...base, missing: [] };
      let missing: MissingCondition[] | undefined;
      return {
        ...base,
        get missing() {
          return (missing ??= safeMissing(req));
        },
      };
    },
  };
}

function safeMissing(req: AccessRequest): MissingCondition[] {
  try {
    return missingConditions(req);
  } catch {
    return [];
  }
}
