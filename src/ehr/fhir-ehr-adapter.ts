import { EhrError, isEhrError } from './ehr-error.js';
import { parseAllergyInput, parseDocumentShareInput, requireHkid } from './ehr-input.js';
import type { EhrAdapter, EhrPatient, EhrWriteResult } from '../domain/ehr/ehr-port.js';
import type { FhirSend } from './fhir-http.js';
import { buildAllergyIntolerance, buildDocumentReference, type FhirResource } from './fhir-resources.js';
import { identifierToken, type FhirSystems } from './fhir-systems.js';
import { bundleResources, MEDICATION_TYPES, medicationOf } from './fhir-medications.js';
import { allergyOf } from './fhir-allergies.js';
import { observationOf } from './fhir-observations.js';

/** At most this many medication (of each type) or allergy resources are read for one patient. */
const MEDICATIONS_PAGE = 200;

/**
 * EhrAdapter over FHIR R4 REST. Writes are conditional creates keyed by our own identifier
 * (If-None-Exist), so the pending-writes queue may retry them freely: the server answers 201 for a
 * new resource and 200 with the existing one for a repeat. A 409 (a server that reports "exists" as a
 * conflict) is resolved by looking the resource up; a 412 (several matches) is an error to look at.
 */
export interface FhirEhrDeps {
  send: FhirSend;
  systems: FhirSystems;
  now?: () => number;
}

type SearchBundle = { resourceType?: unknown; total?: unknown; entry?: { resource?: { resourceType?: unknown; id?: unknown }; search?: { mode?: unknown } }[] };

/** The ids of matching resources of `type` in a searchset Bundle (included resources are skipped). */
function matchIds(data: unknown, type: string, op: string): { ids: string[]; count: number } {
  const b = data as SearchBundle | null;
  if (!b || b.resourceType !== 'Bundle') throw new EhrError({ kind: 'malformed_response', op });
  const ids = (b.entry ?? [])
    .filter((e) => e.search?.mode !== 'include' && e.resource?.resourceType === type && typeof e.resource.id === 'string')
    .map((e) => e.resource!.id as string);
  // `total` may count matches beyond this page (we ask for two at most).
  return { ids, count: Math.max(ids.length, typeof b.total === 'number' ? b.total : 0) };
}

/** `type/{id}` out of a Location such as `https://ehr/fhir/AllergyIntolerance/123/_history/1`. */
function idFromLocation(location: string | undefined, type: string): string | undefined {
  const m = location ? new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/|$)`).exec(location) : null;
  return m?.[1];
}

/** Query characters that would end or change the value inside If-None-Exist are percent-encoded. */
const ifNoneExist = (token: string) => `identifier=${token.replace(/[%&#+\s]/g, (c) => encodeURIComponent(c))}`;

export function createFhirEhrAdapter(deps: FhirEhrDeps): EhrAdapter {
  const { send, systems } = deps;
  const now = deps.now ?? (() => performance.now());

  async function searchByIdentifier(type: string, token: string, op: string): Promise<{ ids: string[]; count: number }> {
    const res = await send({ op, method: 'POST', path: `/${type}/_search`, form: { identifier: token, _count: '2', _elements: 'identifier' } });
    return matchIds(res.data, type, op);
  }

  async function findPatient(hkid: string): Promise<EhrPatient | null> {
    const op = 'Patient.search';
    const { ids, count } = await searchByIdentifier('Patient', identifierToken(systems.hkid, requireHkid(hkid)), op);
    if (count > 1) throw new EhrError({ kind: 'multiple_matches', op });
    return ids[0] ? { id: ids[0] } : null;
  }

  async function requirePatient(hkid: string, op: string): Promise<string> {
    const p = await findPatient(hkid);
    if (!p) throw new EhrError({ kind: 'patient_not_found', op });
    return p.id;
  }

  async function lookUpExisting(type: string, token: string, op: string, httpStatus: number): Promise<string> {
    const { ids, count } = await searchByIdentifier(type, token, `${type}.search`);
    if (count === 1 && ids[0]) return ids[0];
    throw new EhrError({ kind: count > 1 ? 'multiple_matches' : 'rejected', op, httpStatus });
  }

  async function conditionalCreate(resource: FhirResource, token: string): Promise<EhrWriteResult> {
    const type = resource.resourceType;
    const op = `${type}.create`;
    const res = await send({
      op,
      method: 'POST',
      path: `/${type}`,
      json: resource,
      headers: { 'If-None-Exist': ifNoneExist(token), Prefer: 'return=representation' },
      accept: [409],
    });
    if (res.status === 409) return { id: await lookUpExisting(type, token, op, 409), created: false };
    const body = res.data as { resourceType?: unknown; id?: unknown } | null;
    const id =
      (body?.resourceType === type && typeof body.id === 'string' ? body.id : undefined) ??
      idFromLocation(res.location, type) ??
      // return=minimal with no Location: find what we just wrote by its identifier.
      (await lookUpExisting(type, token, op, res.status));
    return { id, created: res.status === 201 };
  }

  return {
    configured: true,
    findPatient,

    async upsertAllergy(raw) {
      const input = parseAllergyInput(raw);
      const patientId = await requirePatient(input.patientHkid, 'AllergyIntolerance.create');
      const resource = buildAllergyIntolerance(input, patientId, systems);
      return conditionalCreate(resource, identifierToken(systems.allergyRecord, input.recordId));
    },

    async shareDocumentReference(raw) {
      const input = parseDocumentShareInput(raw);
      const patientId = await requirePatient(input.patientHkid, 'DocumentReference.create');
      const resource = buildDocumentReference(input, patientId, systems);
      return conditionalCreate(resource, identifierToken(systems.sharedReport, input.documentId));
    },

    async patientMedications(hkid) {
      const patientId = await requirePatient(hkid, 'MedicationRequest.search');
      const out = [];
      for (const type of MEDICATION_TYPES) {
        const op = `${type}.search`;
        const res = await send({ op, method: 'POST', path: `/${type}/_search`, form: { subject: `Patient/${patientId}`, _count: String(MEDICATIONS_PAGE) } });
        for (const r of bundleResources(res.data, type)) {
          const m = medicationOf(type, r, systems);
          if (m) out.push(m);
        }
      }
      return out;
    },

    async patientAllergies(hkid) {
      const op = 'AllergyIntolerance.search';
      const patientId = await requirePatient(hkid, op);
      const res = await send({ op, method: 'POST', path: '/AllergyIntolerance/_search', form: { patient: `Patient/${patientId}`, _count: String(MEDICATIONS_PAGE) } });
      return bundleResources(res.data, 'AllergyIntolerance').flatMap((r) => allergyOf(r) ?? []);
    },

    async patientObservations(hkid, loincCodes) {
      const op = 'Observation.search';
      const patientId = await requirePatient(hkid, op);
      const code = loincCodes.map((c) => `http://loinc.org|${c}`).join(',');
      const res = await send({ op, method: 'POST', path: '/Observation/_search', form: { subject: `Patient/${patientId}`, ...(code ? { code } : {}), _count: String(MEDICATIONS_PAGE) } });
      return bundleResources(res.data, 'Observation').flatMap((r) => observationOf(r) ?? []);
    },

    async health() {
      const started = now();
      try {
        const res = await send({ op: 'metadata', method: 'GET', path: '/metadata' }, { attempts: 1 });
        const cs = res.data as { resourceType?: unknown; fhirVersion?: unknown } | null;
        if (cs?.resourceType !== 'CapabilityStatement') return { status: 'down', code: 'malformed_response' };
        if (typeof cs.fhirVersion === 'string' && !cs.fhirVersion.startsWith('4.0')) return { status: 'down', code: 'fhir_version' };
        return { status: 'up', latencyMs: Math.round(now() - started) };
      } catch (e) {
        return { status: 'down', code: isEhrError(e) ? e.shortCode : 'internal' };
      }
    },
  };
}
