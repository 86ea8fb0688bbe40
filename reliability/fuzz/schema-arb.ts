import fc from 'fast-check';
import { junkString, junkValue } from './junk.js';

/** The part of an OpenAPI 3.0 schema (as fastify-type-provider-zod writes it) the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
  nullable?: boolean;
}

/** Real ids from the seeded world, by parameter or property name, so some cases get past "not found". */
export type Pools = (name: string) => string[];

function stringFor(s: JsonSchema, name: string, pools: Pools): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 80);
  const shaped = s.pattern
    ? patterned(s.pattern, max)
    : s.format === 'date-time' || s.format === 'date'
    ? fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => (s.format === 'date' ? d.toISOString().slice(0, 10) : d.toISOString()))
    : fc.string({ minLength: min, maxLength: Math.max(min, max) });
  const real = pools(name);
  return real.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 2, arbitrary: shaped }) : shaped;
}

/** Strings matching the schema's pattern (fast-check reads the regex), else any short string. */
function patterned(pattern: string, max: number): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((x) => x.length <= Math.max(max, 1));
  } catch {
    return fc.string({ maxLength: max });
  }
}

/** Values that fit the schema (mostly), drawn towards the world's real ids. */
export function fromSchema(s: JsonSchema | undefined, name: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return junkValue(1);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => fromSchema(a, name, pools, depth + 1)));
  if (s.allOf?.length) return fromSchema(s.allOf[0], name, pools, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return stringFor(s, name, pools);
      case 'integer':
        return fc.integer({ min: Math.max(s.minimum ?? -1000, -(2 ** 31)), max: Math.min(s.maximum ?? 100_000, 2 ** 31) });
      case 'number':
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(fromSchema(s.items, name, pools, depth + 1), { maxLength: 4 });
      case 'object':
      case undefined: {
        if (!s.properties) return fc.dictionary(fc.string({ maxLength: 8 }), junkValue(1), { maxKeys: 3 });
        const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, fromSchema(v, k, pools, depth + 1)]));
        return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      }
      default:
        return junkValue(1);
    }
  })();
  return s.nullable ? fc.option(base, { nil: null as unknown }) : base;
}

/**
 * A body for the schema: valid-ish, or valid-ish with one field broken (wrong type, huge or hostile
 * string, a required field dropped, a prototype-pollution key spliced into the JSON text).
 * Returned as JSON text, so keys like `__proto__` reach the server literally.
 */
export function bodyText(s: JsonSchema | undefined, pools: Pools): fc.Arbitrary<string> {
  const valid = fromSchema(s, 'body', pools);
  const broken = fc
    .tuple(valid, fc.nat(), fc.oneof(junkValue(2), junkString()), fc.constantFrom('replace', 'drop', 'proto', 'extra'))
    .map(([v, pick, junk, how]) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return JSON.stringify(junk);
      const o = { ...(v as Record<string, unknown>) };
      const keys = Object.keys(o);
      const key = keys.length ? keys[pick % keys.length]! : 'x';
      if (how === 'replace') o[key] = junk;
      if (how === 'drop') delete o[key];
      if (how === 'extra') o[`x${pick % 7}`] = junk;
      const text = JSON.stringify(o);
      if (how !== 'proto') return text;
      const splice = pick % 2 ? `"__proto__":${JSON.stringify({ [key]: junk, role: 'admin' })}` : `"constructor":{"prototype":{"isAdmin":true}}`;
      return text === '{}' ? `{${splice}}` : `{${splice},${text.slice(1)}`;
    });
  return fc.oneof({ weight: 3, arbitrary: valid.map((v) => JSON.stringify(v) ?? 'null') }, { weight: 2, arbitrary: broken });
}
