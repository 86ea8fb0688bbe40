/**
 * Leaves out of a Cedar request the principal's and resource's attributes that no policy of the slice
 * can read (see policy-reads.ts): Cedar spends most of a decision parsing the request, ~14 µs for each
 * entity reference attribute alone (a view never reads the document's case, a share never reads the
 * case's institutions).
 *
 * Decisions stay identical, errors included. Reads see the same values, and an attribute is left out
 * only when Cedar is sure to accept it: a value Cedar would refuse (a null, a fraction, a string that is
 * not valid Unicode, an unknown escape, nesting beyond its limit…) makes Cedar deny, so it is sent as it
 * came. Entities whose uid appears twice (Cedar refuses differing duplicates) are sent untouched too.
 */
import type { AttributeReads } from './policy-reads.js';
import type { AccessRequest, CedarEntity, CedarValue, EntityRef } from './access-vocabulary.js';

/** Well under serde_json's recursion limit (128), which makes Cedar refuse a request. */
const MAX_DEPTH = 16;

/** Returns the entities to send for `req`: the same array when nothing can be left out. */
export type AttributePruner = (req: AccessRequest) => CedarEntity[];

type Plain = Record<string, unknown>;

/** No lone surrogates (which Cedar's JSON parser refuses). ES2024, in Node 20; our TS lib is ES2022. */
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

function isPlainObject(v: unknown): v is Plain {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && !Object.hasOwn(v, 'toJSON');
}

const isUid = (u: Plain, ref: EntityRef): boolean => u.type === ref.type && u.id === ref.id;

/**
 * @param entityTypes entity type names the schema declares: an entity reference naming one of them is
 *   known to parse (an unknown name could be a reserved word, which Cedar refuses).
 */
export function createAttributePruner(reads: AttributeReads, entityTypes: ReadonlySet<string>): AttributePruner {
  const isEntityRef = (v: Plain): boolean => {
    const keys = Object.keys(v);
    if (keys.length !== 1 || keys[0] !== '__entity') return false;
    const ref = v.__entity;
    return (
      isPlainObject(ref) &&
      Object.keys(ref).length === 2 &&
      typeof ref.type === 'string' &&
      entityTypes.has(ref.type) &&
      typeof ref.id === 'string' &&
      wellFormed(ref.id)
    );
  };

  /** True when Cedar certainly accepts `v` as an attribute value (so leaving it out changes nothing). */
  const acceptable = (v: unknown, depth: number): boolean => {
    if (typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isSafeInteger(v);
    if (typeof v === 'string') return wellFormed(v);
    if (depth >= MAX_DEPTH) return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!(i in v) || !acceptable(v[i], depth + 1)) return false;
      return true;
    }
    if (!isPlainObject(v)) return false;
    if (Object.hasOwn(v, '__entity')) return isEntityRef(v);
    for (const k of Object.keys(v)) if (k.startsWith('__') || !wellFormed(k) || !acceptable(v[k], depth + 1)) return false;
    return true;
  };

  const prune = (e: CedarEntity, keep: (name: string) => boolean): CedarEntity => {
    if (!isPlainObject(e.attrs)) return e;
    const kept: Record<string, CedarValue> = {};
    let dropped = false;
    for (const [name, value] of Object.entries(e.attrs)) {
      if (name === '__proto__') return e; // would set the prototype of `kept` instead of a field
      if (keep(name) || !acceptable(value, 0)) kept[name] = value;
      else dropped = true;
    }
    return dropped ? { ...e, attrs: kept } : e;
  };

  return (req) => {
    const entities = req.entities ?? [];
    let p = -1;
    let r = -1;
    for (let i = 0; i < entities.length; i++) {
      const e: unknown = entities[i];
      if (!isPlainObject(e)) return entities;
      const uid = e.uid;
      // Another spelling of a uid (`__entity`, an object of a class…) could hide a duplicate.
      if (!isPlainObject(uid) || Object.hasOwn(uid, '__entity')) return entities;
      if (isUid(uid, req.principal)) {
        if (p >= 0) return entities;
        p = i;
      }
      if (isUid(uid, req.resource)) {
        if (r >= 0) return entities;
        r = i;
      }
    }
    if (p < 0 || r < 0) return entities;
    const out = entities.slice();
    if (p === r) out[p] = prune(entities[p]!, (n) => reads.principal.has(n) || reads.resource.has(n));
    else {
      out[p] = prune(entities[p]!, (n) => reads.principal.has(n));
      out[r] = prune(entities[r]!, (n) => reads.resource.has(n));
    }
    return out;
  };
}
