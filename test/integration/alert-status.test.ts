import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { alertCase, alertWorld, FORM, openAlertAs, PATIENT_NAME, raiseAlert, type AlertWorld } from './alert-fixture.js';
import { CHEUNG, eventually, HO, makeHkid } from './sharing-edge-fixture.js';

const MIN = 60_000;

interface Status {
  caseCode: string;
  burned: boolean;
  recipients: { person: { nameEn: string }; via: string; state: string; deliveredAt: number | null; openedAt: number | null; askedFor: { nameEn: string } | null }[];
}

/**
 * Issue 12 item 6: the raiser sees, per recipient, whether the alert reached them and whether they
 * opened it (GET /api/app/alerts/:id/status, the mini-app's /alert/:id), including the colleagues an
 * unread escalation let in. Nobody else may look; the answer has names and states only.
 */
describe('allergy alert delivery status for the raiser', () => {
  let w: AlertWorld;
  let code: string;
  let alertId: string;
  const status = async (user = HO) => asUser(w.h, w.app, user, { method: 'GET', url: `/api/app/alerts/${alertId}/status` });
  const byName = (s: Status, name: string) => s.recipients.find((r) => r.person.nameEn.includes(name))!;
  beforeAll(async () => {
    w = await alertWorld();
    code = await alertCase(w, makeHkid('D', '173205'));
    ({ alertId } = await raiseAlert(w, code));
  });
  afterAll(async () => w?.close());

  it('When the cards are out, then every recipient shows as delivered, by group or 1:1', async () => {
    const s = await eventually(async () => {
      const body = (await status()).json() as Status;
      return body.recipients.length === 3 && body.recipients.every((r) => r.state === 'delivered') ? body : undefined;
    });
    expect(s.caseCode).toBe(code);
    expect(byName(s, 'CHAN')).toMatchObject({ via: 'direct', openedAt: null });
    expect(byName(s, 'WONG')).toMatchObject({ via: 'group', openedAt: null });
    expect(byName(s, 'WONG').deliveredAt).toEqual(expect.any(Number));
  });

  it('When the family doctor opens it, then the raiser sees them as opened, and the others still delivered', async () => {
    expect((await openAlertAs(w, alertId, WONG)).statusCode).toBe(200);
    const s = (await status()).json() as Status;
    expect(byName(s, 'WONG')).toMatchObject({ state: 'opened', openedAt: expect.any(Number) });
    expect(s.recipients.filter((r) => r.state === 'delivered')).toHaveLength(2);
  });

  it('When the attending’s escalation lets a colleague in, then the colleague shows, asked for the attending', async () => {
    const itemId = (await w.h.service.alerts.repo.find(alertId))!.ephemeralItemId!;
    w.clock.advance(5 * MIN); // reminders
    await eventually(async () => (await w.h.service.escalation.stateOf(itemId)).every((r) => r.status !== 'active' || r.step >= 1));
    w.clock.advance(5 * MIN); // the attending's colleague
    const s = await eventually(async () => {
      const body = (await status()).json() as Status;
      return body.recipients.some((r) => r.via === 'escalation' && r.state === 'delivered') ? body : undefined;
    });
    expect(byName(s, 'LAM')).toMatchObject({ via: 'escalation', askedFor: { nameEn: expect.stringContaining('CHAN') } });
    expect((await openAlertAs(w, alertId, LAM)).statusCode).toBe(200);
    expect(byName((await status()).json() as Status, 'LAM').state).toBe('opened');
  });

  it('Then only the raiser may look, and the answer names people and states only', async () => {
    for (const user of [CHAN, CHEUNG]) expect((await status(user)).statusCode).toBe(403);
    expect((await asUser(w.h, w.app, HO, { method: 'GET', url: '/api/app/alerts/alr_00000000000000000000000000000000/status' })).statusCode).toBe(404);
    const res = await status();
    expect(res.headers['cache-control']).toBe('no-store');
    for (const secret of [PATIENT_NAME, FORM.substance, FORM.reaction, FORM.note]) expect(res.body).not.toContain(secret);
  });
});
