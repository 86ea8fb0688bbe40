import { Fhir } from 'fhir';
import { createEhrAdapter } from '../../src/ehr/create-ehr.js';
import type { AllergyInput, DocumentShareInput } from '../../src/domain/ehr/ehr-port.js';
import type { FhirRetryPolicy } from '../../src/ehr/fhir-http.js';
import { fhirSystems } from '../../src/ehr/fhir-systems.js';
import { ManualClock, type Clock } from '../../src/shared/clock.js';
import { silentLogger, type Logger } from '../../src/shared/logger.js';

/** Shared builders for the EHR tests: inputs, an adapter wired like create-ehr.ts, and the independent validator. */
export const HKID = 'A123456(3)';
export const HKID_SYSTEM = 'http://ehealth.gov.hk/fhir/hkid';
export const SYSTEMS = fhirSystems({ hkidSystem: HKID_SYSTEM, idSystemBase: 'https://consultbridge.hk/fhir/sid' });

export function allergyInput(over: Partial<AllergyInput> = {}): AllergyInput {
  return {
    recordId: 'alert-7KQ2M-1',
    patientHkid: HKID,
    substance: { text: 'Penicillin', code: { system: 'http://snomed.info/sct', code: '764146007', display: 'Penicillin' } },
    reaction: { text: 'Urticaria', code: { system: 'http://snomed.info/sct', code: '126485001', display: 'Urticaria' } },
    severity: 'severe',
    criticality: 'high',
    category: 'medication',
    onset: '2026-11-25T13:40:00+08:00',
    note: 'Generalised urticaria 10 min after IV amoxicillin-clavulanate',
    recorder: { registrationNo: 'M12345', display: 'Dr Chan Tai-man' },
    recordedAt: Date.UTC(2026, 10, 25, 6, 0, 0),
    ...over,
  };
}

export function documentInput(over: Partial<DocumentShareInput> = {}): DocumentShareInput {
  return {
    documentId: 'doc-1b2c3d',
    patientHkid: HKID,
    url: 'https://consultbridge.hk/view/doc-1b2c3d',
    contentType: 'application/pdf',
    size: 48213,
    sha1Base64: 'qUqP5cyxm6YcTAhz05Hph5gvu9M=',
    loincType: { code: '11488-4', display: 'Consult note' },
    author: { registrationNo: 'M54321' },
    createdAt: Date.UTC(2026, 10, 25, 7, 0, 0),
    ...over,
  };
}

const validator = new Fhir();

/** Error messages from the `fhir` package's R4 validator (unknown properties are errors too). */
export function fhirErrors(resource: unknown): string[] {
  const r = validator.validate(resource as object, { errorOnUnexpected: true });
  return r.messages.filter((m) => m.severity === 'error').map((m) => `${m.location}: ${m.message}`);
}

export const TEST_RETRY: FhirRetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

/** The adapter exactly as the service builds it (create-ehr.ts), with a recording sleep for backoff assertions. */
export function makeAdapter(o: {
  base: string;
  tokenUrl: string;
  clientId?: string;
  clientSecret?: string;
  clock?: Clock;
  retry?: FhirRetryPolicy;
  timeoutMs?: number;
  logger?: Logger;
}) {
  const sleeps: number[] = [];
  const adapter = createEhrAdapter(
    {
      fhirBase: o.base,
      tokenUrl: o.tokenUrl,
      clientId: o.clientId ?? 'cb-client',
      clientSecret: o.clientSecret ?? 's3cret:&x',
      hkidSystem: HKID_SYSTEM,
      idSystemBase: 'https://consultbridge.hk/fhir/sid',
      timeoutMs: o.timeoutMs ?? 2000,
    },
    {
      clock: o.clock ?? new ManualClock(),
      logger: o.logger ?? silentLogger,
      retry: o.retry ?? TEST_RETRY,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
    },
  );
  return { adapter, sleeps };
}
