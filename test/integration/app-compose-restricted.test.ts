import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf.js';
import { CHAN, LAM } from '../helpers/sharing-flow.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { burnCase } from './burn-fixture.js';

/**
 * The share screen's restricted category: a report shared as `mental_health` opens only for viewers
 * whose patient has recorded extra consent for that category — here Dr Lam, consulting, until the
 * attending records it.
 */
describe('mini-app share: restricted category', () => {
  let w: AuthWorld;
  let code: string;
  const tok: Record<string, string> = {};
  const viewToken = (who: string, documentId: string) =>
    w.app.inject({ method: 'POST', url: `/api/app/documents/${documentId}/view-token`, headers: bearer(tok[who]!) });

  beforeAll(async () => {
    w = await authWorld();
    code = await burnCase(w.h, 'F271828(2)'); // Chan attending; Lam and Wong consulting; HPH consent
    for (const u of [CHAN, LAM]) tok[u] = (await w.login(u)).accessToken;
  }, 30_000);
  afterAll(() => w.close());

  async function share(query: string): Promise<string> {
    const res = await w.app.inject({
      method: 'POST',
      url: `/api/app/cases/${code}/reports${query}`,
      headers: { ...bearer(tok[CHAN]!), 'content-type': 'application/pdf' },
      payload: await makePdf({ pages: 1, text: 'Restricted share' }),
    });
    expect(res.statusCode).toBe(201);
    return (res.json() as { documentId: string }).documentId;
  }

  it('A report shared with ?restricted=mental_health is stored with that category and refused to a consultant without the extra consent; a plain one opens', async () => {
    const restricted = await share('?restricted=mental_health');
    const plain = await share('');
    const docs = await w.h.service.secure.documentsRepo.listByCase((await w.h.service.secure.cases.queries.findCase(code)).id);
    expect(docs.find((d) => d.id === restricted)?.restrictedCategory).toBe('mental_health');
    expect(docs.find((d) => d.id === plain)?.restrictedCategory ?? null).toBeNull();
    expect((await viewToken(LAM, plain)).statusCode).toBe(200);
    const refused = await viewToken(LAM, restricted);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'access.denied' });
  });

  it('A malformed category is refused before anything is stored', async () => {
    const before = (await w.h.service.secure.documentsRepo.listByCase((await w.h.service.secure.cases.queries.findCase(code)).id)).length;
    const res = await w.app.inject({
      method: 'POST',
      url: `/api/app/cases/${code}/reports?restricted=Mental%20Health!`,
      headers: { ...bearer(tok[CHAN]!), 'content-type': 'application/pdf' },
      payload: await makePdf({ pages: 1, text: 'Bad category' }),
    });
    expect(res.statusCode).toBe(400);
    expect(await w.h.service.secure.documentsRepo.listByCase((await w.h.service.secure.cases.queries.findCase(code)).id)).toHaveLength(before);
  });
});
