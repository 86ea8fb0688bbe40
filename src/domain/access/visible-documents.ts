/**
 * "Which of these documents may this clinician open?" for lists. Every view permit needs a care-team
 * role (attending/consulting), an approved grant, active break-glass or a consult grant, so a document with none of
 * these can never be allowed: we skip it without asking Cedar, and ask Cedar only about the rest.
 * If a view permit is ever added that needs none of these, update `mayBeViewable` (a test compares
 * this list with asking Cedar about every document).
 */
import { documentRequest, type ClinicianFacts, type DocumentFacts, type RelationFacts } from './access-facts.js';
import type { PolicyEngine } from './policy-engine.js';

export interface DocumentWithRelation {
  document: DocumentFacts;
  /** The clinician's relation to this document now (care role on its case, grant, break-glass, consent). */
  relation: RelationFacts;
}

/** The care roles that open a case's documents; every other view permit needs a grant, break-glass or a consult. */
export const OPENING_CARE_ROLES = ['attending', 'consulting'] as const;

/** Whether this care role alone lets its holder open the case's documents. */
export const careRoleOpens = (role: RelationFacts['careRole']): boolean => (OPENING_CARE_ROLES as readonly string[]).includes(role ?? '');

export function mayBeViewable(relation: RelationFacts): boolean {
  return (
    careRoleOpens(relation.careRole) ||
    relation.hasGrant === true ||
    relation.hasBreakGlass === true ||
    relation.hasConsultGrant === true
  );
}

export function listViewableDocuments(
  engine: PolicyEngine,
  clinician: ClinicianFacts,
  items: Iterable<DocumentWithRelation>,
): DocumentFacts[] {
  const out: DocumentFacts[] = [];
  for (const { document, relation } of items) {
    if (!mayBeViewable(relation)) continue;
    if (engine.decide(documentRequest(clinician, 'view', document, relation)).allowed) out.push(document);
  }
  return out;
}
