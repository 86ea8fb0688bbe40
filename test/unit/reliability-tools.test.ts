import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanForMarkers } from '../../reliability/marker-scan.js';
import { floorsPerMinute, slopePerTenMin } from '../../reliability/r8-soak.js';
import { SimFaults } from '../../src/sandbox/sim-faults.js';

/** The measuring tools of `npm run reliability`: a figure is only as good as what counts it. */
describe('reliability tools', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const scanFiles = (paths: string[], markers: string[]) => scanForMarkers({ paths, markers }).hits;
  const fileWith = (bytes: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-rel-scan-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'f.bin'), bytes);
    return dir;
  };

  it('When a marker lies on disk as UTF-8, UTF-16 or base64 at any alignment, then the scan finds it', () => {
    const marker = 'R4BURNmarker42';
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const b64 = Buffer.from(Buffer.from(`${prefix}${marker} trailing`).toString('base64'));
      expect(scanFiles([fileWith(b64)], [marker]), `base64 after ${prefix.length} bytes`).toHaveLength(1);
    }
    expect(scanFiles([fileWith(Buffer.from(`xx${marker}yy`, 'utf16le'))], [marker])[0]?.encoding).toBe('utf16le');
    expect(scanFiles([fileWith(Buffer.from(`..${marker}..`))], [marker])[0]?.encoding).toBe('utf8');
  });

  it('When the file holds only other text, then the scan finds nothing', () => {
    expect(scanFiles([fileWith(Buffer.from('nothing to see here, R4BURN other'))], ['R4BURNmarker42'])).toEqual([]);
  });

  it('When RSS grows 1 MB a minute, then the slope is 10 MB per 10 minutes; flat is 0', () => {
    expect(slopePerTenMin([[0, 100], [1, 101], [2, 102], [3, 103]])).toBeCloseTo(10);
    expect(slopePerTenMin([[0, 100], [1, 100], [2, 100]])).toBeCloseTo(0);
  });

  it('When RSS saws up and down within each minute around a flat floor, then the floors show no growth', () => {
    const saw: Array<[number, number]> = [];
    for (let i = 0; i < 60; i++) saw.push([i / 12, 200 + (i % 12) * 8]); // every 5 s: 200 → 288 MB, then a collection
    expect(floorsPerMinute(saw).map(([, mb]) => mb)).toEqual([200, 200, 200, 200, 200]);
    expect(slopePerTenMin(floorsPerMinute(saw))).toBeCloseTo(0);
  });

  it('When random faults are on, then about the given share of matching calls fail, scripted rules first, the gateway spared', () => {
    let x = 0;
    const faults = new SimFaults();
    faults.randomly({ rate: 0.2, rng: () => ((x = (x * 9301 + 49297) % 233280) / 233280), faults: [{ label: 'boom', status: 503 }] });
    faults.inject({ path: '/v1.0/robot/', times: 1, status: 500 });
    expect(faults.take('POST', '/v1.0/robot/oToMessages/batchSend')?.status).toBe(500);
    let failed = 0;
    for (let i = 0; i < 5000; i++) if (faults.take('POST', '/v1.0/robot/groupMessages/send')) failed++;
    expect(failed / 5000).toBeGreaterThan(0.15);
    expect(failed / 5000).toBeLessThan(0.25);
    expect(faults.randomInjected.get('boom')).toBe(failed);
    for (let i = 0; i < 200; i++) expect(faults.take('POST', '/v1.0/gateway/connections/open')).toBeUndefined();
    faults.randomly(undefined);
    expect(faults.take('POST', '/v1.0/robot/groupMessages/send')).toBeUndefined();
  });
});
