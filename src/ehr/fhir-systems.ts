/**
 * Identifier systems and code systems the FHIR adapter writes. HL7 code systems are fixed by R4;
 * the HKID system comes from config (EHR_IDENTIFIER_SYSTEM) because eHRSS has not published a FHIR
 * profile; our own systems hang off EHR_ID_SYSTEM_BASE, a URI we control.
 */
export interface FhirSystems {
  /** Patient.identifier.system for the HKID. */
  hkid: string;
  /** AllergyIntolerance.identifier.system for our allergy record ids. */
  allergyRecord: string;
  /** DocumentReference.masterIdentifier.system for our shared report ids. */
  sharedReport: string;
  /** Practitioner identifier system for the registration our admins verified against the MCHK register. */
  registration: string;
}

export function fhirSystems(cfg: { hkidSystem: string; idSystemBase: string }): FhirSystems {
  const base = cfg.idSystemBase.replace(/\/+$/, '');
  return {
    hkid: cfg.hkidSystem,
    allergyRecord: `${base}/allergy-record`,
    sharedReport: `${base}/shared-report`,
    registration: `${base}/mchk-registration`,
  };
}

export const HL7 = {
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  loinc: 'http://loinc.org',
} as const;

/** `system|value` token for a FHIR `identifier` search parameter (and If-None-Exist). */
export function identifierToken(system: string, value: string): string {
  // `|` and `,` and `\` are separators in token search; escape them in the value (FHIR R4 §3.1.1.5.7).
  return `${system}|${value.replace(/[\\|,$]/g, (c) => `\\${c}`)}`;
}
