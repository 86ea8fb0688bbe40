import { parseConsultRuleText, type ConsultRule } from '../../domain/consult-rules/consult-rule-schema.js';
import { compileRules, matchDocument, matchObservation, type CompiledRules } from '../../domain/consult-rules/evaluate-rules.js';
import type { RuleFirings } from '../../domain/consult-rules/rule-firings.js';
import type { RuleSource } from '../../domain/consult-rules/rule-source.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import { DomainError } from '../../shared/errors.js';
import { observationOf } from '../../ehr/fhir-observations.js';

export interface DryRunDeps {
  rules: Pick<RuleSource, 'current'>;
  firings: Pick<RuleFirings, 'forItem'>;
  documents: Pick<DocumentRepository, 'find'>;
  cases: Pick<CasesRepository, 'caseById'>;
}

export interface DryRunInput {
  /** Rules being edited (not saved yet); the rules in force when absent. */
  text?: string;
  /** A shared document, with the flags its sharer would have given (flags are never stored). */
  documentId?: string;
  flags?: string[];
  /** A pasted FHIR Observation. */
  observation?: unknown;
}

export interface DryRunAnswer {
  item: { kind: 'document'; caseCode: string; docType: string } | { kind: 'observation'; ref: string; codes: string[]; value: number; unit: string };
  fires: Pick<ConsultRule, 'id' | 'severity' | 'specialty' | 'description'>[];
  /** Rules whose code matched but whose unit does not convert to the result's. */
  unitMismatch: string[];
  /** Rules that already fired on this item (they would not fire again). */
  alreadyFired: string[];
}

const brief = (r: ConsultRule) => ({ id: r.id, severity: r.severity, specialty: r.specialty, description: r.description });

async function compiledFor(deps: DryRunDeps, text: string | undefined): Promise<CompiledRules> {
  if (text === undefined) return (await deps.rules.current()).compiled;
  const parsed = parseConsultRuleText(text);
  if (!parsed.ok) throw new DomainError('consult_rules.invalid', undefined, { details: { problems: parsed.problems } });
  return compileRules(parsed.set.rules);
}

/**
 * "Which rule would fire for this document / this result": evaluates without firing, opening,
 * telling or recording anything. A document is named by id (the console picks it by case code and
 * number); a result is a pasted Observation.
 */
export async function dryRun(deps: DryRunDeps, input: DryRunInput): Promise<DryRunAnswer> {
  const compiled = await compiledFor(deps, input.text);
  if (input.documentId !== undefined) {
    const doc = await deps.documents.find(input.documentId);
    if (!doc) throw new DomainError('document.not_found');
    const caseRow = await deps.cases.caseById(doc.caseId);
    const fires = matchDocument(compiled, { docType: doc.docType, flags: input.flags ?? [] });
    const already = (await deps.firings.forItem('document', doc.id)).map((f) => f.ruleId);
    return { item: { kind: 'document', caseCode: caseRow?.code ?? '', docType: doc.docType }, fires: fires.map(brief), unitMismatch: [], alreadyFired: already };
  }
  const obs = input.observation !== null && typeof input.observation === 'object' ? observationOf(input.observation as Record<string, unknown>) : undefined;
  if (!obs) throw new DomainError('consult_rules.observation_invalid');
  const m = matchObservation(compiled, obs);
  const already = (await deps.firings.forItem('observation', obs.ref)).map((f) => f.ruleId);
  return {
    item: { kind: 'observation', ref: obs.ref, codes: obs.codes.map((c) => c.code), value: obs.value, unit: obs.unit },
    fires: m.fired.map(brief),
    unitMismatch: m.unitMismatch.map((r) => r.id),
    alreadyFired: already,
  };
}
