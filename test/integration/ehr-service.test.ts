import { afterEach, describe, expect, it } from 'vitest';
import { startFhirSim, type FhirSim } from '../../src/sandbox/fhir-sim.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { allergyInput } from '../unit/ehr-fixtures.js';

let h: Harness | undefined;
let fhir: FhirSim | undefined;
afterEach(async () => {
  await h?.close();
  await fhir?.close();
  h = fhir = undefined;
});

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('EHR in the running service', () => {
  it('When the EHR is down across a restart, then the allergy record stays pending and is delivered once it is back', async () => {
    fhir = await startFhirSim();
    fhir.addPatient('A123456(3)');
    h = await startHarness({
      env: { EHR_FHIR_BASE: fhir.baseUrl, EHR_TOKEN_URL: fhir.tokenUrl, EHR_CLIENT_ID: fhir.clientId, EHR_CLIENT_SECRET: fhir.clientSecret },
      service: { ehr: { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, queue: { pollMs: 20, baseMs: 20, maxMs: 100 } } },
    });
    expect(h.service.ehr.configured).toBe(true);
    fhir.down(true);
    const id = await h.service.ehrQueue.enqueueAllergy(allergyInput({ note: 'MARKER-ehr-note' }), 'msg-ehr-1');
    await until(async () => ((await h!.service.ehrQueue.status(id))?.attempts ?? 0) >= 2);
    expect(await h.service.ehrQueue.listPending()).toMatchObject([{ id, status: 'pending', lastError: 'ehr.unavailable:http.503' }]);

    await h.restart();
    expect((await h.service.ehrQueue.status(id))!.status).toBe('pending');
    fhir.down(false);
    await until(async () => (await h!.service.ehrQueue.status(id))?.status === 'done');
    expect(fhir.resources('AllergyIntolerance')).toHaveLength(1);
    expect((await h.service.ehrQueue.status(id))!.remoteId).toBe(fhir.resources('AllergyIntolerance')[0]!.id);
    await expect(h.service.ehr.health()).resolves.toMatchObject({ status: 'up' });
    // Ids and codes only: the logs hold neither the HKID nor the clinical note.
    expect(h.logs()).toContain(id);
    expect(h.logs()).not.toMatch(/A123456|MARKER-ehr-note|Penicillin/);
  });
});
