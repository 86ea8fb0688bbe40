import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { burnCase, sendBurnText } from './burn-fixture.js';

const SECRET = 'K+ 6.8 — repeat before 17:00';

describe('mini-app: opening a burn-after-reading item', () => {
  let w: AuthWorld;
  let code: string;
  beforeAll(async () => {
    w = await authWorld();
    code = await burnCase(w.h, 'A123456(3)');
  }, 30_000);
  afterAll(() => w.close());

  const open = async (userId: string, itemId: string) =>
    w.app.inject({ method: 'POST', url: `/api/app/burn/${itemId}/open`, headers: bearer((await w.login(userId)).accessToken) });

  it('A recipient opens the text: their countdown starts, runs down with the clock, and at the deadline the answer is 410 burned', async () => {
    const itemId = await sendBurnText(w.h, w.app, code, SECRET, '10s');
    const first = await open(LAM, itemId);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ kind: 'text', text: SECRET, remainingSeconds: 10 });
    expect(first.headers['cache-control']).toBe('no-store');

    w.clock.advance(4_000);
    expect((await open(LAM, itemId)).json()).toEqual({ kind: 'text', text: SECRET, remainingSeconds: 6 });
    // Dr Wong's countdown is his own: it starts at his first open, not Dr Lam's.
    expect((await open(WONG, itemId)).json()).toEqual({ kind: 'text', text: SECRET, remainingSeconds: 10 });

    w.clock.advance(6_000); // Dr Lam's deadline
    const late = await open(LAM, itemId);
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'burned' });
    expect(late.body).not.toContain('K+');
    expect((await open(WONG, itemId)).json()).toMatchObject({ remainingSeconds: 4 });
  });

  it('The author is not a recipient: 403 and no text; an unknown item is 404', async () => {
    const itemId = await sendBurnText(w.h, w.app, code, SECRET, '10s');
    const res = await open(CHAN, itemId);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'access.denied' });
    expect(res.body).not.toContain('K+');
    expect((await open(LAM, 'eph_00000000000000000000000000000000')).statusCode).toBe(404);
  });

  it('Without a session the route is 401', async () => {
    expect((await w.app.inject({ method: 'POST', url: '/api/app/burn/eph_x/open' })).statusCode).toBe(401);
  });
});
