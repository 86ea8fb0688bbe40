import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, LAM, press, viewAs, viewToken } from '../helpers/sharing-flow.js';
import { caseWithReport, makeHkid } from './sharing-edge-fixture.js';

const MARKER = `ZQX-MARKER-${process.pid}-7f3a9c`;
const HKID = makeHkid('Y', '314159');
const NAME = 'BRAMBLEWICK Odalys';

/** Every file under `dir` (database, its -wal/-shm, blobs, keys), as path → bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [p, b] of filesUnder(path)) out.set(p, b);
    else out.set(path, readFileSync(path));
  }
  return out;
}

/** Where any of `needles` occurs: in UTF-8 or UTF-16LE, as typed or upper/lower case. */
function hits(files: Map<string, Buffer>, needles: string[], base: string): string[] {
  const found: string[] = [];
  for (const [path, bytes] of files) {
    for (const n of needles) {
      for (const form of new Set([n, n.toUpperCase(), n.toLowerCase()])) {
        if (bytes.includes(Buffer.from(form, 'utf8')) || bytes.includes(Buffer.from(form, 'utf16le'))) found.push(`${relative(base, path)}: ${n}`);
      }
    }
  }
  return found;
}

/**
 * A report that contains a unique marker is shared and viewed; afterwards the marker, the patient's
 * HKID and name are nowhere on disk in clear (database, WAL, blob folder) and nowhere in the logs.
 */
describe('sharing leaves no plaintext behind', () => {
  let h: Harness;
  let app: FastifyInstance;
  const needles = [MARKER, HKID, HKID.slice(0, 7), NAME, NAME.split(' ')[0]!];
  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When a report with a marker is shared and viewed, then neither it nor the patient is in the database, blobs or logs', async () => {
    const pdf = await makePdf({ pages: 1, text: MARKER });
    // The plaintext really carries the marker, and the search would find it.
    expect(hits(new Map([['upload.pdf', pdf]]), [MARKER], '')).toEqual([`upload.pdf: ${MARKER}`]);
    const { group, docId } = await caseWithReport(h, app, { hkid: HKID, nameEn: NAME }, pdf);

    const open = await press(h, `doc:${docId}:${group}`, LAM, { action: 'open', documentId: docId });
    const res = await viewAs(h, app, await viewToken(h, app, open.text, LAM), LAM);
    expect(res.statusCode).toBe(200);
    await h.service.audit.flush();

    const files = filesUnder(h.dir);
    const names = [...files.keys()].map((p) => relative(h.dir, p));
    expect(names).toEqual(expect.arrayContaining(['cb.db', 'cb.db-wal']));
    expect(names.some((n) => n.startsWith('blobs'))).toBe(true);
    expect(hits(files, needles, h.dir)).toEqual([]);
    expect(hits(new Map([['logs', Buffer.from(h.logs())]]), needles, '')).toEqual([]);
    expect(h.logs().length).toBeGreaterThan(1000); // the logs were really captured
  });

  it('When the service stops and the WAL is folded into the database file, then it is still nowhere', async () => {
    await h.service.stop();
    expect(hits(filesUnder(h.dir), needles, h.dir)).toEqual([]);
  });
});
