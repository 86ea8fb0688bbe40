import type { RandomFaults } from '../src/sandbox/sim-faults.js';
import type { SentEntry } from '../src/sandbox/sim-types.js';
import { randomCaseCode, seeded, sentSince, syntheticHkid, toUser, until } from './harness/chat.js';
import { deadLetters, outboxByStatus } from './harness/db-peek.js';
import { approveOrDeny, reportPdf, sendBurnText, teamCase, uploadReport } from './harness/flows.js';
import { startRig, USERS, type Rig } from './harness/rig.js';
import { row, zero, type ReliabilityRow, type Scenario } from './row.js';

/**
 * R3: DingTalk's API answers 20 % of calls with a 5xx, a 429/QPS limit or a timeout while the bot
 * replies to commands, announces reports and burn-after-reading messages, turns burned cards to
 * "burned" (the product's recall: the card loses its content and button) and runs approve/deny
 * cards. Everything must still arrive, with no dead letters; the only repeats allowed are those a
 * "late" timeout causes (DingTalk applied the call but the answer came after our 10 s timeout, so
 * the retry sends it again — at most one per such timeout).
 */
const CLIENT_TIMEOUT_MS = 10_000;
const FAULTS: RandomFaults['faults'] = [
  { label: '503', status: 503 },
  { label: '500', status: 500 },
  { label: '429', status: 429 },
  { label: 'QPS limit (403)', status: 403, code: 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi' },
  { label: 'timeout, not applied', hang: true },
  { label: 'timeout, applied late', delayMs: CLIENT_TIMEOUT_MS + 1500 },
];
const LATE = 'timeout, applied late';
const BURN_LIFETIME_S = 25;

export const r3: Scenario = async ({ short, seed, workDir, log }) => {
  const n = short ? { replies: 40, burns: 4, approvals: 4 } : { replies: 400, burns: 20, approvals: 20 };
  const rand = seeded(seed);
  const rig = await startRig({ workDir, env: { BURN_MAX_LIFETIME_HOURS: String(BURN_LIFETIME_S / 3600) } });
  const api5xx: string[] = [];
  const call = async (what: string, res: Promise<Response>) => {
    const r = await res;
    if (r.status >= 500) api5xx.push(`${what} ${r.status}`);
    return r;
  };
  try {
    const group = rig.demo.groups.cardiologyConsult;
    const code = await teamCase(rig, group, syntheticHkid(seed % 1_000_000));
    log(`case ${code} ready; 20 % faults on`);
    rig.sim.faults.randomly({ rate: 0.2, rng: rand, faults: FAULTS });
    const started = Date.now();

    const docIds: string[] = [];
    for (let i = 0; i < n.approvals; i++) {
      const res = await call('upload', uploadReport(rig, USERS.CHAN, code, await reportPdf(`R3 report ${i}`)));
      if (res.status === 201) docIds.push(((await res.json()) as { documentId: string }).documentId);
    }
    const itemIds: string[] = [];
    for (let i = 0; i < n.burns; i++) itemIds.push(await sendBurnText(rig, code, `R3 burn ${i}`));
    const codes = pushReplies(rig, n.replies, rand, code);
    const outcomes = await Promise.all(docIds.map((d, i) => approveOrDeny(rig, d, i % 2 === 0 ? 'approve' : 'deny', (w, r) => call(w, r))));
    const decisions = outcomes.map((o) => o === true);
    const undecided = outcomes.filter((o): o is string => o !== true);

    const burnTrack = (id: string) => `burn:${id}:${group}`;
    const docTrack = (id: string) => `doc:${id}:${group}`;
    const burned = (id: string) => (rig.sim.cards.get(burnTrack(id))?.cardParamMap.title ?? '').includes('has burned');
    const replied = (c: string) => rig.sim.sent.some((e) => isReplyTo(e, c));
    const told = () => rig.sim.sent.filter((e) => toUser(USERS.HO)(e) && /approved your access|declined your request|已批准你存取|拒絕了你存取/.test(e.text)).length;
    const complete = () =>
      (Array.from(codes.values()).every((c) => replied(c)) && itemIds.every(burned) && docIds.every((d) => rig.sim.cards.has(docTrack(d))) && told() >= decisions.filter(Boolean).length) || undefined;
    await until(complete, short ? 120_000 : 600_000, 'every reply, card and update').catch((e: Error) => log(e.message));
    await until(() => (outboxByStatus(rig.dbFile).pending ?? 0) === 0, 60_000, 'an empty outbox').catch((e: Error) => log(e.message));
    // Late timeouts may still land: wait out the longest one before counting repeats.
    await new Promise((r) => setTimeout(r, CLIENT_TIMEOUT_MS + 3000));
    const elapsed = (Date.now() - started) / 1000;

    const replyCopies = Array.from(codes.values()).map((c) => rig.sim.sent.filter((e) => isReplyTo(e, c)).length);
    const cardCopies = [...itemIds.map(burnTrack), ...docIds.map(docTrack)].map((t) => rig.sim.sent.filter((e) => e.via === 'card' && e.outTrackId === t).length);
    const approvalCards = rig.sim.sent.filter((e) => e.via === 'card' && (e.outTrackId ?? '').startsWith('req:'));
    const dupApproval = approvalCards.length - new Set(approvalCards.map((e) => e.outTrackId)).size;
    const decided = decisions.filter(Boolean).length;
    const duplicates = sumExtra(replyCopies) + sumExtra(cardCopies) + dupApproval + Math.max(0, told() - decided);
    const injected = rig.sim.faults.randomInjected;
    const late = injected.get(LATE) ?? 0;
    const dead = deadLetters(rig.dbFile);
    const note = `${[...injected].map(([k, v]) => `${k} ×${v}`).join(', ')} of ${rig.sim.stats.calls('/')} calls; ${elapsed.toFixed(0)} s`;
    const delivered = (label: string, got: number, want: number, extra?: string) => row(`R3 ${label}`, `${got}/${want}`, 'all', got === want, extra);
    return [
      delivered('replies delivered (command answers)', replyCopies.filter((c) => c > 0).length, codes.size, note),
      delivered('report + burn cards delivered', cardCopies.filter((c) => c > 0).length, cardCopies.length),
      delivered('burn cards turned "burned" (recall)', itemIds.filter(burned).length, itemIds.length, `burn after ${BURN_LIFETIME_S} s max lifetime`),
      delivered('approve/deny cards delivered and answered', decided, docIds.length, undecided.join('; ') || undefined),
      delivered('requesters told the decision', Math.min(told(), decided), decided),
      row('R3 duplicates', duplicates, `≤ late timeouts (${late})`, duplicates <= late, 'a late timeout: DingTalk applied the call, our retry sends it again'),
      zero('R3 dead letters', dead.length, dead.map((d) => `${d.kind}: ${d.lastError}`).join('; ') || undefined),
      zero('R3 API 5xx + service crashes', api5xx.length + rig.unexpectedExits, api5xx.join(', ') || undefined),
    ];
  } finally {
    rig.sim.faults.randomly(undefined);
    await rig.close();
  }
};

const sumExtra = (copies: number[]) => copies.reduce((a, c) => a + Math.max(0, c - 1), 0);

/** "I can't find case C-XXXXX" (or 找不到個案 C-XXXXX) in the group: the answer to one pushed command. */
const isReplyTo = (e: SentEntry, code: string) => (e.via === 'webhook' || e.via === 'group') && e.text.includes(code);

/** `@ConsultBridge case C-<random>` from the team's members at ~25/s; each answer names its code. */
function pushReplies(rig: Rig, count: number, rand: () => number, real: string): Map<number, string> {
  const group = rig.demo.groups.cardiologyConsult;
  const users = [USERS.CHAN, USERS.LAM, USERS.WONG];
  const codes = new Map<number, string>();
  const used = new Set([real]);
  for (let i = 0; i < count; i++) {
    let c = randomCaseCode(rand);
    while (used.has(c)) c = randomCaseCode(rand);
    used.add(c);
    codes.set(i, c);
  }
  void (async () => {
    for (const [i, c] of codes) {
      rig.sim.say(group, users[i % users.length]!, `@ConsultBridge case ${c}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  })();
  return codes;
}
