import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN, WONG } from '../helpers/sharing-flow.js';
import { alertCase, alertWorld, groupOfCase, raiseAlert, sceneGroupOf, type AlertWorld } from './alert-fixture.js';
import { ask, askPrivately, auditSince, CHEUNG, clinicianId, HO, makeHkid } from './sharing-edge-fixture.js';

const REASON = 'unconscious patient in resus, suspected anaphylaxis';

/**
 * The A&E clinician off the care team: refused (and told how to break glass), then raises the alert
 * under their own live break-glass; the raise is audited with the rule that let them in.
 */
describe('allergy alert from an ER clinician under break-glass', () => {
  let w: AlertWorld;
  let code: string;
  beforeAll(async () => {
    w = await alertWorld();
    code = await alertCase(w, makeHkid('T', '265358'), { hoOnTeam: false });
  });
  afterAll(async () => w?.close());

  it('When Dr Ho is not on the team, then no link is sent and the reply (1:1, the group gets a pointer) says to break glass first', async () => {
    const caseId = (await w.h.service.secure.cases.queries.findCase(code)).id;
    expect((await w.h.service.secure.cases.queries.teamOf(caseId)).map((m) => m.clinicianId)).not.toContain(clinicianId(w.h, HO));
    // The refusal is about Dr Ho: it goes to him 1:1 (issue 12 item 4), the group hears only a pointer.
    const reply = await askPrivately(w.h, groupOfCase(code), HO, `@ConsultBridge allergy-alert ${code}`);
    expect(reply).toContain('你沒有此權限'); // Dr Ho reads Chinese
    expect(reply).toContain(`breakglass ${code} <原因>`);
    expect(reply).not.toMatch(/\/alert\b/);
    // The submit path applies the same rule: the mini-app API refuses too.
    const ho = (await w.h.service.directoryRepo.findById(clinicianId(w.h, HO)))!;
    await expect(w.h.service.alerts.service.assertMayRaise(ho, caseId)).rejects.toThrow(
      expect.objectContaining({ code: 'access.denied' }),
    );
  });

  it('When Dr Ho breaks glass, then the alert is raised through the form, goes out, and is audited as break-glass', async () => {
    const granted = await ask(w.h, groupOfCase(code), HO, `@ConsultBridge breakglass ${code} ${REASON}`);
    expect(granted).toContain('緊急存取');
    const { alertId, recipients } = await raiseAlert(w, code);
    expect(recipients).toBe(3); // A&E nurse and family doctor in the group, the attending 1:1
    const group = await sceneGroupOf(w, alertId);
    expect([...group.memberIds].sort()).toEqual([CHEUNG, HO, WONG].sort());
    const row = (await w.h.service.alerts.repo.find(alertId))!;
    expect(row.raisedBy).toBe(clinicianId(w.h, HO));
    expect(JSON.parse(row.directIds)).toEqual([clinicianId(w.h, CHAN)]);
    const audited = (await auditSince(w.h, 0, { action: 'alert.raised' })).filter((e) => e.target === alertId);
    expect(audited).toMatchObject([{ actor: clinicianId(w.h, HO), outcome: 'success', reason: 'break_glass:recipients_3' }]);
  });
});
