import type { AuditEntry } from './audit-entry.js';

/**
 * Audit entries as a FHIR R4 Bundle (type `collection`) of AuditEvent resources, for hospital SIEMs
 * and eHRSS-style reviews. Entries hold ids and codes only, so the bundle does too: agents and
 * entities are identifiers, never names or patient data.
 */
export const FHIR_SYSTEMS = {
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
  action: 'https://consultbridge.hk/fhir/CodeSystem/audit-action',
  clinician: 'https://consultbridge.hk/fhir/NamingSystem/clinician-id',
  target: 'https://consultbridge.hk/fhir/NamingSystem/audit-target',
  trace: 'https://consultbridge.hk/fhir/NamingSystem/trace-code',
  leaf: 'https://consultbridge.hk/fhir/NamingSystem/audit-leaf',
  sourceType: 'http://terminology.hl7.org/CodeSystem/security-source-type',
} as const;

/** DICOM audit event ids (the codes FHIR's audit-event-type value set draws on). */
const PATIENT_RECORD = { system: FHIR_SYSTEMS.dicom, code: '110110', display: 'Patient Record' };
const USER_AUTH = { system: FHIR_SYSTEMS.dicom, code: '110114', display: 'User Authentication' };
const EXPORT = { system: FHIR_SYSTEMS.dicom, code: '110106', display: 'Export' };
const APP_ACTIVITY = { system: FHIR_SYSTEMS.dicom, code: '110100', display: 'Application Activity' };

const RECORD_AREAS = new Set(['access', 'document', 'case', 'grant', 'breakglass', 'ephemeral', 'ehr', 'escalation']);

function eventType(action: string) {
  const area = action.split('.')[0]!;
  if (RECORD_AREAS.has(area)) return PATIENT_RECORD;
  if (area === 'auth' || action === 'admin.token_issued') return USER_AUTH;
  if (area === 'report' || action === 'audit.exported') return EXPORT;
  return APP_ACTIVITY;
}

/** Actions that read patient-related data or the log itself. */
const READS = new Set(['access.decision', 'document.viewed', 'ephemeral.opened', 'case.patient_revealed', 'report.data_access', 'audit.exported', 'admin.explained']);
const CREATES = new Set(['created', 'opened', 'shared', 'added', 'user_added', 'institution_added', 'team_added', 'requested', 'granted', 'group_bound', 'write_queued']);
const DELETES = new Set(['destroyed', 'purged', 'burned', 'team_removed', 'revoked', 'discarded']);
const UPDATES = new Set(['verified', 'suspended', 'reinstated', 'approved', 'denied_by_approver', 'reviewed', 'consent_recorded', 'rotated', 'expired', 'request_expired']);

/** AuditEvent.action: C create, R read, U update, D delete, E execute (everything else). */
function eventAction(action: string): 'C' | 'R' | 'U' | 'D' | 'E' {
  if (READS.has(action)) return 'R';
  const verb = action.slice(action.indexOf('.') + 1);
  if (CREATES.has(verb)) return 'C';
  if (DELETES.has(verb)) return 'D';
  if (UPDATES.has(verb)) return 'U';
  return 'E';
}

/** success → 0, denied → 4 (minor failure: refused as designed), failure → 8 (serious failure). */
const OUTCOME = { success: '0', denied: '4', failure: '8' } as const;

export function toAuditEvent(e: AuditEntry) {
  const system = e.actor === 'system';
  const entity: Record<string, unknown>[] = [];
  if (e.target) entity.push({ what: { identifier: { system: FHIR_SYSTEMS.target, value: e.target } } });
  if (e.trace) entity.push({ what: { identifier: { system: FHIR_SYSTEMS.trace, value: e.trace } } });
  return {
    resourceType: 'AuditEvent' as const,
    id: `cb-audit-${e.idx}`,
    type: eventType(e.action),
    subtype: [{ system: FHIR_SYSTEMS.action, code: e.action }],
    action: eventAction(e.action),
    recorded: new Date(e.at).toISOString(),
    outcome: OUTCOME[e.outcome],
    ...(e.reason ? { outcomeDesc: e.reason } : {}),
    agent: [
      system
        ? { who: { display: 'ConsultBridge service' }, requestor: false }
        : { who: { identifier: { system: FHIR_SYSTEMS.clinician, value: e.actor } }, requestor: true },
    ],
    source: {
      // The leaf index and hash tie the event to the Merkle log, where inclusion can be proved.
      site: `leaf:${e.idx}:${e.leafHash.toString('hex')}`,
      observer: { display: 'ConsultBridge' },
      type: [{ system: FHIR_SYSTEMS.sourceType, code: '4', display: 'Application Server' }],
    },
    ...(entity.length > 0 ? { entity } : {}),
  };
}

export function toAuditBundle(entries: readonly AuditEntry[], now: number) {
  return {
    resourceType: 'Bundle' as const,
    type: 'collection' as const,
    timestamp: new Date(now).toISOString(),
    entry: entries.map((e) => ({ fullUrl: `urn:consultbridge:audit:${e.idx}`, resource: toAuditEvent(e) })),
  };
}
