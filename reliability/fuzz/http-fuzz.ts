import fc from 'fast-check';
import { CHAN } from '../../test/helpers/sharing-flow.js';
import type { World } from '../world.js';
import type { FuzzSeed } from './fuzz-world.js';
import { anyCase, type HttpCase } from './http-cases.js';
import { routeTable } from './routes.js';
import { short, Tally, watchCrashes, within } from './tally.js';

export const KINDS = ['5xx', 'crash', 'hang'] as const;
export type Kind = (typeof KINDS)[number];

export interface FuzzBudget {
  cases: number;
  /** Stops early (and says so) after this long. */
  maxMs: number;
  /** A request with no answer after this long is a hang. */
  hangMs: number;
  batch: number;
}

export interface HttpFuzzResult {
  tally: Tally<Kind>;
  ran: number;
  routes: number;
  statuses: Map<number, number>;
  /** Routes no case got a 2xx from (coverage: their handlers ran only for refusals). */
  never2xx: string[];
  stoppedEarly: boolean;
}

const VIEW_ROUTE = 'POST /api/app/documents/view';
const STATE_CHANGING = /^(POST|DELETE) .*(logout|refresh|suspend|verify|clinicians|team|roles|groups|admin-token|remove-from-org)/;

/**
 * A fuzzed upload that was accepted is opened at once, as its [Open] card invites: the attending
 * (Dr Chan, who the doctor sign-in is) asks for a view token and views. null means no answer in time.
 */
async function viewUploaded(w: World, body: string, hangMs: number): Promise<{ status: number; body: string } | null | undefined> {
  const documentId = (JSON.parse(body) as { documentId?: string }).documentId;
  if (!documentId) return undefined;
  const go = async () => {
    const t = await w.asUser(CHAN, { method: 'POST', url: `/api/app/documents/${documentId}/view-token` });
    if (t.statusCode !== 200) return { status: t.statusCode, body: t.body };
    const v = await w.asUser(CHAN, { method: 'POST', url: '/api/app/documents/view', payload: { token: (t.json() as { token: string }).token } });
    return { status: v.statusCode, body: v.statusCode === 200 ? 'pdf' : v.body };
  };
  return (await within(go(), hangMs)) ?? null;
}

function describe(c: HttpCase, seed: number, index: number, answer: string): string {
  return `${c.route} [auth ${c.auth}] ${c.method} ${short(c.url, 120)} ct=${short(c.headers['content-type'] ?? '-', 40)} body=${short(c.payload, 100)} → ${answer} (seed ${seed}, case ${index})`;
}

/**
 * Fuzzes every route of the running app through inject(): cases come from fast-check in seeded
 * batches (batch b uses seed+b), so a printed (seed, case) replays. Between batches the seeded people
 * are put back (fuzzed admin calls may have suspended them).
 */
export async function fuzzHttp(w: World, seed: FuzzSeed, runSeed: number, budget: FuzzBudget, log: (l: string) => void): Promise<HttpFuzzResult> {
  const routes = await routeTable(w.app);
  const arb = anyCase(routes, seed.pools, seed.pdfs);
  const tally = new Tally(KINDS);
  const statuses = new Map<number, number>();
  const ok2xx = new Set<string>();
  const done = (stoppedEarly: boolean): HttpFuzzResult => ({ tally, ran, routes: routes.length, statuses, never2xx: routes.map((r) => `${r.method} ${r.path}`).filter((r) => !ok2xx.has(r)), stoppedEarly });
  const crashes = watchCrashes();
  const started = Date.now();
  let ran = 0;
  try {
    for (let b = 0; ran < budget.cases; b++) {
      if (Date.now() - started > budget.maxMs) return done(true);
      const cases = fc.sample(arb, { seed: runSeed + b, numRuns: Math.min(budget.batch, budget.cases - ran) });
      for (const [i, c] of cases.entries()) {
        const index = b * budget.batch + i;
        const before = crashes.count();
        const authorization = await seed.header(c.auth);
        const headers = authorization === undefined ? c.headers : { ...c.headers, authorization };
        const res = await within(
          w.app.inject({ method: c.method as 'GET', url: c.url, headers, ...(c.payload === undefined ? {} : { payload: c.payload }) }).then(
            (r) => ({ status: r.statusCode, body: r.body }),
            (err: unknown) => ({ status: -1, body: `inject rejected: ${(err as Error).message}` }),
          ),
          budget.hangMs,
        );
        ran++;
        if (!res) tally.add('hang', c.route, () => describe(c, runSeed + b, i, `no answer in ${budget.hangMs} ms`));
        else {
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 200 && res.status < 300) ok2xx.add(c.route);
          // A fuzzed logout, suspension or team change may have ended a seeded sign-in: put things back now.
          if (res.status < 300 && STATE_CHANGING.test(c.route)) await seed.heal();
          if (res.status >= 500) tally.add('5xx', c.route, () => describe(c, runSeed + b, i, `${res.status} ${short(res.body, 120)}`));
          const view = res.status === 201 ? await viewUploaded(w, res.body, budget.hangMs) : undefined;
          if (view && view.status >= 500) tally.add('5xx', `${VIEW_ROUTE} (after ${c.route})`, () => describe(c, runSeed + b, i, `201, then the view: ${view.status} ${short(view.body, 120)}`));
          if (view === null) tally.add('hang', `${VIEW_ROUTE} (after ${c.route})`, () => describe(c, runSeed + b, i, `201, then no view in ${budget.hangMs} ms`));
        }
        if (crashes.count() > before) tally.add('crash', c.route, () => describe(c, runSeed + b, i, `crash: ${crashes.last()}`));
        if (index % 5000 === 4999) log(`${ran} HTTP cases, ${tally.counts['5xx']} 5xx, ${tally.counts.crash} crashes, ${tally.counts.hang} hangs`);
      }
      await seed.heal();
    }
    return done(false);
  } finally {
    crashes.stop();
  }
}
