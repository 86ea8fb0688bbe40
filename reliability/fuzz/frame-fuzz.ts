import fc from 'fast-check';
import { replyAfter } from '../../test/helpers/service-harness.js';
import { CHAN, LAM, openCase, WONG } from '../../test/helpers/sharing-flow.js';
import { startWorld, type World } from '../world.js';
import { frameCase, type FrameCase } from './frame-cases.js';
import type { FuzzBudget, Kind } from './http-fuzz.js';
import { short, Tally, watchCrashes, within } from './tally.js';

export interface FrameFuzzResult {
  ran: number;
  restarts: number;
  /** Times the service would not start again on its own database, so a fresh one was needed. */
  freshStarts: number;
  stoppedEarly: boolean;
}

function describe(c: FrameCase, seed: number, index: number, what: string): string {
  let shape = short(c.text, 200);
  try {
    const f = JSON.parse(c.text) as { type?: unknown; headers?: Record<string, unknown>; data?: unknown };
    const hd = f.headers ?? {};
    shape = `type=${short(f.type, 20)} topic=${short(hd.topic, 40)} messageId=${'messageId' in hd ? short(hd.messageId, 40) : '<missing>'}${hd.eventType === undefined ? '' : ` eventType=${short(hd.eventType, 30)}`} data=${short(f.data, 160)}`;
  } catch {
    // not JSON: the raw text is the case
  }
  return `${c.kind} frame ${shape} → ${what} (frame seed ${seed}, case ${index})`;
}

async function frameWorld(): Promise<{ w: World; arb: fc.Arbitrary<FrameCase>; group: string }> {
  const w = await startWorld({ sandbox: false });
  const group = w.h.demo.groups.cardiologyConsult;
  const caseCode = await openCase(w.h, group, 'A123456(3)', [{ institutionCode: 'HPH', status: 'granted' }]);
  const { sim } = w.h;
  const fw = { clientId: sim.clientId, corpId: sim.corpId, robotCode: sim.robotCode, oapiBase: sim.oapiBase, group, users: [CHAN, LAM, WONG, 'nobody', ''], caseCode };
  return { w, arb: frameCase(fw), group };
}

/**
 * Frames over the simulator's socket into the real SDK and receiver, on a service of its own. After
 * each frame the stream must still answer a gateway ping; after each batch the bot must still answer
 * `ping` in the group. A crash (uncaught exception or unhandled rejection) ends the batch and the
 * service is restarted on the same database, as a supervisor would (and every third batch anyway); a
 * service that then cannot start is a crash too, and the run goes on with a fresh database.
 */
export async function fuzzFrames(runSeed: number, budget: FuzzBudget, tally: Tally<Kind>, log: (l: string) => void): Promise<FrameFuzzResult> {
  let world = await frameWorld();
  const crashes = watchCrashes();
  const started = Date.now();
  const connected = async () => (await within(world.w.h.service.receiver.supervisor.whenConnected().then(() => true), budget.hangMs)) === true;
  const botAnswers = async () => {
    const pong = replyAfter(world.w.h.sim, { conversationId: world.group }, budget.hangMs).then(() => true, () => false);
    world.w.h.sim.say(world.group, CHAN, '@ConsultBridge ping');
    return pong;
  };
  /** False when the socket dropped between the check and the send (a reconnect in progress). */
  const sendRaw = (text: string) => {
    try {
      world.w.h.sim.sendRaw(text);
      return true;
    } catch {
      return false;
    }
  };
  const out: FrameFuzzResult = { ran: 0, restarts: 0, freshStarts: 0, stoppedEarly: false };
  try {
    for (let b = 0; out.ran < budget.cases; b++) {
      if (Date.now() - started > budget.maxMs) return { ...out, stoppedEarly: true };
      const seed = runSeed + 1_000_000 + b;
      const cases = fc.sample(world.arb, { seed, numRuns: Math.min(budget.batch, budget.cases - out.ran) });
      let broken = false;
      let last: { c: FrameCase; i: number } | undefined;
      for (const [i, c] of cases.entries()) {
        last = { c, i };
        const before = crashes.count();
        if (!(await connected()) || (!sendRaw(c.text) && !((await connected()) && sendRaw(c.text)))) {
          tally.add('hang', `stream (${c.kind})`, () => describe(c, seed, i, `no stream connection within ${budget.hangMs} ms`));
          broken = true;
          break;
        }
        out.ran++;
        const ping = world.w.h.sim.ping(budget.hangMs).then(() => true, () => false);
        const alive = await within(Promise.race([ping, crashes.next().then(() => false)]), budget.hangMs + 500);
        if (crashes.count() > before) {
          tally.add('crash', `stream (${c.kind}): ${crashes.last()}`, () => describe(c, seed, i, `crash surfaced after this frame (an async handler of one just before may own it): ${crashes.last()}`));
          broken = true; // the real process has exited here; the rest of the batch would only count the aftermath
          break;
        }
        if (!alive && !(await connected())) {
          tally.add('hang', `stream (${c.kind})`, () => describe(c, seed, i, 'no answer to the gateway ping'));
          broken = true;
          break;
        }
      }
      if (!broken && !(await botAnswers())) {
        const l = last!;
        tally.add('hang', 'bot ping', () => describe(l.c, seed, l.i, `bot silent for ${budget.hangMs} ms after this batch (its last frame shown)`));
        broken = true;
      }
      // Every third batch restarts anyway: whatever the frames left in the database must not stop a start.
      if (broken || b % 3 === 2) {
        try {
          await world.w.h.restart();
          out.restarts++;
        } catch (err) {
          const l = last!;
          tally.add('crash', `service restart: ${(err as Error).message}`, () => describe(l.c, seed, l.i, `the service then failed to start on its database: ${(err as Error).message}`));
          await world.w.close().catch(() => undefined);
          world = await frameWorld();
          out.freshStarts++;
        }
      }
      if (b % 20 === 19) log(`${out.ran} frames, ${tally.counts.crash} crashes, ${tally.counts.hang} hangs, ${out.restarts} restarts`);
    }
    return out;
  } finally {
    crashes.stop();
    await world.w.close().catch(() => undefined);
  }
}
