import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createUnconfiguredEhr } from '../../src/ehr/unconfigured-ehr.js';
import { allergyInput, fhirErrors } from '../unit/ehr-fixtures.js';
import { queueFixture, type QueueFixture } from './ehr-queue-fixture.js';

let f: QueueFixture;
afterEach(async () => f?.close());

const allergies = () => f.fhir.resources('AllergyIntolerance');

describe('EHR pending-writes queue', () => {
  it('When the EHR is down, then the record is kept as pending with backoff and delivered exactly once after it recovers', async () => {
    f = await queueFixture();
    const q = f.makeQueue();
    f.fhir.down(true);
    const id = await q.enqueueAllergy(allergyInput(), 'msg-1');
    expect(await q.status(id)).toMatchObject({ status: 'pending', attempts: 0, remoteId: null });

    expect(await q.worker.drainOnce()).toBe(1);
    const first = (await q.status(id))!;
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ehr.unavailable:http.503' });
    expect(first.nextAttemptAt).toBe(f.clock.now() + 750); // backoff 1 s with equal jitter at 0.5
    expect((await q.listPending()).map((p) => p.id)).toEqual([id]);

    // Not due yet: nothing is tried.
    expect(await q.worker.drainOnce()).toBe(0);
    f.clock.advance(750);
    await q.worker.drainOnce();
    const second = (await q.status(id))!;
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt - f.clock.now()).toBe(1500); // doubled
    expect(allergies()).toHaveLength(0);

    f.fhir.down(false);
    f.clock.advance(1500);
    expect(await q.worker.drainOnce()).toBe(1);
    const done = (await q.status(id))!;
    expect(done).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(allergies()).toHaveLength(1);
    expect(done.remoteId).toBe(allergies()[0]!.id);
    expect(allergies()[0]).toMatchObject({ patient: { reference: `Patient/${f.patientId}` } });
    expect(fhirErrors({ ...allergies()[0], meta: undefined })).toEqual([]);

    f.clock.advance(3_600_000);
    expect(await q.worker.drainOnce()).toBe(0);
    expect(await q.listPending()).toEqual([]);
    expect(allergies()).toHaveLength(1);
    expect(f.audit.map((a) => a.action)).toEqual(['ehr.write_queued', 'ehr.write_done']);
  });

  it('When the EHR wrote the record but its answer was lost, then the retry finds it and no duplicate is made', async () => {
    f = await queueFixture({ timeoutMs: 150 });
    const q = f.makeQueue();
    // Both tries of the first pass time out after the server has stored the resource.
    f.fhir.fail({ on: 'AllergyIntolerance', delayMs: 400, times: 2 });
    const id = await q.enqueueAllergy(allergyInput(), 'msg-1');
    await q.worker.drainOnce();
    expect(await q.status(id)).toMatchObject({ status: 'pending', lastError: 'ehr.unavailable:timeout' });
    await new Promise((r) => setTimeout(r, 700)); // let the slow server finish
    expect(allergies()).toHaveLength(1);

    f.clock.advance(60_000);
    await q.worker.drainOnce();
    expect(await q.status(id)).toMatchObject({ status: 'done', remoteId: allergies()[0]!.id });
    expect(allergies()).toHaveLength(1);
  });

  it('When the same alert is queued twice (same idemKey), then there is one record', async () => {
    f = await queueFixture();
    const q = f.makeQueue();
    const a = await q.enqueueAllergy(allergyInput(), 'msg-dup');
    const b = await q.enqueueAllergy(allergyInput({ note: 'second copy' }), 'msg-dup');
    expect(b).toBe(a);
    expect(await q.listPending()).toHaveLength(1);
    await q.worker.drainOnce();
    expect(allergies()).toHaveLength(1);
    expect(f.audit.filter((e) => e.action === 'ehr.write_queued')).toHaveLength(1);
  });

  it('When queued, then the payload at rest is ciphertext: no HKID or clinical text in the SQLite files; done rows drop it', async () => {
    f = await queueFixture();
    const q = f.makeQueue();
    f.fhir.down(true);
    const id = await q.enqueueAllergy(allergyInput({ note: 'MARKER-note-7f3a' }), 'msg-1');
    const row = f.db.sqlite.prepare('select payload from ehr_pending where id = ?').get(id) as { payload: string };
    expect(row.payload).toMatch(/^v1\./);
    const files = [f.db.path, `${f.db.path}-wal`].filter(existsSync).map((p) => readFileSync(p).toString('latin1'));
    expect(files.join('').length).toBeGreaterThan(0);
    for (const needle of ['A123456', 'MARKER-note-7f3a', 'Penicillin', 'Urticaria']) expect(files.join('')).not.toContain(needle);
    expect(statSync(join(f.keyDir, 'ehr-queue.key')).mode & 0o077).toBe(0);

    // A payload moved to another row does not open there; that row fails instead of sending garbage.
    const other = await q.enqueueAllergy(allergyInput({ recordId: 'alert-2' }), 'msg-2');
    f.db.sqlite.prepare('update ehr_pending set payload = ? where id = ?').run(row.payload, other);
    f.fhir.down(false);
    await q.worker.drainOnce();
    expect((await q.status(id))!.status).toBe('done');
    expect(await q.status(other)).toMatchObject({ status: 'failed', lastError: 'internal' });
    expect((f.db.sqlite.prepare('select payload from ehr_pending where id = ?').get(id) as { payload: string }).payload).toBe('');
  });

  it('When the EHR rejects the record (422), then it is failed and visible, not retried, until an admin retries it', async () => {
    f = await queueFixture();
    const q = f.makeQueue();
    f.fhir.fail({ on: 'AllergyIntolerance', status: 422, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid' }] } });
    const id = await q.enqueueAllergy(allergyInput(), 'msg-1');
    await q.worker.drainOnce();
    expect(await q.status(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'ehr.rejected:http.422' });
    expect((await q.listPending()).map((p) => [p.id, p.status])).toEqual([[id, 'failed']]);
    expect(f.audit.at(-1)).toMatchObject({ action: 'ehr.write_failed', target: id, reason: 'ehr.rejected:http.422', outcome: 'failure' });
    f.clock.advance(3_600_000);
    expect(await q.worker.drainOnce()).toBe(0);

    expect(await q.retry(id)).toBe(true);
    expect(await q.retry(id)).toBe(false); // already pending
    await q.worker.drainOnce();
    expect(await q.status(id)).toMatchObject({ status: 'done' });
    expect(allergies()).toHaveLength(1);
  });

  it('When no EHR is configured, then records wait as pending; after a restart with an EHR they are delivered', async () => {
    f = await queueFixture();
    const before = f.makeQueue(createUnconfiguredEhr());
    const id = await before.enqueueAllergy(allergyInput(), 'msg-1');
    await before.worker.drainOnce();
    expect(await before.status(id)).toMatchObject({ status: 'pending', lastError: 'ehr.not_configured:not_configured' });

    const after = f.makeQueue(); // same database and key file, real adapter
    f.clock.advance(60_000);
    await after.worker.drainOnce();
    expect(await after.status(id)).toMatchObject({ status: 'done' });
    expect(allergies()).toHaveLength(1);
  });

  it('When input is invalid, then nothing is queued', async () => {
    f = await queueFixture();
    const q = f.makeQueue();
    await expect(q.enqueueAllergy(allergyInput({ patientHkid: 'A123456(4)' }), 'msg-x')).rejects.toThrow(expect.objectContaining({ code: 'request.invalid' }));
    expect(await q.listPending()).toEqual([]);
  });

  it('When started, then the worker delivers a new record without waiting for a poll, and stops cleanly', async () => {
    f = await queueFixture();
    const q = f.makeQueue();
    q.worker.start();
    const id = await q.enqueueAllergy(allergyInput(), 'msg-1');
    for (let i = 0; i < 100 && (await q.status(id))!.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 10));
    await q.worker.stop();
    expect((await q.status(id))!.status).toBe('done');
  });
});
