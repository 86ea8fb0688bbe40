/**
 * The port between ConsultBridge and an eHRSS-like health record system, owned by the domain.
 * Callers pass plain TypeScript values; the FHIR R4 adapter (src/ehr/fhir-ehr-adapter.ts) implements
 * it and builds the resources, so no caller ever sees FHIR JSON. Every failure is an EhrError
 * (src/ehr/ehr-error.ts).
 */
export type AllergySeverity = 'mild' | 'moderate' | 'severe';
export type AllergyCriticality = 'low' | 'high' | 'unable-to-assess';

/** A code from a terminology (e.g. SNOMED CT, HKCTT) with its display text. */
export interface CodeRef {
  system: string;
  code: string;
  display?: string;
}

/** The clinician who records or authors: identified by the professional registration our admins verified. */
export interface ClinicianRef {
  /** MCHK (or other board) registration number, e.g. `M12345`. */
  registrationNo: string;
  /** Name with title, e.g. `Dr Chan Tai-man`; optional. */
  display?: string;
}

export interface AllergyInput {
  /**
   * Our stable id for this allergy record (e.g. the alert id). It becomes the resource's identifier,
   * so a retried create finds the first one instead of duplicating it.
   */
  recordId: string;
  patientHkid: string;
  substance: { text: string; code?: CodeRef };
  /** The reaction seen (manifestation), e.g. "urticaria". Required when `severity` is given. */
  reaction?: { text: string; code?: CodeRef };
  severity?: AllergySeverity;
  criticality: AllergyCriticality;
  category?: 'food' | 'medication' | 'environment' | 'biologic';
  /** ISO 8601 date or date-time of onset, e.g. `2026-11-25` or `2026-11-25T14:05:00+08:00`. */
  onset?: string;
  /** Free-text clinical note; goes into the EHR only, never into logs or errors. */
  note?: string;
  recorder: ClinicianRef;
  /** When the clinician recorded it (epoch ms). */
  recordedAt: number;
  /** `unconfirmed` (default) suits an ER report; `confirmed` after testing. */
  verification?: 'unconfirmed' | 'confirmed';
}

export interface DocumentShareInput {
  /** Our stable id for the shared report (the vault document id): the DocumentReference's masterIdentifier. */
  documentId: string;
  patientHkid: string;
  /** Where an authorised clinician opens it: a ConsultBridge viewer link, never the content itself. */
  url: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  /** Size in bytes and SHA-1 (base64) of the file, when known (FHIR Attachment.size/hash). */
  size?: number;
  sha1Base64?: string;
  /** LOINC document type, e.g. `11488-4` (consult note); optional. */
  loincType?: { code: string; display?: string };
  author: ClinicianRef;
  /** When the report was shared (epoch ms). */
  createdAt: number;
}

/** Only what we need about the EHR's patient: its server id. Demographics are never pulled in. */
export interface EhrPatient {
  id: string;
}

export interface EhrWriteResult {
  /** The server's logical id of the resource. */
  id: string;
  /** False when the server already had it (conditional create matched, or a 409 was resolved). */
  created: boolean;
}

export interface EhrHealth {
  status: 'up' | 'down' | 'not_configured';
  /** Error code when down (e.g. `http.503`, `timeout`). */
  code?: string;
  latencyMs?: number;
}

/**
 * One medication of the patient as the EHR holds it (a FHIR MedicationRequest or MedicationStatement),
 * read for the case's medication list; plain values, never FHIR JSON.
 */
export interface EhrMedication {
  /** `MedicationRequest/123` or `MedicationStatement/45`: stable, so importing again adds nothing. */
  ref: string;
  /** The drug as the EHR names it (the coded concept's text or display). */
  text: string;
  /** `stopped` for completed, stopped, cancelled or not-taken resources; entered-in-error ones are never returned. */
  status: 'active' | 'stopped';
  dose?: string;
  route?: string;
  frequency?: string;
  /** ISO dates (YYYY-MM-DD). */
  startOn?: string;
  stopOn?: string;
  /** Who prescribed (MedicationRequest.requester) or reported it (MedicationStatement.informationSource). */
  prescriber?: { registrationNo?: string; display?: string };
}

/**
 * One allergy or intolerance of the patient as the EHR holds it (a FHIR AllergyIntolerance), read for the
 * case's key points; plain values, never FHIR JSON. Entered-in-error and refuted records are never returned.
 */
export interface EhrAllergy {
  /** `AllergyIntolerance/123`. */
  ref: string;
  /** The substance as the EHR names it (the code's text, else its first coding's display). */
  text: string;
  /** The first coding of the substance, when there is one. */
  code?: CodeRef;
  criticality?: AllergyCriticality;
  /** FHIR clinicalStatus (`active`, `inactive`, `resolved`), when given. */
  clinicalStatus?: 'active' | 'inactive' | 'resolved';
  /** FHIR verificationStatus (`unconfirmed`, `confirmed`), when given. */
  verification?: 'unconfirmed' | 'confirmed';
  category?: 'food' | 'medication' | 'environment' | 'biologic';
}

/**
 * One coded numeric result of the patient (a FHIR Observation with a valueQuantity), read for the
 * consult rules; plain values, never FHIR JSON. Entered-in-error and cancelled results are never returned.
 */
export interface EhrObservation {
  /** `Observation/123`: stable, so a rule fires once per result however often it is read. */
  ref: string;
  codes: { system?: string; code: string }[];
  value: number;
  /** The UCUM code, else the unit's text. */
  unit: string;
}

export interface EhrAdapter {
  /** Whether a real (or simulated) EHR is behind this adapter. */
  readonly configured: boolean;
  /** Patient search by HKID identifier; null when there is none. More than one match is an error. */
  findPatient(hkid: string): Promise<EhrPatient | null>;
  /** Conditional create of an AllergyIntolerance, keyed by `recordId`; safe to call again. */
  upsertAllergy(input: AllergyInput): Promise<EhrWriteResult>;
  /** Conditional create of a DocumentReference for a shared report, keyed by `documentId`. */
  shareDocumentReference(input: DocumentShareInput): Promise<EhrWriteResult>;
  /** The patient's medication requests and statements; `patient_not_found` when the EHR has no such patient. */
  patientMedications(hkid: string): Promise<EhrMedication[]>;
  /** The patient's allergy and intolerance records; `patient_not_found` when the EHR has no such patient. */
  patientAllergies(hkid: string): Promise<EhrAllergy[]>;
  /** The patient's numeric results with any of these LOINC codes; `patient_not_found` when the EHR has no such patient. */
  patientObservations(hkid: string, loincCodes: readonly string[]): Promise<EhrObservation[]>;
  health(): Promise<EhrHealth>;
}
