import { makePdf } from '../../test/fixtures/make-pdf.js';
import { sleep } from '../harness/service-process.js';
import { until } from '../harness/chat.js';
import { approveOrDeny, sendBurnText, uploadReport } from '../harness/flows.js';
import { USERS } from '../harness/rig.js';
import { newMarker } from '../marker-scan.js';
import { viewable } from '../r4-checks.js';
import { escalationSteps } from './cluster-checks.js';
import type { Cluster } from './cluster-rig.js';

/**
 * What the cluster scenario does besides the command load, each the way a clinician does it through
 * the load balancer: reports shared, requested by an outsider, approved on the card and viewed;
 * urgent reports left unread until the reminder comes (then opened); burn-after-reading texts whose
 * deadlines fall on the moments an instance is killed. Every text carries a plaintext marker.
 */
export interface WorkRecord {
  markers: string[];
  /** Reports shared (plain and urgent) and the marker in each one's text: the restore drill serves these again. */
  documents: Map<string, string>;
  urgent: string[];
  burns: string[];
  flows: { done: number; wanted: number; problems: string[] };
  /** Kill moments: when the instance went down and how long until it answered again. */
  kills: Array<{ at: number; downMs: number }>;
  api5xx: number;
}

export const newRecord = (): WorkRecord => ({ markers: [], documents: new Map(), urgent: [], burns: [], flows: { done: 0, wanted: 0, problems: [] }, kills: [], api5xx: 0 });

/** Retries a call that found no live instance or lost its connection to a killed one, as a client retries behind a load balancer. */
export async function viaBalancer<T>(what: string, fn: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      const why = `${(e as Error).message} (${(e as { cause?: Error }).cause?.message ?? 'no cause'})`;
      const lost = /fetch failed|no instance is running|ECONNREFUSED|socket/i.test(why);
      if (!lost || Date.now() - t0 > timeoutMs) throw new Error(`${what}: ${why} after ${Date.now() - t0} ms`);
      await sleep(250);
    }
  }
}

/** Share → approve → view: Dr Chan shares a report, Dr Ho (outside the team) asks, Dr Chan approves on the card, Dr Ho opens it. */
export async function shareApproveView(c: Cluster, code: string, rec: WorkRecord, n: number): Promise<void> {
  rec.flows.wanted += n;
  for (let i = 0; i < n; i++) {
    const marker = newMarker('CLUSTERREPORT');
    rec.markers.push(marker);
    const pdf = await makePdf({ pages: 2, text: `Cluster report ${marker}` });
    const res = await viaBalancer('share', () => uploadReport(c.rig, USERS.CHAN, code, pdf));
    if (res.status >= 500) rec.api5xx++;
    if (res.status !== 201) {
      rec.flows.problems.push(`share ${res.status}`);
      continue;
    }
    const id = ((await res.json()) as { documentId: string }).documentId;
    rec.documents.set(id, marker);
    const approved = await viaBalancer('approve', () => approveOrDeny(c.rig, id, 'approve'));
    if (approved !== true) {
      rec.flows.problems.push(`approve: ${approved}`);
      continue;
    }
    const seen = await viaBalancer('view', () => viewable(c.rig, id, USERS.HO));
    if (seen.status >= 500) rec.api5xx++;
    if (seen.ok) rec.flows.done++;
    else rec.flows.problems.push(`view ${seen.status}`);
  }
}

/**
 * Urgent reports to the team (Dr Lam and Dr Wong) left unread until the first reminder reaches each,
 * then opened by both, which stops their escalation.
 */
export async function urgentUnread(c: Cluster, code: string, rec: WorkRecord, n: number, waitMs: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const marker = newMarker('CLUSTERURGENT');
    rec.markers.push(marker);
    const res = await viaBalancer('urgent share', async () => uploadReport(c.rig, USERS.CHAN, code, await makePdf({ pages: 1, text: `Urgent ${marker}` }), true));
    if (res.status !== 201) throw new Error(`urgent share: ${res.status} ${await res.text()}`);
    const id = ((await res.json()) as { documentId: string }).documentId;
    rec.documents.set(id, marker);
    rec.urgent.push(id);
  }
  // Two recipients per report; a reminder step each before anyone opens.
  await until(async () => (await escalationSteps(c.db, rec.urgent)) >= rec.urgent.length * 2, waitMs, 'the first escalation reminders');
  for (const id of rec.urgent) {
    for (const user of [USERS.LAM, USERS.WONG]) await viaBalancer('open urgent', () => viewable(c.rig, id, user));
  }
}

/** Two burn-after-reading texts with markers; returns when they expire (their max lifetime). */
export async function burnBatch(c: Cluster, code: string, rec: WorkRecord, lifetimeMs: number): Promise<number> {
  const sentAt = Date.now();
  for (let k = 0; k < 2; k++) {
    const marker = newMarker('CLUSTERBURN');
    rec.markers.push(marker);
    rec.burns.push(await viaBalancer('burn', () => sendBurnText(c.rig, code, `burn ${marker}`)));
  }
  return sentAt + lifetimeMs;
}

/**
 * `kill -9` of instance `name`, `kills` times: each time a burn batch is sent and the kill lands just
 * before its deadline, so the survivors (if any) must destroy it on time; the instance is restarted
 * under the same name after `downMs`.
 */
export async function killDuringBurns(c: Cluster, code: string, rec: WorkRecord, o: { name: string; kills: number; lifetimeMs: number; downMs: number; log: (l: string) => void }): Promise<void> {
  for (let k = 0; k < o.kills; k++) {
    const due = await burnBatch(c, code, rec, o.lifetimeMs);
    await sleep(Math.max(0, due - Date.now() - 300));
    const at = Date.now();
    await c.kill9(o.name);
    o.log(`kill -9 of instance ${o.name} (${c.live().length} still up)`);
    await sleep(o.downMs);
    await c.start(o.name);
    rec.kills.push({ at, downMs: Date.now() - at });
  }
}
