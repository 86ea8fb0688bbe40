import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../../src/domain/vault/fs-blob-store.js';
import { openLocalKeyring } from '../../src/domain/vault/open-keyring.js';
import { createVaultRepository } from '../../src/domain/vault/vault-repository.js';
import { createVault } from '../../src/domain/vault/vault-service.js';
import { newId } from '../../src/shared/ids.js';
import { activeContentPdf, bigPng, deepNestingPdf, flateBombPdf, manyPagesPdf, notReallyPdfs } from '../fixtures/hostile-files.js';
import { makePdf } from '../fixtures/make-pdf.js';
import { CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { burnCase } from './burn-fixture.js';

/**
 * Files stored before uploads were checked (or by any path that skipped the check) are rendered in a
 * capped, timed worker at view: a hostile one is a coded 422, never a 500, never a stalled service,
 * and the pool serves the next view as before.
 */
describe('viewing stored files that cannot be rendered', () => {
  let w: AuthWorld;
  let code: string;
  const tok: Record<string, string> = {};

  /** Stores and registers a file the way an older version did: by magic bytes only, no upload check. */
  async function storeUnchecked(bytes: Buffer): Promise<string> {
    const s = w.h.service;
    const vault = createVault({
      repo: createVaultRepository(s.db),
      blobs: createFsBlobStore(join(w.h.dir, 'blobs')),
      keyring: openLocalKeyring({ dir: s.config.keys.dir, clock: s.clock }),
      clock: s.clock,
    });
    const caseId = (await s.secure.cases.queries.findCase(code)).id;
    const documentId = newId();
    const meta = await vault.store({ documentId, caseId, bytes });
    await s.secure.sharing.registerDocument({ id: documentId, caseId, authorId: w.clinicianId(CHAN), kind: 'report', mediaType: meta.mediaType, size: meta.size });
    return documentId;
  }

  async function view(documentId: string, who = LAM) {
    const t = await w.app.inject({ method: 'POST', url: `/api/app/documents/${documentId}/view-token`, headers: bearer(tok[who]!) });
    expect(t.statusCode, t.body).toBe(200);
    return w.app.inject({ method: 'POST', url: '/api/app/documents/view', headers: bearer(tok[who]!), payload: { token: t.json().token } });
  }

  beforeAll(async () => {
    w = await authWorld({ env: { UPLOAD_MAX_DECOMPRESSED_MB: '32' } });
    code = await burnCase(w.h, 'A123456(3)');
    for (const u of [CHAN, LAM, WONG]) tok[u] = (await w.login(u)).accessToken;
  }, 30_000);
  afterAll(() => w.close());

  it('HTML, random bytes or an ELF body after a PDF header, a cyclic page tree, 5000-deep nesting, a 20000×20000 PNG, 100 000 pages: 422 document.unrenderable, not 500', async () => {
    const files = { ...notReallyPdfs(), deep: deepNestingPdf(5000), png: bigPng(20_000, 20_000), pages: manyPagesPdf(100_000) };
    for (const [what, bytes] of Object.entries(files)) {
      const res = await view(await storeUnchecked(bytes));
      expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(422);
      expect(res.json(), what).toEqual({ code: 'document.unrenderable', message: 'This document cannot be displayed.', hint: expect.any(String) });
    }
  }, 60_000);

  it('while a stored Flate bomb is being processed, /healthz answers first; the view is refused with a code and the next view works', async () => {
    // A first, ordinary view: whatever loads lazily on a first view (modules, workers, fonts) is loaded.
    expect((await view(await storeUnchecked(await makePdf({ text: 'Before the bomb' })))).statusCode).toBe(200);
    const bomb = await storeUnchecked(flateBombPdf(128));
    const vault = w.h.service.secure.vault;
    const open = vault.open;
    const order: string[] = [];
    let asked: (p: Promise<void>) => void;
    const health = new Promise<Promise<void>>((resolve) => (asked = resolve));
    // Once the bomb is decrypted (its processing is next), ask for /healthz on the next turn of the event loop.
    vault.open = async (ref) => {
      const bytes = await open(ref);
      setImmediate(() => asked(w.app.inject({ method: 'GET', url: '/healthz' }).then((r) => void order.push(`healthz ${r.statusCode}`))));
      return bytes;
    };
    try {
      const viewed = view(bomb).then((r) => {
        order.push(`view ${r.statusCode} ${String(r.headers['content-type']).includes('json') ? r.json().code : 'pdf'}`);
      });
      await viewed;
      await health;
    } finally {
      vault.open = open;
    }
    expect(order).toEqual(['healthz 200', 'view 422 document.unrenderable']);

    const fine = await view(await storeUnchecked(await makePdf({ pages: 2, text: 'After the bomb' })));
    expect(fine.statusCode).toBe(200);
  }, 60_000);

  it('a stored file with JavaScript (refused at upload today) stays viewable: only the limits apply to stored files', async () => {
    const res = await view(await storeUnchecked(await activeContentPdf('javascript')));
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  }, 30_000);
});
