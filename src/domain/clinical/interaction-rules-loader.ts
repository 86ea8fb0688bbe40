/**
 * Reads the interaction rule set shipped in config/clinical. Loaded at the first check, not at start, so a
 * service that never checks a medication list does not carry it (P7's idle figures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../shared/errors.js';
import { projectPath } from '../../shared/paths.js';
import { CLASSES_FILE, RULES_FILE, buildInteractionRuleSet, type InteractionRuleSet } from './interaction-rule-set.js';

/** The folder with interaction-classes.json and interaction-rules.json. */
export const CLINICAL_CONFIG_DIR = projectPath('config', 'clinical');

function read(dir: string, file: string): string {
  try {
    return readFileSync(join(dir, file), 'utf8');
  } catch (e) {
    throw new DomainError('config.invalid', `Interaction rule set refused: ${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Reads and validates the rule set now (throws config.invalid naming the file and field). */
export function loadInteractionRuleSet(dir: string = CLINICAL_CONFIG_DIR): InteractionRuleSet {
  return buildInteractionRuleSet(read(dir, CLASSES_FILE), read(dir, RULES_FILE));
}

/**
 * A getter that loads the rule set on its first call and returns the same one afterwards. A failed
 * load is not remembered: the next call tries again (and fails again with the same message).
 */
export function lazyInteractionRuleSet(dir: string = CLINICAL_CONFIG_DIR): () => InteractionRuleSet {
  let loaded: InteractionRuleSet | undefined;
  return () => (loaded ??= loadInteractionRuleSet(dir));
}
