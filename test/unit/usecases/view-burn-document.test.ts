import { describe, expect, it } from 'vitest';
import type { AuditInput } from '../../../src/shared/audit-sink.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { viewBurnDocument } from '../../../src/usecases/burn/view-burn-document.js';
import { clinician, fakeBurnItem, fakeEscalation } from './burn-fakes.js';

const LAM = clinician('lam');

function world(kind: 'text' | 'document', stampMs = 0) {
  const clock = new ManualClock();
  const burn = fakeBurnItem({ kind, burnAfterMs: 30_000, recipients: [LAM.id], clock });
  const escalation = fakeEscalation();
  const audit: AuditInput[] = [];
  const stamped: string[] = [];
  const deps = {
    burn,
    escalation,
    clock,
    cases: { caseById: async (id: string) => (id === 'case_1' ? ({ id, code: 'C-7KQ2M' } as never) : undefined) },
    audit: { append: (e: AuditInput) => audit.push(e) },
    stamp: async (viewer: { id: string }, bytes: Uint8Array, mediaType: string) => {
      stamped.push(`${viewer.id}:${mediaType}:${Buffer.from(bytes).toString('latin1')}`);
      clock.advance(stampMs);
      return { pdf: new Uint8Array([1, 2, 3]), traceCode: 'TRACE1' };
    },
  };
  return { clock, burn, escalation, audit, stamped, deps };
}

describe('use case: view a burn-after-reading document', () => {
  it('opens it for me (first open stops escalation once), stamps it for me, audits the trace code and zeroes the plaintext', async () => {
    const w = world('document');
    const view = await viewBurnDocument(w.deps, LAM, w.burn.itemId);
    expect(view).toEqual({ pdf: new Uint8Array([1, 2, 3]), remainingSeconds: 30, caseCode: 'C-7KQ2M' });
    expect(w.stamped).toEqual(['lam:application/pdf:%PDF-1.7 scan']);
    expect(w.audit).toEqual([expect.objectContaining({ actor: LAM.id, action: 'document.viewed', target: w.burn.itemId, outcome: 'success', trace: 'TRACE1' })]);
    expect(w.burn.handedOut.every((b) => b.every((x) => x === 0))).toBe(true);

    await viewBurnDocument(w.deps, LAM, w.burn.itemId);
    expect(w.escalation.calls).toEqual([[w.burn.itemId, LAM.id]]);
  });

  it('a text item is not_found here and is not opened', async () => {
    const w = world('text');
    await expect(viewBurnDocument(w.deps, LAM, w.burn.itemId)).rejects.toMatchObject({ code: 'not_found' });
    expect(w.burn.opens).toBe(0);
    expect(w.escalation.calls).toEqual([]);
  });

  it('when the countdown ran out while stamping: burned, nothing audited as viewed, the plaintext zeroed', async () => {
    const w = world('document', 30_000);
    await expect(viewBurnDocument(w.deps, LAM, w.burn.itemId)).rejects.toMatchObject({ code: 'burned' });
    expect(w.audit).toEqual([]);
    expect(w.burn.handedOut).toHaveLength(1);
    expect(w.burn.handedOut[0]!.every((x) => x === 0)).toBe(true);
  });
});
