import { compileRules, type CompiledRules } from './evaluate-rules.js';
import { parseConsultRuleText, type ConsultRule, type ParsedRuleSet, type RuleProblem } from './consult-rule-schema.js';
import type { RuleSetStore } from './rule-set-store.js';

/** The rule set in force: the console's saved one, else the config file's. */
export interface RulesInForce {
  source: 'file' | 'saved';
  /** 0 for the file; the saved row's version otherwise. */
  version: number;
  rules: readonly ConsultRule[];
  compiled: CompiledRules;
  updatedBy: string | null;
  updatedAt: number | null;
  /** What is wrong with the config file (it is then not in force: no file rule fires). */
  fileProblems: RuleProblem[];
}

/**
 * Where rules come from, compiled once per version. Each call reads only the saved version number
 * (one indexed row), so every instance of a cluster sees a console save at its next evaluation
 * without a restart, and a version it has seen is not compiled again.
 */
export function createRuleSource(deps: { store: Pick<RuleSetStore, 'version' | 'current'>; file: ParsedRuleSet }) {
  const fileProblems = deps.file.ok ? [] : deps.file.problems;
  const fileRules = deps.file.ok ? deps.file.set.rules : [];
  const fromFile: RulesInForce = { source: 'file', version: 0, rules: fileRules, compiled: compileRules(fileRules), updatedBy: null, updatedAt: null, fileProblems };
  let cached: RulesInForce = fromFile;

  return {
    async current(): Promise<RulesInForce> {
      const version = await deps.store.version();
      if (version === cached.version) return cached;
      const row = await deps.store.current();
      if (!row) return (cached = fromFile);
      const parsed = parseConsultRuleText(row.rulesJson);
      // A saved set was validated before it was saved; a row that no longer parses (a later schema) fires nothing.
      const rules = parsed.ok ? parsed.set.rules : [];
      cached = { source: 'saved', version: row.version, rules, compiled: compileRules(rules), updatedBy: row.updatedBy, updatedAt: row.updatedAt, fileProblems };
      return cached;
    },
  };
}

export type RuleSource = ReturnType<typeof createRuleSource>;
