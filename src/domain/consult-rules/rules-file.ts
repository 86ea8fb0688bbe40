import { readFileSync } from 'node:fs';
import { projectPath } from '../../shared/paths.js';
import { parseConsultRuleText, type ParsedRuleSet } from './consult-rule-schema.js';

/** The shipped rules (the console's saved set, when there is one, replaces them). */
export const CONSULT_RULES_FILE = projectPath('config', 'consult-rules.json');

/** The file's rule set, or its problems (an unreadable file is one problem with code `file`). */
export function readConsultRulesFile(path: string = CONSULT_RULES_FILE): ParsedRuleSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, problems: [{ path: '', code: 'file', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` }] };
  }
  return parseConsultRuleText(text);
}
