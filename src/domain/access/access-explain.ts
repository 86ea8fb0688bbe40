/**
 * Turns a decision into sentences a clinician can read (for `@bot why` and denial replies).
 * Deny reasons come from the forbids that matched and from the permit conditions that were missing.
 */
import { CASE_FALLBACK, ENGINE_ERROR, HEADLINE, MISSING_SENTENCES, NOT_FOR_YOU, PATIENT_FACT_POLICIES, POLICY_SENTENCES, type Lang } from './access-sentences.js';
import type { MissingCondition } from './missing-conditions.js';
import type { AccessDecision } from './policy-engine.js';

export type { Lang };

function missingSentence(m: MissingCondition, lang: Lang): string {
  const where = m.caseCode ?? CASE_FALLBACK[lang];
  const casePhrase = m.caseCode && lang === 'zh' ? `個案 ${where} ` : where;
  return MISSING_SENTENCES[m.code][lang].replace('{case}', casePhrase);
}

/**
 * Headline first ("Allowed." / "Not allowed."), then one sentence per reason. With `patientFacts`
 * false (the asker is a stranger to the patient) reasons that state facts about the patient — consent,
 * restricted categories — are left out, so `why` cannot be used to probe them.
 */
export function explain(decision: AccessDecision, lang: Lang, opts: { patientFacts?: boolean } = {}): string[] {
  const out = [HEADLINE[decision.allowed ? 'allowed' : 'denied'][lang]];
  let withheld = false;
  for (const id of decision.policies) {
    const s = POLICY_SENTENCES[id];
    if (opts.patientFacts === false && PATIENT_FACT_POLICIES.has(id)) withheld = true;
    else if (s) out.push(s[lang]);
  }
  if (!decision.allowed) {
    if (withheld && out.length === 1 && decision.missing.length === 0) out.push(NOT_FOR_YOU[lang]);
    for (const m of decision.missing) out.push(missingSentence(m, lang));
    if (decision.errors.length > 0 || out.length === 1) out.push(ENGINE_ERROR[lang]);
  }
  return out;
}
