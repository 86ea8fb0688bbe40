import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContentPdf,
  bigImagePdf,
  bigPng,
  contentBombPdf,
  deepNestingPdf,
  flateBombPdf,
  manyPagesPdf,
  notReallyPdfs,
} from '../fixtures/hostile-files.js';
import { makePdf } from '../fixtures/make-pdf.js';
import { CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { burnCase } from './burn-fixture.js';

/**
 * Issue 9, "a small upload freezes everyone" and "accepted at upload, 500 at view": every upload is
 * decoded in full under limits in a render worker before anything is stored or announced. Limits are
 * the defaults except the inflated-size budget, lowered so the bombs stay small to generate.
 */
describe('hostile uploads are refused with a code; nothing is stored or announced', () => {
  let w: AuthWorld;
  let code: string;
  const tok: Record<string, string> = {};
  const upload = (bytes: Buffer, path = 'reports') =>
    w.app.inject({ method: 'POST', url: `/api/app/cases/${code}/${path}`, headers: { ...bearer(tok[CHAN]!), 'content-type': 'application/octet-stream' }, payload: bytes });
  const caseId = async () => (await w.h.service.secure.casesRepo.caseByCode(code))!.id;
  const count = (sql: string) => (w.h.service.db.sqlite.prepare(sql).get() as { n: number }).n;
  const stored = async () => ({
    documents: (await w.h.service.secure.documentsRepo.listByCase(await caseId())).length,
    blobs: existsSync(join(w.h.dir, 'blobs')) ? readdirSync(join(w.h.dir, 'blobs')).length : 0,
    vault: count('SELECT COUNT(*) AS n FROM vault_keys'),
    burnItems: count('SELECT COUNT(*) AS n FROM ephemeral_items'),
    outbox: count('SELECT COUNT(*) AS n FROM outbox_messages'),
  });

  beforeAll(async () => {
    w = await authWorld({ env: { UPLOAD_MAX_DECOMPRESSED_MB: '16' } });
    code = await burnCase(w.h, 'A123456(3)');
    for (const u of [CHAN, LAM, WONG]) tok[u] = (await w.login(u)).accessToken;
  }, 30_000);
  afterAll(() => w.close());

  it('bombs and oversized content: 422 with the limit’s code (Flate bombs, 100 000 pages, a 20000×20000 PNG, deep nesting)', async () => {
    const before = await stored();
    const cases: Array<[string, Buffer, string]> = [
      ['object-stream Flate bomb', flateBombPdf(64), 'upload.too_complex'],
      ['content-stream Flate bomb', contentBombPdf(64), 'upload.too_complex'],
      ['100 000 pages', manyPagesPdf(100_000), 'upload.too_many_pages'],
      ['PNG declaring 20000×20000', bigPng(20_000, 20_000), 'upload.image_too_large'],
      ['PDF image declaring 20000×20000', bigImagePdf(20_000, 20_000), 'upload.image_too_large'],
      ['arrays nested 5000 deep', deepNestingPdf(5000), 'upload.too_complex'],
    ];
    for (const [what, bytes, errorCode] of cases) {
      const res = await upload(bytes);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(422);
      expect(res.json(), what).toEqual({ code: errorCode, message: expect.any(String), hint: expect.any(String) });
    }
    expect(await stored()).toEqual(before);
  }, 60_000);

  it('files that start like a PDF but cannot be rendered (HTML, random bytes, an ELF body, a cyclic page tree): 400 upload.corrupt', async () => {
    const before = await stored();
    for (const [what, bytes] of Object.entries(notReallyPdfs())) {
      const res = await upload(bytes);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
      expect(res.json(), what).toMatchObject({ code: 'upload.corrupt' });
    }
    expect(await stored()).toEqual(before);
  });

  it('JavaScript, an embedded file or a launch action: refused (not stripped) with upload.active_content', async () => {
    const before = await stored();
    for (const kind of ['javascript', 'obfuscated-javascript', 'embedded-file', 'launch'] as const) {
      const res = await upload(await activeContentPdf(kind));
      expect(res.statusCode, `${kind}: ${res.body}`).toBe(422);
      expect(res.json(), kind).toMatchObject({ code: 'upload.active_content' });
    }
    expect(await stored()).toEqual(before);
  });

  it('while a bomb is being checked in its worker, /healthz answers first', async () => {
    const renderer = w.h.service.secure.renderer;
    const inspect = renderer.inspect;
    const order: string[] = [];
    let asked: (p: Promise<void>) => void;
    const health = new Promise<Promise<void>>((resolve) => (asked = resolve));
    // The check has been handed to the worker: ask for /healthz on the next turn of the event loop.
    renderer.inspect = (bytes, mediaType) => {
      const checking = inspect(bytes, mediaType);
      setImmediate(() => asked(w.app.inject({ method: 'GET', url: '/healthz' }).then((r) => void order.push(`healthz ${r.statusCode}`))));
      return checking;
    };
    try {
      await upload(flateBombPdf(128)).then((r) => void order.push(`upload ${r.statusCode} ${r.json().code}`));
      await health;
    } finally {
      renderer.inspect = inspect;
    }
    expect(order).toEqual(['healthz 200', 'upload 422 upload.too_complex']);
  }, 30_000);

  it('a burn-after-reading document goes through the same check', async () => {
    const before = await stored();
    const res = await upload(flateBombPdf(64), 'burn/document?after=60');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'upload.too_complex' });
    expect(await stored()).toEqual(before);
  });

  it('ordinary PDF, JPEG and PNG files are still accepted and open for a colleague', async () => {
    const jpeg = readFileSync(new URL('../fixtures/watermark-sample.jpg', import.meta.url));
    for (const [what, bytes] of [['pdf', await makePdf({ pages: 3, text: 'Echo report' })], ['jpeg', jpeg], ['png', bigPng(64, 64)]] as const) {
      const res = await upload(bytes);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(201);
      const { documentId } = res.json();
      const t = await w.app.inject({ method: 'POST', url: `/api/app/documents/${documentId}/view-token`, headers: bearer(tok[LAM]!) });
      expect(t.statusCode, t.body).toBe(200);
      const view = await w.app.inject({ method: 'POST', url: '/api/app/documents/view', headers: bearer(tok[LAM]!), payload: { token: t.json().token } });
      expect(view.statusCode, `${what}: ${view.body.slice(0, 200)}`).toBe(200);
      expect(view.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  }, 60_000);
});
