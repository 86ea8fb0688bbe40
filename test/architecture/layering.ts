import { readFileSync } from 'node:fs';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/**
 * Runs dependency-cruiser over src/ with the rules in .dependency-cruiser.cjs and compares the
 * violations with config/architecture-allowlist.json: the violations issue 10 has not removed yet,
 * each with the item that removes it. The list only shrinks: a new violation fails, and so does an
 * entry that no longer occurs (delete it).
 */
export interface AllowedViolation {
  rule: string;
  from: string;
  to: string;
  /** Which item of issue 10 removes it, e.g. "issue 10 item 1 (use cases)". */
  removedBy: string;
}

export interface LayeringReport {
  /** Violations not in the allowlist. */
  fresh: IViolation[];
  /** Allowlist entries that no longer occur. */
  stale: AllowedViolation[];
  /** Violations the allowlist still admits. */
  known: IViolation[];
  modules: number;
}

export const ALLOWLIST_FILE = 'config/architecture-allowlist.json';

const key = (v: { rule: string; from: string; to: string }): string => `${v.rule} ${v.from} → ${v.to}`;

export function readAllowlist(file = ALLOWLIST_FILE): AllowedViolation[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { allowed: AllowedViolation[] }).allowed;
}

export async function cruiseSrc(): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
  const tsConfig = extractTSConfig('tsconfig.json');
  const result = await cruise(['src'], { ...options, validate: true }, { extensions: ['.ts', '.js'] }, { tsConfig });
  return result.output as ICruiseResult;
}

export async function checkLayering(allowed = readAllowlist()): Promise<LayeringReport> {
  const output = await cruiseSrc();
  const violations = output.summary.violations.map((v) => v);
  const allowedKeys = new Set(allowed.map(key));
  const seen = new Set(violations.map((v) => key({ rule: v.rule.name, from: v.from, to: v.to })));
  return {
    fresh: violations.filter((v) => !allowedKeys.has(key({ rule: v.rule.name, from: v.from, to: v.to }))),
    known: violations.filter((v) => allowedKeys.has(key({ rule: v.rule.name, from: v.from, to: v.to }))),
    stale: allowed.filter((a) => !seen.has(key(a))),
    modules: output.summary.totalCruised,
  };
}

export function describeViolation(v: IViolation): string {
  const cycle = v.cycle?.length ? ` (cycle: ${v.cycle.map((c) => c.name).join(' → ')})` : '';
  return `${v.rule.name}: ${v.from} → ${v.to}${cycle}`;
}

export function describeAllowed(a: AllowedViolation): string {
  return `${a.rule}: ${a.from} → ${a.to} [${a.removedBy}]`;
}
