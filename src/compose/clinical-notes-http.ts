import type { ClinicalNotesRouteDeps } from '../http/app/clinical-notes-routes.js';
import type { Service } from './service.js';
import { addMedication } from '../usecases/medications/add-medication.js';

/** The voice-note confirm page and key points routes' deps, from the running service (wiring only). */
export function clinicalNotesRouteDeps(service: Service): ClinicalNotesRouteDeps {
  const { clinical, secure, audit, clock } = service;
  return {
    normaliser: clinical.normaliser,
    guidelines: clinical.guidelines,
    notes: clinical.notes,
    drafts: clinical.drafts,
    cases: secure.cases.queries,
    authorize: secure.authorize,
    myCases: secure.myCases,
    decideOnCase: secure.decideOnCase,
    mayOpenRecords: secure.myCases.mayOpenRecords,
    documents: secure.documentsRepo,
    allergyAlerts: (caseId) => service.alerts.repo.forCase(caseId),
    ehrAllergies: { ehr: service.ehr, reveal: secure.cases.reveal },
    openRequests: (documentIds) => clinical.approvals.pendingForDocuments(documentIds),
    medications: (caseId) => service.medications.repo.activeForCase(caseId),
    interactionAlerts: async (caseId) => (await service.interactions.repo.forCase(caseId)).map((a) => ({ id: a.id, severity: a.severity, status: a.state, createdAt: a.createdAt })),
    addMedication: async (me, caseRow, input) => {
      const out = await addMedication(service.medications.useCases, me, caseRow.code, input);
      return { entryId: out.entry.id, unresolved: out.unresolved };
    },
    directory: service.directoryRepo,
    audit,
    clock,
  };
}
