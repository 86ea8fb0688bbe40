import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, openCase, shareReport, WONG } from '../helpers/sharing-flow.js';
import { ask, LEE, makeHkid } from './sharing-edge-fixture.js';

/**
 * `why C-…` answers strangers to the patient (unverified users, clinicians neither on the team nor
 * granted) without facts about the patient: whether the patient consented to their institution
 * must not change the answer.
 */
describe('`why` tells strangers nothing about the patient', () => {
  let h: Harness;
  let app: FastifyInstance;
  let consented: string;
  let notConsented: string;

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    const group = h.demo.groups.cardiologyConsult;
    consented = await openCase(h, group, makeHkid('F', '141421'), [{ institutionCode: 'HPH', status: 'granted' }]);
    await shareReport(h, app, group, CHAN, consented);
    const other = h.sim.org.addGroup({ title: 'Consult why', memberIds: [CHAN, WONG, LEE] }).openConversationId;
    notConsented = await openCase(h, other, makeHkid('F', '173205'), []);
    await shareReport(h, app, other, CHAN, notConsented);
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const why = async (userId: string, code: string) => (await ask(h, null, userId, `@ConsultBridge why ${code}`)).replaceAll(code, 'C-?');

  it('When an unverified HPH user asks `why`, then the answer does not depend on the patient’s consent to HPH', async () => {
    const a = await why(LEE, notConsented);
    expect(a).toContain('不獲准');
    expect(a).not.toMatch(/同意|consent/i);
    expect(a).toBe(await why(LEE, consented));
  });

  it('When a verified HPH doctor off the team and without a grant asks `why`, then consent is not mentioned either', async () => {
    const a = await why(WONG, notConsented);
    expect(a).toContain('Not allowed.');
    expect(a).not.toMatch(/consent/i);
    expect(a).toBe(await why(WONG, consented));
  });
});
