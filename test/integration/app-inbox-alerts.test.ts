import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, CHAN, LAM } from '../helpers/sharing-flow.js';
import { alertCase, alertWorld, PATIENT_NAME, raiseAlert, type AlertWorld } from './alert-fixture.js';
import { eventually, HO, makeHkid } from './sharing-edge-fixture.js';

interface InboxAlert {
  alertId: string;
  caseCode: string;
  mine: boolean;
  itemId: string | null;
  raisedBy: { nameEn: string };
}

/**
 * The richer inbox (issue 12 item 2): allergy alerts are their own typed list — "for you" with the item
 * to open, "yours" for the raiser — and an alert's chat copy is not listed again as a plain burn item.
 */
describe('doctor inbox: allergy alerts', () => {
  let w: AlertWorld;
  let code: string;
  let alertId: string;
  const inboxOf = async (user: string) => {
    const res = await asUser(w.h, w.app, user, { method: 'GET', url: '/api/app/inbox' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { alerts: InboxAlert[]; burnItems: Array<{ itemId: string; kind: string }>; escalations: Array<{ itemType: string }> };
  };
  beforeAll(async () => {
    w = await alertWorld();
    code = await alertCase(w, makeHkid('G', '141421'));
    ({ alertId } = await raiseAlert(w, code));
  }, 60_000);
  afterAll(async () => w?.close());

  it('When an alert is out, then a recipient sees it under alerts with the item to open (and not again as a burn item); the raiser sees it as theirs', async () => {
    const forChan = await eventually(async () => {
      const inbox = await inboxOf(CHAN);
      return inbox.alerts.length > 0 ? inbox : undefined;
    });
    expect(forChan.alerts).toEqual([expect.objectContaining({ alertId, caseCode: code, mine: false, itemId: expect.any(String), raisedBy: expect.objectContaining({ nameEn: expect.stringContaining('HO') }) })]);
    expect(forChan.burnItems.map((b) => b.itemId)).not.toContain(forChan.alerts[0]!.itemId);
    expect(JSON.stringify(forChan)).not.toContain(PATIENT_NAME);
    expect((await inboxOf(HO)).alerts).toEqual([expect.objectContaining({ alertId, mine: true })]);
  });

  it('Someone the alert was not for sees none', async () => {
    expect((await inboxOf(LAM)).alerts).toEqual([]);
  });
});
