import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf.js';
import { CHAN, LAM, shareReport } from '../helpers/sharing-flow.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { BURN_GROUP, burnCase, sendBurnText } from './burn-fixture.js';

const LEE = 'hph-lee-meiling'; // not verified

describe('doctor inbox: burn-after-reading items and escalations; who may call the doctor API', () => {
  let w: AuthWorld;
  let code: string;
  let lam: string;

  beforeAll(async () => {
    w = await authWorld();
    code = await burnCase(w.h, 'A123456(3)');
    lam = (await w.login(LAM)).accessToken;
  }, 30_000);
  afterAll(() => w.close());

  const inboxOf = async (token: string) => {
    const res = await w.app.inject({ method: 'GET', url: '/api/app/inbox', headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('A burn-after-reading message for me is listed by id, case and author, never by its text', async () => {
    const itemId = await sendBurnText(w.h, w.app, code, 'Potassium 6.8 call me');
    const inbox = await inboxOf(lam);
    expect(inbox.burnItems).toEqual([expect.objectContaining({ itemId, caseCode: code, kind: 'text', burnAt: null, author: expect.objectContaining({ nameZh: '陳大文' }) })]);
    expect(JSON.stringify(inbox)).not.toContain('Potassium');
  });

  it('An urgent report I have not opened shows as an escalation and as a new document', async () => {
    const documentId = await shareReport(w.h, w.app, BURN_GROUP(w.h), CHAN, code, await makePdf({ text: 'Urgent echo' }), '?urgent=1');
    const inbox = await inboxOf(lam);
    expect(inbox.escalations).toEqual([expect.objectContaining({ itemId: documentId, itemType: 'document', caseCode: code, step: 0 })]);
    expect(inbox.newDocuments).toEqual([expect.objectContaining({ documentId, caseCode: code })]);
    // The author is not chased for their own report.
    expect((await inboxOf((await w.login(CHAN)).accessToken)).escalations).toEqual([]);
  });

  it('An unverified clinician is refused every doctor route with a coded 403; the routes are in the OpenAPI document', async () => {
    const lee = (await w.login(LEE)).accessToken;
    for (const [method, url] of [['GET', '/api/app/inbox'], ['GET', `/api/app/cases/${code}`], ['GET', '/api/app/reasons'], ['POST', '/api/app/documents/x/view-token']] as const) {
      const res = await w.app.inject({ method, url, headers: bearer(lee) });
      expect(res.statusCode, url).toBe(403);
      expect(res.json(), url).toMatchObject({ code: 'actor.unverified' });
    }
    const doc = (await w.app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const path of ['/api/app/inbox', '/api/app/cases/{code}', '/api/app/documents/{id}/view-token', '/api/app/documents/view', '/api/app/documents/{id}/request', '/api/app/requests/{id}/decide', '/api/app/reasons']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});
