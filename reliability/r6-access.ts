import { buildAccessWorld } from './access/access-world.js';
import { createAttempts, type Outcome } from './access/attempts.js';
import { rng, type Rng } from './access/rng.js';
import { Tally } from './fuzz/tally.js';
import { row, zero, type ReliabilityRow, type ScenarioOptions } from './row.js';
import { startWorld } from './world.js';

/**
 * R6: randomized cross-case access attempts against the real service (real SQLite file, real
 * crypto, production policy engine) through HTTP inject, each checked against an oracle written from
 * the README and the policy comments (access/oracle.ts). Between attempts the world moves: time
 * passes (grants and break-glass run out, view tokens expire), grants are approved and revoked,
 * clinicians are removed from teams, users are suspended and reinstated.
 */
export interface R6Size {
  attempts: number;
  cases: number;
  docsPerCase: number;
  /** One world event every this many attempts. */
  eventEvery: number;
  maxMs: number;
}

export const R6_FULL: R6Size = { attempts: 10_000, cases: 6, docsPerCase: 3, eventEvery: 100, maxMs: 20 * 60_000 };
export const R6_SHORT: R6Size = { attempts: 800, cases: 4, docsPerCase: 2, eventEvery: 50, maxMs: 40_000 };

const HOUR = 3_600_000;
export type Kind = 'leak' | 'falseRefusal';

export async function runR6(o: Pick<ScenarioOptions, 'seed' | 'log'>, size: R6Size): Promise<ReliabilityRow[]> {
  const started = Date.now();
  const { tally, ran, events } = await accessAttempts(o, size);
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  const breakdown = (k: Kind) => [...tally.byRoute].filter(([key]) => key.startsWith(`${k} `)).map(([key, n]) => `${n} ${key.slice(k.length + 1)}`).join('; ');
  const note = (k: Kind) => (tally.counts[k] ? `${knownAs(breakdown(k))}${breakdown(k)}; first: ${tally.first[k]}; ${ran} attempts, seed ${o.seed}` : `${ran} attempts, ${events} world events, ${size.cases} cases × ${size.docsPerCase} documents, seed ${o.seed}, ${secs} s`);
  return [
    zero('R6 leaks (allowed where the oracle says no)', tally.counts.leak, note('leak')),
    row('R6 false refusals (refused where the oracle says yes)', tally.counts.falseRefusal, 'reported', true, note('falseRefusal')),
  ];
}

/** The attempts themselves; leaks and false refusals by category (tally.byRoute keys are "leak <category>"). */
export async function accessAttempts(o: Pick<ScenarioOptions, 'seed' | 'log'>, size: R6Size) {
  const started = Date.now();
  const r = rng(o.seed);
  const w = await startWorld({ sandbox: false });
  try {
    const aw = await buildAccessWorld(w, r, size);
    const a = createAttempts(w, aw);
    const kinds: Array<[number, (r: Rng) => Promise<Outcome | undefined>]> = [
      [40, a.open], [10, a.caseScreen], [16, a.replay], [8, a.forgedViewToken], [6, a.consoleOnApp], [6, a.appOnAdmin], [6, a.identityReport], [8, a.forgedSignIn],
    ];
    const total = kinds.reduce((s, [n]) => s + n, 0);
    const pickKind = () => {
      let x = r.int(total);
      for (const [n, f] of kinds) if ((x -= n) < 0) return f;
      return kinds[0]![1];
    };
    const tally = new Tally<Kind>(['leak', 'falseRefusal']);
    const perCategory = new Map<string, { n: number; allowed: number }>();
    let ran = 0;
    let events = 0;
    while (ran < size.attempts && Date.now() - started < size.maxMs) {
      if (ran % size.eventEvery === size.eventEvery - 1) {
        await worldEvent(aw, r);
        a.resetConsoleTokens();
        events++;
      }
      const out = await pickKind()(r);
      if (!out) continue;
      ran++;
      const c = perCategory.get(out.category) ?? { n: 0, allowed: 0 };
      perCategory.set(out.category, { n: c.n + 1, allowed: c.allowed + (out.actual ? 1 : 0) });
      const where = `${out.category}: ${out.what} (seed ${o.seed}, attempt ${ran})`;
      // Leaks of one known kind (issue 9 item 4: removal should end grants) are counted apart, so others stand out.
      const key = /unexpired, (approved|opened) before removal/.test(out.what) ? `${out.category}, removed from the team after the grant` : out.category;
      if (out.actual && !out.expected) tally.add('leak', key, () => where);
      if (!out.actual && out.expected && out.strict) tally.add('falseRefusal', key, () => where);
      if (ran % 2000 === 0) o.log(`${ran} attempts, ${tally.counts.leak} leaks, ${tally.counts.falseRefusal} false refusals`);
    }
    for (const [cat, c] of perCategory) o.log(`${cat}: ${c.n} attempts, ${c.allowed} allowed`);
    for (const [key, n] of tally.byRoute) o.log(`${n} × ${key} — e.g. ${tally.examples.get(key)}`);
    return { tally, ran, events, perCategory };
  } finally {
    await w.close();
  }
}

/** One change to the world, applied to the service and the oracle's model together. */
async function worldEvent(aw: Awaited<ReturnType<typeof buildAccessWorld>>, r: Rng): Promise<void> {
  const { model, events, users } = aw;
  const clinical = users.filter((u) => ['doctor', 'nurse', 'pharmacist'].includes(model.users.get(u)!.role));
  switch (r.int(6)) {
    case 0:
      return events.advance(r.pick([60_000, 11 * 60_000, 2 * HOUR, 5 * HOUR, 30 * HOUR]));
    case 1:
      await events.approveGrant(r.pick(clinical), r.pick([...model.docs.keys()]));
      return;
    case 2:
      await events.breakGlass(r.pick(clinical), r.pick([...model.cases.keys()]));
      return;
    case 3:
      return events.revokeSomeGrant(r);
    case 4:
      return events.removeSomeone(r);
    default: {
      const u = r.pick(users.filter((x) => x !== 'qmh-li-siufan'));
      return events.setSuspended(u, !model.users.get(u)!.suspended);
    }
  }
}

/** Open findings written up in fuzz-findings.md and owned by other work on issue 9, named in the note. */
// F4 (identity report open to admins), F5 (tokens without exp/aud) and F6 (removal kept grants) are fixed on main.
const KNOWN: Array<[RegExp, string]> = [];
export function knownAs(text: string): string {
  return KNOWN.filter(([re]) => re.test(text)).map(([, s]) => s).join('');
}

export const r6 = (o: ScenarioOptions) => runR6(o, o.short ? R6_SHORT : R6_FULL);
