import { describe, expect, it } from 'vitest';
import type { ClinicianRow } from '../../../src/domain/directory/directory-repository.js';
import { viewDocument, type ViewDocumentDeps } from '../../../src/usecases/viewing/view-document.js';

const viewer = { id: 'clin_lam' } as ClinicianRow;
const doc = { id: 'doc_1', caseId: 'case_1', mediaType: 'application/pdf', docType: 'imaging' };

/** Fakes that record the order of the steps and keep the decrypted buffer to check it was zeroed. */
function world(opts: { allowed?: boolean; stampFails?: boolean } = {}) {
  const steps: string[] = [];
  const handedOut: Uint8Array[] = [];
  const deps: ViewDocumentDeps = {
    access: { decideView: async () => (steps.push('decide'), { decision: { allowed: opts.allowed ?? true }, document: doc, caseCode: 'C-7KQ2M' }) as never },
    vault: {
      open: async () => {
        steps.push('decrypt');
        const bytes = Buffer.from([37, 80, 68, 70]);
        handedOut.push(bytes);
        return bytes;
      },
    },
    stamp: async (_viewer, _bytes, _mediaType, docType) => {
      steps.push(`stamp ${docType}`);
      if (opts.stampFails) throw Object.assign(new Error('unrenderable'), { code: 'document.unrenderable' });
      return { pdf: new Uint8Array([1]), traceCode: 'TR-1' };
    },
    receipts: { markViewed: async (_d, _v, _at, trace) => (steps.push(`receipt ${trace}`), 1) as never },
    escalation: { opened: async () => (steps.push('escalation stopped'), 1) },
    clock: { now: () => 1_000 },
  };
  return { deps, steps, handedOut };
}

describe('viewDocument: decide → decrypt → stamp → receipt → escalation, in one place', () => {
  it('When the policy allows, then the steps run in order, the receipt carries the trace code, and the plaintext is zeroed', async () => {
    const w = world();
    const out = await viewDocument(w.deps, viewer, 'doc_1');
    expect(out).toMatchObject({ traceCode: 'TR-1', caseCode: 'C-7KQ2M' });
    expect(w.steps).toEqual(['decide', 'decrypt', 'stamp imaging', 'receipt TR-1', 'escalation stopped']);
    expect([...w.handedOut[0]!]).toEqual([0, 0, 0, 0]);
  });

  it('When the policy refuses, then nothing is decrypted and access.denied is thrown', async () => {
    const w = world({ allowed: false });
    await expect(viewDocument(w.deps, viewer, 'doc_1')).rejects.toMatchObject({ code: 'access.denied' });
    expect(w.steps).toEqual(['decide']);
  });

  it('When the stamp fails, then the plaintext is still zeroed and no receipt is recorded', async () => {
    const w = world({ stampFails: true });
    await expect(viewDocument(w.deps, viewer, 'doc_1')).rejects.toMatchObject({ code: 'document.unrenderable' });
    expect(w.steps).toEqual(['decide', 'decrypt', 'stamp imaging']);
    expect([...w.handedOut[0]!]).toEqual([0, 0, 0, 0]);
  });
});
