import { describe, expect, it } from 'vitest';
import { createViewTokens } from '../../../src/domain/sharing/view-token.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { openBurn } from '../../../src/usecases/burn/open-burn.js';
import { peekBurn } from '../../../src/usecases/burn/peek-burn.js';
import { clinician, fakeBurnItem, fakeEscalation } from './burn-fakes.js';

const LAM = clinician('lam');
const WONG = clinician('wong');

function world(kind: 'text' | 'document') {
  const clock = new ManualClock();
  const burn = fakeBurnItem({ kind, burnAfterMs: 30_000, recipients: [LAM.id, WONG.id], clock });
  const escalation = fakeEscalation();
  const viewTokens = createViewTokens('test-secret', 'consultbridge.burn');
  return { clock, burn, escalation, viewTokens, deps: { burn, escalation, viewTokens, clock } };
}

describe('use case: open a burn-after-reading item', () => {
  it('the first open of a text starts my countdown and stops unread escalation once; my second open does not stop it again', async () => {
    const w = world('text');
    const first = await openBurn(w.deps, LAM, w.burn.itemId);
    expect(first).toEqual({ kind: 'text', text: 'K+ 6.8', remainingSeconds: 30, watermark: expect.objectContaining({ role: 'doctor', at: '2026-11-25 14:00:00 HKT' }) });
    expect(w.escalation.calls).toEqual([[w.burn.itemId, LAM.id]]);

    w.clock.advance(12_500);
    const again = await openBurn(w.deps, LAM, w.burn.itemId);
    expect(again).toEqual({ kind: 'text', text: 'K+ 6.8', remainingSeconds: 18, watermark: expect.objectContaining({ role: 'doctor', at: '2026-11-25 14:00:12 HKT' }) });
    expect(w.escalation.calls).toEqual([[w.burn.itemId, LAM.id]]);

    // A colleague's own first open is theirs to report.
    await openBurn(w.deps, WONG, w.burn.itemId);
    expect(w.escalation.calls).toEqual([[w.burn.itemId, LAM.id], [w.burn.itemId, WONG.id]]);
  });

  it('past my countdown the open is refused as burned and escalation hears nothing', async () => {
    const w = world('text');
    await openBurn(w.deps, LAM, w.burn.itemId);
    w.clock.advance(30_000);
    await expect(openBurn(w.deps, LAM, w.burn.itemId)).rejects.toMatchObject({ code: 'burned' });
    expect(w.escalation.calls).toHaveLength(1);
  });

  it('a document is not opened here: I get a burn view token bound to me, no countdown, no escalation stop', async () => {
    const w = world('document');
    const out = await openBurn(w.deps, LAM, w.burn.itemId);
    expect(out).toMatchObject({ kind: 'document', remainingSeconds: null, expiresAt: expect.any(Number) as number });
    if (out.kind !== 'document') throw new Error('expected a document');
    expect(w.viewTokens.verify(out.token, w.clock.now())).toMatchObject({ d: w.burn.itemId, v: LAM.id });
    expect(w.burn.opens).toBe(0);
    expect(w.escalation.calls).toEqual([]);
  });

  it('a non-recipient is refused before anything opens', async () => {
    const w = world('text');
    await expect(openBurn(w.deps, clinician('ho'), w.burn.itemId)).rejects.toMatchObject({ code: 'access.denied' });
    expect(w.burn.opens).toBe(0);
    expect(w.escalation.calls).toEqual([]);
  });
});

describe('use case: peek at a burn-after-reading item', () => {
  it('before my first open it offers the whole countdown; after it, what is left in whole seconds (at least one); it never opens', async () => {
    const w = world('text');
    expect(await peekBurn(w.deps, LAM, w.burn.itemId)).toEqual({ itemId: w.burn.itemId, kind: 'text', unopened: true, leftMs: 30_000 });
    await openBurn(w.deps, LAM, w.burn.itemId);
    w.clock.advance(10_200);
    expect(await peekBurn(w.deps, LAM, w.burn.itemId)).toMatchObject({ unopened: false, leftMs: 20_000 });
    w.clock.advance(19_700);
    expect(await peekBurn(w.deps, LAM, w.burn.itemId)).toMatchObject({ unopened: false, leftMs: 1_000 });
    expect(w.burn.opens).toBe(1);
    expect(w.escalation.calls).toHaveLength(1);
  });
});
