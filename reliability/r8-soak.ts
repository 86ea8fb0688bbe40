import { seeded, syntheticHkid, until } from './harness/chat.js';
import { deadLetters } from './harness/db-peek.js';
import { reportPdf, teamCase, uploadReport } from './harness/flows.js';
import { startRig, USERS, type Rig } from './harness/rig.js';
import { row, zero, type Scenario } from './row.js';

/**
 * R8, the soak (by flag only): `ping` commands at 200 msg/s (groups and 1:1 chats) through the real
 * SDK while 100 concurrent viewers open watermarked reports through the mini-app API, for 30 minutes
 * (`--minutes N` to try it shorter). Errors: unanswered or extra pongs, failed views, 5xx, crashes,
 * dead letters. RSS slope: least squares over the per-minute floors of the service's resident memory
 * (sampled every 5 s) after warm-up (the first quarter, at most 5 minutes), in MB per 10 minutes;
 * judged only on runs of 10 minutes or more (a shorter try-out prints it but cannot tell GC from growth).
 */
const RATE = 200;
const VIEWERS = 100;
const SLOPE_GOAL_MB_PER_10MIN = 5;

export const r8: Scenario = async ({ seed, workDir, log, minutes = 30 }) => {
  const rand = seeded(seed);
  const rig = await startRig({ workDir, env: { LOG_LEVEL: 'error' } });
  try {
    const group = rig.demo.groups.cardiologyConsult;
    const code = await teamCase(rig, group, syntheticHkid(300_000 + (seed % 100_000)));
    const docs: string[] = [];
    for (let i = 0; i < 5; i++) docs.push(((await (await uploadReport(rig, USERS.CHAN, code, await reportPdf(`R8 report ${i}`))).json()) as { documentId: string }).documentId);
    const durationMs = minutes * 60_000;
    const warmupMs = Math.min(5 * 60_000, durationMs / 4);
    log(`case ${code}; ${minutes} min at ${RATE} msg/s with ${VIEWERS} viewers`);
    const started = Date.now();
    const end = started + durationMs;
    const f = { pushed: 0, pushFailures: 0, views: 0, viewErrors: 0, api5xx: 0, viewMs: [] as number[], failedBy: {} as Record<string, number> };
    const samples: Array<[number, number]> = [];
    const heap: Array<[number, number]> = [];
    const external: Array<[number, number]> = [];
    const sampler = setInterval(() => {
      const mb = rig.service.rssMb();
      const t = (Date.now() - started) / 60_000;
      if (Date.now() - started < warmupMs) return;
      if (Number.isFinite(mb)) samples.push([t, mb]);
      void heapMb(rig).then((h) => {
        if (!h) return;
        heap.push([t, h.heap]);
        external.push([t, h.external]);
      });
    }, 5000);
    const pongsBefore = countPongs(rig);
    const cpu0 = rig.service.cpuSeconds();
    const runnerCpu0 = process.cpuUsage();
    await Promise.all([pushPings(rig, end, f), ...Array.from({ length: VIEWERS }, (_, v) => viewer(rig, docs, v, end, rand, f))]);
    clearInterval(sampler);
    const pushedFor = (Date.now() - started) / 1000;
    // Whether sends keep up: pongs that reached the simulator while pings were still being pushed.
    const pongsWhilePushing = countPongs(rig) - pongsBefore;
    const cpu = `service CPU ${((100 * (rig.service.cpuSeconds() - cpu0)) / pushedFor).toFixed(0)} %, runner (simulator + viewers) ${(cpuPercent(process.cpuUsage(runnerCpu0)) / pushedFor).toFixed(0)} %`;
    await until(() => countPongs(rig) - pongsBefore >= f.pushed, 120_000, 'every pong').catch((e: Error) => log(e.message));
    const pongs = countPongs(rig) - pongsBefore;
    const dead = deadLetters(rig.dbFile).length;
    const floors = floorsPerMinute(samples);
    const slope = slopePerTenMin(floors.length >= 3 ? floors : samples);
    const judged = durationMs >= 10 * 60_000;
    const rss = samples.map((s) => s[1]);
    const heapSlope = slopePerTenMin(floorsPerMinute(heap));
    const externalSlope = slopePerTenMin(floorsPerMinute(external));
    const p = (q: number) => f.viewMs.sort((a, b) => a - b)[Math.floor(q * (f.viewMs.length - 1))] ?? NaN;
    const errors = Math.abs(f.pushed - pongs) + f.viewErrors + f.api5xx + dead + rig.unexpectedExits + f.pushFailures;
    return [
      zero('R8 errors', errors, `${f.pushed} pings (${(f.pushed / pushedFor).toFixed(0)}/s), ${pongs} pongs (${pongsWhilePushing} while pushing: ${(pongsWhilePushing / pushedFor).toFixed(0)}/s); ${f.views} views (${(f.views / pushedFor).toFixed(0)}/s, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms), ${f.viewErrors} failed${f.viewErrors ? ` (${Object.entries(f.failedBy).map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}; ${f.api5xx} 5xx; ${dead} dead letters; ${rig.unexpectedExits} crashes; ${cpu}`),
      row('R8 RSS slope after warm-up', `${slope.toFixed(1)} MB/10 min`, judged ? `≤ ${SLOPE_GOAL_MB_PER_10MIN} MB/10 min` : `≤ ${SLOPE_GOAL_MB_PER_10MIN} MB/10 min (judged on runs ≥ 10 min)`,
        !judged || (Number.isFinite(slope) && slope <= SLOPE_GOAL_MB_PER_10MIN),
        `${minutes} min, warm-up ${(warmupMs / 60_000).toFixed(1)} min; RSS ${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} MB over ${samples.length} samples; slope of the ${floors.length >= 3 ? 'per-minute floors' : 'raw samples'}${judged ? '' : '; too short to judge'}; main-thread JS heap ${heapSlope.toFixed(1)} MB/10 min, external ${externalSlope.toFixed(1)} MB/10 min (the rest of RSS: render workers, SQLite, allocator)`),
    ];
  } finally {
    await rig.close();
  }
};

/** The service's main-thread JS heap and external memory in MB, from its own /metrics (loopback). */
async function heapMb(rig: Rig): Promise<{ heap: number; external: number } | undefined> {
  try {
    const text = await (await fetch(`${rig.service.baseUrl}/metrics`)).text();
    const read = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1]) / 1048576;
    const out = { heap: read('nodejs_heap_size_used_bytes'), external: read('nodejs_external_memory_bytes') };
    return Number.isFinite(out.heap) && Number.isFinite(out.external) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** process.cpuUsage() microseconds → percent-seconds (divide by the wall seconds for a percentage). */
const cpuPercent = (u: NodeJS.CpuUsage) => (u.user + u.system) / 10_000;

const PONG = /pong ✔|在線 ✔/;
const countPongs = (rig: Rig) => rig.sim.sent.reduce((n, e) => n + (PONG.test(e.text) ? 1 : 0), 0);

/** `ping` at RATE/s, in ticks of 50 ms, from the team in the group and 1:1 from anyone verified. */
async function pushPings(rig: Rig, end: number, f: { pushed: number; pushFailures: number }): Promise<void> {
  const group = rig.demo.groups.cardiologyConsult;
  const inGroup = [USERS.CHAN, USERS.LAM, USERS.WONG];
  const oneToOne = [USERS.HO, USERS.CHEUNG, USERS.CHAN];
  const perTick = RATE / 20;
  const t0 = Date.now();
  let i = 0;
  while (Date.now() < end) {
    const due = Math.floor(((Date.now() - t0) / 1000) * RATE);
    for (let k = 0; f.pushed + f.pushFailures < due && k < perTick * 4; k++, i++) {
      try {
        if (i % 2 === 0) rig.sim.say(group, inGroup[i % 3]!, '@ConsultBridge ping');
        else rig.sim.dm(oneToOne[i % 3]!, 'ping');
        f.pushed++;
      } catch {
        f.pushFailures++; // no stream connected (a crash): counted as an error
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The error code of a refused view, for the note (a JSON `{code}` body, else "?"). */
function codeOf(body: ArrayBuffer): string {
  try {
    return String((JSON.parse(Buffer.from(body).toString('utf8')) as { code?: string }).code ?? '?');
  } catch {
    return '?';
  }
}

/** One viewer: view token + watermarked PDF for a random report, then a pause of 1–3 s. */
async function viewer(rig: Rig, docs: string[], v: number, end: number, rand: () => number, f: { views: number; viewErrors: number; api5xx: number; viewMs: number[]; failedBy: Record<string, number> }): Promise<void> {
  const user = [USERS.CHAN, USERS.LAM, USERS.WONG][v % 3]!;
  await new Promise((r) => setTimeout(r, rand() * 2000));
  while (Date.now() < end) {
    const t0 = Date.now();
    try {
      const t = await rig.api(user, 'POST', `/api/app/documents/${docs[Math.floor(rand() * docs.length)]}/view-token`);
      const res = t.status === 200 ? await rig.api(user, 'POST', '/api/app/documents/view', { token: ((await t.json()) as { token: string }).token }) : t;
      const body = await res.arrayBuffer();
      if (res.status >= 500 || t.status >= 500) f.api5xx++;
      if (res.status !== 200) {
        f.viewErrors++;
        const why = `${res.status} ${codeOf(body)}`;
        f.failedBy[why] = (f.failedBy[why] ?? 0) + 1;
      }
      f.views++;
      if (f.viewMs.length < 200_000) f.viewMs.push(Date.now() - t0);
    } catch {
      f.viewErrors++;
      f.failedBy.network = (f.failedBy.network ?? 0) + 1;
    }
    await new Promise((r) => setTimeout(r, 1000 + rand() * 2000));
  }
}

/** The lowest sample of each whole minute (the heap after a collection), so GC's sawtooth does not read as growth. */
export function floorsPerMinute(samples: Array<[number, number]>): Array<[number, number]> {
  const byMinute = new Map<number, number>();
  for (const [t, mb] of samples) byMinute.set(Math.floor(t), Math.min(byMinute.get(Math.floor(t)) ?? Infinity, mb));
  return [...byMinute].map(([m, mb]): [number, number] => [m + 0.5, mb]);
}

/** Least-squares slope of (minutes, MB) samples, as MB per 10 minutes. */
export function slopePerTenMin(samples: Array<[number, number]>): number {
  const n = samples.length;
  if (n < 3) return NaN;
  const mx = samples.reduce((a, s) => a + s[0], 0) / n;
  const my = samples.reduce((a, s) => a + s[1], 0) / n;
  const sxy = samples.reduce((a, s) => a + (s[0] - mx) * (s[1] - my), 0);
  const sxx = samples.reduce((a, s) => a + (s[0] - mx) ** 2, 0);
  return (sxy / sxx) * 10;
}
