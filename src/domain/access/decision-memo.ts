/**
 * Remembers Cedar's answers for slices whose policies decide by attributes only (policy-reads.ts:
 * open scopes; the principal and resource used only as `x.attr` / `x has attr`). For such a slice the
 * answer is a function of the action, the context and the attributes sent (already trimmed to those
 * the policies read, attribute-pruning.ts): two clinicians with the same role, verification and
 * institution asking about two documents with the same author institution and category, in the same
 * relation (context), get the same answer. Policies never change during the engine's life, and every
 * time-dependent fact is in the context, so an answer stays right for as long as it is kept.
 *
 * The key is those inputs exactly (JSON of action, entity types, attributes sent and context). A request
 * is only looked up when it has nothing else Cedar could read or refuse: exactly the principal and the
 * resource entity, no parents, no extra keys, no entity references among the values, uids Cedar is sure
 * to accept. Only complete, error-free answers are kept. Anything else goes to Cedar as before.
 */
import type { AccessRequest, CedarEntity, EntityRef } from './access-vocabulary.js';

export interface MemoAnswer {
  allowed: boolean;
  policies: string[];
}

export interface DecisionMemo {
  /** The key for this request and the entities that would be sent, or undefined: ask Cedar, keep nothing. */
  keyFor(req: AccessRequest, entities: CedarEntity[]): string | undefined;
  get(key: string): MemoAnswer | undefined;
  set(key: string, answer: MemoAnswer): void;
  readonly stats: { hits: number; misses: number };
}

/** No lone surrogates (Cedar's JSON parser refuses them). ES2024, in Node 20. */
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

const isEntity = (e: CedarEntity, uid: EntityRef) => e.uid.type === uid.type && e.uid.id === uid.id;

function plainEntity(e: CedarEntity, types: ReadonlySet<string>): boolean {
  const keys = Object.keys(e);
  return (
    keys.length === 3 &&
    Array.isArray(e.parents) &&
    e.parents.length === 0 &&
    Object.keys(e.uid).length === 2 &&
    typeof e.uid.type === 'string' &&
    types.has(e.uid.type) &&
    typeof e.uid.id === 'string' &&
    wellFormed(e.uid.id)
  );
}

/**
 * @param entityTypes entity type names the schema declares.
 * @param limit answers kept; when full, the memo starts afresh (the keys are few: roles × flags × codes).
 */
export function createDecisionMemo(entityTypes: ReadonlySet<string>, limit = 4096): DecisionMemo {
  let answers = new Map<string, MemoAnswer>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    keyFor(req, entities) {
      if (entities.length !== 2 || isEntity(entities[0]!, entities[1]!.uid)) return undefined;
      const principal = entities.find((e) => isEntity(e, req.principal));
      const resource = entities.find((e) => isEntity(e, req.resource));
      // Both entities sent must be in the key: a principal that is also the resource would leave the other out.
      if (!principal || !resource || principal === resource) return undefined;
      if (!plainEntity(principal, entityTypes) || !plainEntity(resource, entityTypes)) return undefined;
      let key: string;
      try {
        key = JSON.stringify([req.action, principal.uid.type, resource.uid.type, principal.attrs, resource.attrs, req.context]);
      } catch {
        return undefined; // e.g. a BigInt: Cedar gets it and refuses it
      }
      // An entity reference (or anything spelled like one) would bring the entity store into the answer.
      return key.includes('__entity') || key.includes('__extn') ? undefined : key;
    },
    get(key) {
      const hit = answers.get(key);
      if (hit) stats.hits++;
      else stats.misses++;
      return hit;
    },
    set(key, answer) {
      if (answers.size >= limit) answers = new Map();
      answers.set(key, { allowed: answer.allowed, policies: [...answer.policies] });
    },
  };
}
