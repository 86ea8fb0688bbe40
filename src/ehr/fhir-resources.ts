import { HL7, type FhirSystems } from './fhir-systems.js';
import type { AllergyInput, ClinicianRef, CodeRef, DocumentShareInput } from '../domain/ehr/ehr-port.js';

/**
 * Pure builders from our plain input to FHIR R4 JSON. They take already-validated input (ehr-input.ts)
 * and the patient's server id, and add nothing beyond what the resource needs: no name, no birth
 * date, no HKID (the patient is referenced by id).
 */
export type FhirResource = { resourceType: string; [key: string]: unknown };

const coding = (c: CodeRef) => ({ system: c.system, code: c.code, ...(c.display ? { display: c.display } : {}) });

const concept = (textValue: string, c?: CodeRef) => ({ ...(c ? { coding: [coding(c)] } : {}), text: textValue });

/** A logical reference (Reference.identifier): the EHR need not hold a Practitioner resource for us. */
function clinicianRef(c: ClinicianRef, systems: FhirSystems) {
  return {
    identifier: { system: systems.registration, value: c.registrationNo },
    ...(c.display ? { display: c.display } : {}),
  };
}

/** FHIR instant/dateTime with seconds and a zone; JavaScript's ISO string qualifies. */
const instant = (ms: number) => new Date(ms).toISOString();

export function buildAllergyIntolerance(input: AllergyInput, patientId: string, systems: FhirSystems): FhirResource {
  return {
    resourceType: 'AllergyIntolerance',
    identifier: [{ system: systems.allergyRecord, value: input.recordId }],
    clinicalStatus: { coding: [{ system: HL7.allergyClinical, code: 'active' }] },
    verificationStatus: { coding: [{ system: HL7.allergyVerification, code: input.verification ?? 'unconfirmed' }] },
    ...(input.category ? { category: [input.category] } : {}),
    criticality: input.criticality,
    code: concept(input.substance.text, input.substance.code),
    patient: { reference: `Patient/${patientId}` },
    ...(input.onset ? { onsetDateTime: input.onset } : {}),
    recordedDate: instant(input.recordedAt),
    recorder: clinicianRef(input.recorder, systems),
    ...(input.note ? { note: [{ text: input.note }] } : {}),
    ...(input.reaction
      ? {
          reaction: [
            {
              manifestation: [concept(input.reaction.text, input.reaction.code)],
              ...(input.severity ? { severity: input.severity } : {}),
            },
          ],
        }
      : {}),
  };
}

export function buildDocumentReference(input: DocumentShareInput, patientId: string, systems: FhirSystems): FhirResource {
  return {
    resourceType: 'DocumentReference',
    masterIdentifier: { system: systems.sharedReport, value: input.documentId },
    status: 'current',
    ...(input.loincType
      ? { type: { coding: [{ system: HL7.loinc, code: input.loincType.code, ...(input.loincType.display ? { display: input.loincType.display } : {}) }] } }
      : {}),
    subject: { reference: `Patient/${patientId}` },
    date: instant(input.createdAt),
    author: [clinicianRef(input.author, systems)],
    content: [
      {
        // A link, not the bytes: the report stays in ConsultBridge's vault behind its access policy.
        attachment: {
          contentType: input.contentType,
          url: input.url,
          ...(input.size !== undefined ? { size: input.size } : {}),
          ...(input.sha1Base64 ? { hash: input.sha1Base64 } : {}),
          creation: instant(input.createdAt),
        },
      },
    ],
  };
}
