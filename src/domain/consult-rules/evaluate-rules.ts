import type { ConsultRule } from './consult-rule-schema.js';
import { convertUnit } from './units.js';

/** A shared or imported document as the rules see it: its type and the sharer's flags (in memory only). */
export interface DocumentItem {
  docType: string;
  flags: readonly string[];
}

/** One coded result (a FHIR Observation reduced to what a rule reads). */
export interface ObservationItem {
  /** The Observation's codings; only LOINC (http://loinc.org) ones are matched. */
  codes: readonly { system?: string; code: string }[];
  value: number;
  unit: string;
}

export const LOINC_SYSTEM = 'http://loinc.org';

/** The enabled rules, indexed once so an item is matched against the few rules that could fire. */
export interface CompiledRules {
  readonly size: number;
  readonly byDocType: ReadonlyMap<string, readonly ConsultRule[]>;
  /** Document rules that name flags but no type: any document with the flag. */
  readonly anyType: readonly ConsultRule[];
  readonly byLoinc: ReadonlyMap<string, readonly ConsultRule[]>;
}

const normFlag = (f: string): string => f.trim().toUpperCase();

function push<T>(map: Map<string, T[]>, k: string, v: T): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Indexes the enabled rules (disabled ones never fire and are not looked at). */
export function compileRules(rules: readonly ConsultRule[]): CompiledRules {
  const byDocType = new Map<string, ConsultRule[]>();
  const anyType: ConsultRule[] = [];
  const byLoinc = new Map<string, ConsultRule[]>();
  let size = 0;
  for (const rule of rules) {
    if (!rule.enabled) continue;
    size += 1;
    const { document, observation } = rule.match;
    if (document?.types) for (const t of document.types) push(byDocType, t, rule);
    else if (document) anyType.push(rule);
    if (observation) for (const c of observation.codes) push(byLoinc, c, rule);
  }
  return { size, byDocType, anyType, byLoinc };
}

function flagsMatch(rule: ConsultRule, flags: ReadonlySet<string>): boolean {
  const wanted = rule.match.document?.flags;
  return wanted === undefined || wanted.some((f) => flags.has(normFlag(f)));
}

/** The rules a document fires, in rule-file order of first match (each once). */
export function matchDocument(compiled: CompiledRules, item: DocumentItem): ConsultRule[] {
  const flags = new Set(item.flags.map(normFlag));
  const out: ConsultRule[] = [];
  for (const rule of compiled.byDocType.get(item.docType) ?? []) if (flagsMatch(rule, flags) && !out.includes(rule)) out.push(rule);
  if (flags.size > 0) for (const rule of compiled.anyType) if (flagsMatch(rule, flags)) out.push(rule);
  return out;
}

/** What a result does against the rules: those that fire, and those whose code matched but whose unit does not convert. */
export interface ObservationMatch {
  fired: ConsultRule[];
  unitMismatch: ConsultRule[];
}

const compare = { '>': (a: number, b: number) => a > b, '>=': (a: number, b: number) => a >= b, '<': (a: number, b: number) => a < b, '<=': (a: number, b: number) => a <= b } as const;

/** The rules a result fires: a LOINC code the rule names, and its value (in the rule's unit) past any threshold. */
export function matchObservation(compiled: CompiledRules, item: ObservationItem): ObservationMatch {
  const fired: ConsultRule[] = [];
  const unitMismatch: ConsultRule[] = [];
  for (const coding of item.codes) {
    if (coding.system !== undefined && coding.system !== LOINC_SYSTEM) continue;
    for (const rule of compiled.byLoinc.get(coding.code) ?? []) {
      if (fired.includes(rule) || unitMismatch.includes(rule)) continue;
      const obs = rule.match.observation!;
      const value = convertUnit(item.value, item.unit, obs.unit);
      if (value === undefined) unitMismatch.push(rule);
      else if (obs.thresholds.some((t) => compare[t.comparator](value, t.value))) fired.push(rule);
    }
  }
  return { fired, unitMismatch };
}
