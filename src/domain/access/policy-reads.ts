/**
 * Which attributes of the principal and the resource a set of policies can ever read, found from the
 * policies' JSON form (Cedar's EST). The engine uses it to leave the other attributes out of the request
 * it sends to Cedar: parsing an entity reference attribute alone costs Cedar ~14 µs per call.
 *
 * The analysis is deliberately simple and errs towards "cannot tell" (null = send everything): an
 * attribute read counts only when written directly on a variable (`principal.role`, `resource has x`).
 * Anything that could reach an entity some other way (`resource.case.institutions`, `context.x.y`, a
 * literal's attribute, `action.x`, tags, template slots) makes the whole slice unprunable, because the
 * entity reached could be the principal or the resource itself.
 */
export interface AttributeReads {
  principal: ReadonlySet<string>;
  resource: ReadonlySet<string>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ATTRIBUTE_OPS = ['.', 'has'] as const;
const OPAQUE_OPS = ['getTag', 'hasTag', 'Slot'];

class Unprunable extends Error {}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The variable an expression is, when it is a bare variable (`{ "Var": "principal" }`). */
function bareVar(e: Json | undefined): string | undefined {
  return isObject(e) && typeof e.Var === 'string' && Object.keys(e).length === 1 ? e.Var : undefined;
}

function firstAttr(node: { [key: string]: Json }): string | undefined {
  const a = node.attr;
  if (typeof a === 'string') return a;
  // `e has a.b.c` reads attribute a of e, then fields of a record.
  if (Array.isArray(a) && typeof a[0] === 'string') return a[0];
  return undefined;
}

function walk(node: Json, out: { principal: Set<string>; resource: Set<string> }): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, out);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    if (OPAQUE_OPS.includes(key)) throw new Unprunable(key);
    if ((ATTRIBUTE_OPS as readonly string[]).includes(key)) {
      // A record literal with a field named "." or "has" also lands here; "cannot tell" is then safe.
      if (!isObject(child)) throw new Unprunable(key);
      const variable = bareVar(child.left);
      const attr = firstAttr(child);
      if (attr === undefined || attr === '__proto__') throw new Unprunable(key);
      if (variable === 'principal' || variable === 'resource') out[variable].add(attr);
      else if (variable !== 'context') throw new Unprunable(key);
    }
    walk(child, out);
  }
}

/** The attributes `policies` (each in Cedar's EST JSON form) can read, or null when that cannot be told. */
export function attributeReads(policies: readonly { conditions?: unknown }[]): AttributeReads | null {
  const out = { principal: new Set<string>(), resource: new Set<string>() };
  try {
    // Only conditions read attributes; scopes compare uids and walk the hierarchy, which is never pruned.
    for (const p of policies) walk((p.conditions ?? []) as Json, out);
  } catch (e) {
    if (e instanceof Unprunable) return null;
    throw e;
  }
  return out;
}

/** True when `node` mentions the principal or resource variable anywhere except as `x.attr` / `x has attr`. */
function touchesIdentity(node: Json): boolean {
  if (Array.isArray(node)) return node.some(touchesIdentity);
  if (!isObject(node)) return false;
  const v = bareVar(node);
  if (v === 'principal' || v === 'resource') return true;
  return Object.entries(node).some(([key, child]) => {
    if ((ATTRIBUTE_OPS as readonly string[]).includes(key) && isObject(child)) {
      const variable = bareVar(child.left);
      // `principal.role` reads an attribute, not who the principal is; everything else in the node still counts.
      if (variable === 'principal' || variable === 'resource') return Object.entries(child).some(([k, c]) => k !== 'left' && touchesIdentity(c));
    }
    return touchesIdentity(child);
  });
}

/**
 * True when no policy can tell two principals (or two resources) apart except by the attributes it
 * reads: open scopes, and conditions that use the principal and resource only as `x.attr` / `x has attr`.
 * Then a decision is a function of the action, the context and those attributes (decision-memo.ts).
 * Unknown (a policy without its JSON form) counts as no.
 */
export function decidesByAttributesOnly(policies: readonly { conditions?: unknown; openScope?: boolean }[]): boolean {
  return policies.every((p) => p.openScope === true && Array.isArray(p.conditions) && !touchesIdentity(p.conditions as Json));
}
