import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { base64Forms, newMarker, scanForMarkers } from '../../reliability/marker-scan.js';

/** The scanner itself: a marker hidden in any of the encodings, at any base64 alignment, is found. */
describe('marker scan', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('When a marker is stored as UTF-8, UTF-16 LE/BE or inside base64 at any offset, then each is a hit', () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-scan-'));
    const marker = newMarker('probe', true);
    const utf8 = Buffer.from(`病人 ${marker} end`, 'utf8');
    const le = Buffer.from(`x${marker}y`, 'utf16le');
    const be = Buffer.from(le).swap16();
    writeFileSync(join(dir, 'a.db'), Buffer.concat([Buffer.alloc(100), utf8]));
    writeFileSync(join(dir, 'b.db-wal'), le);
    writeFileSync(join(dir, 'c'), be);
    for (const pad of [0, 1, 2]) {
      const b64 = Buffer.concat([Buffer.from('PAD'.slice(0, pad)), Buffer.from(marker), Buffer.from('tail')]).toString('base64');
      writeFileSync(join(dir, `b64-${pad}.log`), `{"x":"${b64}"}`);
    }
    const report = scanForMarkers({ markers: [marker, newMarker('absent')], paths: [dir, join(dir, 'missing')], texts: [{ name: 'logs', text: `log ${marker}` }] });
    const found = report.hits.map((h) => `${h.encoding}:${h.source.split('/').pop()}`).sort();
    expect(found).toEqual(['base64:b64-0.log', 'base64:b64-1.log', 'base64:b64-2.log', 'utf16be:c', 'utf16le:b.db-wal', 'utf8:a.db', 'utf8:logs']);
    expect(report.bytesScanned).toBeGreaterThan(0);
    expect(report.sources).toBe(7);
  });

  it('When the marker bytes are base64-encoded after 0, 1 or 2 other bytes, then the fixed part is a substring', () => {
    const bytes = Buffer.from('QZMARKERXABCDEFGH');
    for (const [k, form] of base64Forms(bytes).entries()) {
      const encoded = Buffer.concat([Buffer.from('zz'.slice(0, k)), bytes, Buffer.from('!')]).toString('base64');
      expect(encoded).toContain(form);
      expect(form.length).toBeGreaterThan(16);
    }
  });
});
