import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/compose/app.js';
import { describeHits, scanForMarkers } from '../../reliability/marker-scan.js';
import { STORING_WRITES, storingAccepted, writeMarkers, type MarkerWrites } from '../../reliability/marker-writes.js';
import { injectTarget } from '../../reliability/marker-target.js';
import { eventually } from '../helpers/eventually.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';

/**
 * Issue 9 item 5, "no PHI at rest outside the vault": markers written through every form, command and
 * API that accepts text are found nowhere the service keeps bytes — database, WAL, blobs, keys, logs —
 * as UTF-8, UTF-16 (LE, BE) or base64 (every alignment).
 */
describe('plaintext marker scan', () => {
  let h: Harness;
  let app: FastifyInstance;
  let written: MarkerWrites;
  beforeAll(async () => {
    h = await startHarness();
    // Sandbox mode's HTTP too: the sandbox chat keeps what it shows (every chat marker) as its history.
    app = await buildApp({ logger: h.service.logger, probe: { dbOpen: () => true, streamRegistered: () => true }, service: h.service, sandbox: h.sim });
    await app.ready();
    written = await writeMarkers(injectTarget(h.sim, app), { seed: 7 });
    await h.service.audit.flush();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const scan = () => scanForMarkers({ markers: written.markers, paths: [h.dir], texts: [{ name: 'logs', text: h.logs() }] });

  it('When markers are written through every text input, then the writes reached the service', () => {
    expect(written.markers.length).toBeGreaterThan(40);
    // Every form and API that stores free text accepted a write (so its text was kept, encrypted).
    expect(storingAccepted(written.writes), JSON.stringify(written.writes)).toBe(STORING_WRITES.length);
  });

  it('When the service is running, then no marker is in the database, its WAL, blobs, keys or logs', async () => {
    // The sandbox chat history holds the chat markers too (sealed), one row per message shown.
    const stored = () => (h.service.db.sqlite.prepare('select count(*) as n from sandbox_chat_items').get() as { n: number }).n;
    await eventually(() => stored() > 20, 5000, 'sandbox chat history rows');
    const report = scan();
    expect(report.bytesScanned).toBeGreaterThan(100_000);
    expect(report.hits, describeHits(report.hits)).toEqual([]);
  });

  it('When the service has stopped (WAL checkpointed into the file), then no marker is in any file', async () => {
    await h.service.stop();
    const report = scan();
    expect(report.hits, describeHits(report.hits)).toEqual([]);
  });
});
