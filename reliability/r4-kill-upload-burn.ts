import { join } from 'node:path';
import { makePdf } from '../test/fixtures/make-pdf.js';
import { verifyAudit } from './harness/audit-check.js';
import { seeded, sentSince, syntheticHkid, until } from './harness/chat.js';
import { teamCase, uploadReport } from './harness/flows.js';
import { startRig, USERS, type Rig } from './harness/rig.js';
import { peek } from './harness/db-peek.js';
import { auditedTargets, blobDir, brokenReportRows, burnStates, listedDocuments, strayBlobs, viewable } from './r4-checks.js';
import { describeHits, scanForMarkers } from './marker-scan.js';
import { row, zero, type ReliabilityRow, type Scenario } from './row.js';

/**
 * R4: `kill -9` of the service while a report is being uploaded and while burn-after-reading items
 * are being destroyed, N rounds (50; short: 5), restarting on the same files each time. Afterwards:
 * the case screen and the chat cards show only whole documents (each opens), no acknowledged upload
 * is lost, every burned item's key and ciphertext are gone and its text is nowhere on disk (database,
 * WAL, blobs, keys, log), and the audit log verifies.
 */
const LIFETIME_S = 11;
const GROUP = 'cidDemoCardiologyQmhHph0001==';

export const r4: Scenario = async ({ short, seed, workDir, log }) => {
  const rounds = short ? 5 : 50;
  const rand = seeded(seed);
  const rig = await startRig({ workDir, env: { BURN_MAX_LIFETIME_HOURS: String(LIFETIME_S / 3600) } });
  const f = { uploadsInFlight: 0, acked: new Set<string>(), partialVisible: new Set<string>(), api5xx: 0, midBurn: 0, overdue: 0 };
  const burns: Array<{ id: string; marker: string }> = [];
  const note5xx = (s: number) => (s >= 500 ? f.api5xx++ : undefined);
  try {
    const code = await teamCase(rig, GROUP, syntheticHkid(200_000 + (seed % 100_000)));
    const pdf = await makePdf({ pages: 300, text: `R4 upload ${seed}` });
    // Warm uploads set the kill window: a random point within the median upload time.
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = Date.now();
      const res = await uploadReport(rig, USERS.CHAN, code, pdf);
      times.push(Date.now() - t0);
      f.acked.add(((await res.json()) as { documentId: string }).documentId);
    }
    const uploadMs = times.sort((a, b) => a - b)[1]!;
    log(`case ${code}; a ${Math.round(pdf.length / 1024)} KB upload takes ${uploadMs} ms; ${rounds} rounds`);
    const checked = new Set<string>();
    const checkVisible = async () => {
      const listed = await listedDocuments(rig, code);
      note5xx(listed.status);
      const cards = rig.sim.sent.filter((e) => e.via === 'card' && (e.outTrackId ?? '').startsWith('doc:')).map((e) => e.outTrackId!.split(':')[1]!);
      for (const id of new Set([...listed.ids, ...cards])) {
        if (checked.has(id)) continue;
        const v = await viewable(rig, id);
        note5xx(v.status);
        if (v.ok) checked.add(id);
        else f.partialVisible.add(id);
      }
      return listed.ids;
    };

    for (let i = 0; i < rounds; i++) {
      const batch = await burnBatch(rig, code, `${seed}-${i}`);
      burns.push(...batch);
      // 1. Kill during an upload, at a random point of its usual duration.
      const upload = uploadReport(rig, USERS.CHAN, code, pdf).then(async (r) => (r.status === 201 ? ((await r.json()) as { documentId: string }).documentId : undefined), () => undefined);
      let settled = false;
      void upload.then(() => (settled = true));
      await sleep(rand() * uploadMs);
      if (!settled) f.uploadsInFlight++;
      await rig.kill9();
      const id = await upload;
      if (id) f.acked.add(id);
      await rig.start();
      await checkVisible();
      // 2. Kill while the batch burns: its deadline, then up to 0.4 s (the scheduler polls every 0.25 s).
      const due = Math.max(...burnStates(rig, batch.map((b) => b.id)).map((s) => s.expiresAt));
      await sleep(Math.max(0, due - Date.now()) + rand() * 400);
      await rig.kill9();
      const atKill = burnStates(rig, batch.map((b) => b.id));
      if (atKill.some((s) => s.status === 'destroyed' || !s.vaultLeft) && atKill.some((s) => s.status !== 'destroyed' || s.vaultLeft)) f.midBurn++;
      await rig.start();
      await until(() => burnStates(rig, batch.map((b) => b.id)).every((s) => s.status === 'destroyed'), 10_000, 'the batch burned').catch(() => f.overdue++);
      await checkVisible();
    }
    const listed = await checkVisible();
    const lost = [...f.acked].filter((id) => !listed.includes(id));
    const showsBurned = (b: { id: string }) => (rig.sim.cards.get(`burn:${b.id}:${GROUP}`)?.cardParamMap.title ?? '').includes('has burned');
    await until(() => burns.every(showsBurned), 30_000, 'burned cards').catch(() => undefined);
    // An update still pending is late, not lost: one in flight at a kill waits out the outbox lease.
    const updates = updateStatus(rig, burns.filter((b) => !showsBurned(b)).map((b) => `burned:burn:${b.id}:${GROUP}`));
    const lateCards = updates.filter((s) => s === 'pending').length;
    const lostCards = updates.length - lateCards;
    // The last crash is not followed by a clean stop: the files are checked as a power cut leaves them.
    await rig.kill9();
    const states = burnStates(rig, burns.map((b) => b.id));
    const notBurned = states.filter((s) => s.status !== 'destroyed').length;
    const leftovers = states.filter((s) => s.material || s.vaultLeft).length;
    const { hits } = scanForMarkers({
      markers: burns.map((b) => b.marker),
      paths: [rig.dbFile, `${rig.dbFile}-wal`, blobDir(rig), rig.keyDir, join(workDir, 'service.log')],
    });
    const receipts = auditedTargets(rig, 'ephemeral.destroyed');
    const shared = auditedTargets(rig, 'document.shared');
    const noReceipt = burns.filter((b) => !receipts.has(b.id)).length;
    const allDocs = listed.filter((id) => !shared.has(id)).length;
    const audit = verifyAudit(rig.dbFile, rig.keyDir);
    const stray = strayBlobs(rig);
    const broken = brokenReportRows(rig);
    const rows: ReliabilityRow[] = [
      zero('R4 partial documents visible (list or card, does not open)', f.partialVisible.size, `${rounds} kills during upload (${f.uploadsInFlight} with the upload in flight); ${listed.length} documents listed`),
      zero('R4 acknowledged uploads lost', lost.length),
      zero('R4 report rows without key or ciphertext', broken.length, `stray ciphertext blobs ${stray.orphans}, temp files ${stray.temps} (no key: unreadable)`),
      zero('R4 burned items with key/ciphertext left', leftovers + notBurned, `${rounds} kills during burn (${f.midBurn} mid-batch); ${burns.length} items (text + PDF); ${f.overdue} rounds slow to burn`),
      zero('R4 burn plaintext on disk (db, WAL, blobs, keys, log)', hits.length, describeHits(hits.slice(0, 3)).replace(/\n/g, '; ') || undefined),
      zero('R4 burned-card updates lost', lostCards, lateCards ? `${lateCards} still pending 30 s after the last restart (in flight at a kill: they wait out the 5-min outbox lease)` : undefined),
      zero('R4 audit entries lost (burn receipts, shares)', noReceipt + allDocs, noReceipt + allDocs ? `${noReceipt} burn receipts, ${allDocs} document.shared` : undefined),
      row('R4 audit log verifies after kill -9', audit.ok ? 'yes' : `no: ${audit.problem.reason} at ${audit.problem.index}`, 'yes', audit.ok, `${audit.size} entries`),
      zero('R4 API 5xx + unexpected exits', f.api5xx + rig.unexpectedExits),
    ];
    return rows;
  } finally {
    await rig.close();
  }
};

/** The outbox status of each idempotency key (`missing` when no row was ever enqueued). */
function updateStatus(rig: Rig, idemKeys: string[]): string[] {
  return peek(rig.dbFile, (db) => idemKeys.map((k) => (db.prepare('select status from outbox_messages where idem_key = ?').get(k) as { status: string } | undefined)?.status ?? 'missing'));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two burn texts and one burn PDF, each carrying a unique marker; waits until each is announced. */
async function burnBatch(rig: Rig, code: string, tag: string): Promise<Array<{ id: string; marker: string }>> {
  const out: Array<{ id: string; marker: string }> = [];
  for (let k = 0; k < 3; k++) {
    const marker = `R4BURN${tag.replace(/-/g, 'x')}x${k}x${Math.random().toString(36).slice(2, 8)}`;
    const res =
      k < 2
        ? await rig.api(USERS.CHAN, 'POST', `/api/app/cases/${code}/burn`, { text: `burn text ${marker}`, burnAfterSeconds: 10 })
        : await rig.api(USERS.CHAN, 'POST', `/api/app/cases/${code}/burn/document?after=10`, await makePdf({ text: marker }), { 'content-type': 'application/pdf' });
    if (res.status !== 201) throw new Error(`burn ${k}: ${res.status} ${await res.text()}`);
    out.push({ id: ((await res.json()) as { itemId: string }).itemId, marker });
  }
  const from = 0;
  for (const b of out) await sentSince(rig.sim, from, (e) => e.via === 'card' && e.outTrackId === `burn:${b.id}:${GROUP}`, 15_000, 'burn card');
  return out;
}
