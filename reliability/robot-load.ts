import Database from 'better-sqlite3';
import { seedDemoOrg } from '../src/sandbox/demo-org.js';
import { DeliveryTally } from '../src/sandbox/sim-tally.js';
import { startSimulator, type Simulator } from '../src/sandbox/simulator.js';
import { sleep } from './harness/service-process.js';

/**
 * The message load R1 and R2 share: `@ConsultBridge` commands pushed through the simulator into the
 * service, at most `window` unanswered at a time, a share of them pushed again (same msgId, new frame)
 * as DingTalk does, and `before(i)` for the scenario's faults (kill -9, forced disconnects).
 */
export const COMMANDS = ['ping', 'help', 'ping', '測試'];

/** A simulator in this process, with the demo org, that re-pushes un-ACKed frames after `redeliveryMs`. */
export async function loadSimulator(redeliveryMs: number): Promise<{ sim: Simulator; tally: DeliveryTally; group: string; users: string[] }> {
  const sim = await startSimulator({ pingIntervalMs: 0, redeliveryDelayMs: redeliveryMs, maxRedeliveries: 10_000, clientId: 'rel-client', clientSecret: 'rel-secret' });
  const demo = seedDemoOrg(sim);
  const group = demo.groups.cardiologyConsult;
  return { sim, tally: new DeliveryTally(sim.events), group, users: sim.org.requireGroup(group).memberIds };
}

export interface LoadOptions {
  sim: Simulator;
  tally: DeliveryTally;
  group: string;
  users: string[];
  total: number;
  window: number;
  redeliverShare: number;
  random: () => number;
  before?: (i: number) => Promise<void>;
  log: (line: string) => void;
}

/** Runs `push` once a stream client is connected (while the service restarts or reconnects, it waits). */
async function whenConnected<T>(sim: Simulator, push: () => T): Promise<T> {
  for (;;) {
    if (sim.stats.connections > 0) {
      try {
        return push();
      } catch {
        // the socket closed between the check and the push
      }
    }
    await sleep(10);
  }
}

export async function runLoad(o: LoadOptions): Promise<void> {
  const replays: Array<Promise<void>> = [];
  let lastProgress = Date.now();
  let lastWaiting = 0;
  for (let i = 0; i < o.total; i++) {
    await o.before?.(i);
    // Backpressure: at most `window` unanswered; a stall (messages waiting for a re-push) is waited out.
    while (o.tally.waiting >= o.window && Date.now() - lastProgress < 30_000) {
      if (o.tally.waiting !== lastWaiting) [lastWaiting, lastProgress] = [o.tally.waiting, Date.now()];
      await sleep(2);
    }
    lastProgress = Date.now();
    const user = o.users[Math.floor(o.random() * o.users.length)]!;
    const text = `@ConsultBridge ${COMMANDS[i % COMMANDS.length]}`;
    const p = await whenConnected(o.sim, () => o.sim.say(o.group, user, text));
    o.tally.pushed(p.msgId, p.frameMessageId);
    if (o.random() < o.redeliverShare) {
      const delay = Math.floor(o.random() * 500);
      replays.push(
        sleep(delay).then(async () => {
          const r = await whenConnected(o.sim, () => o.sim.replay(p.msgId));
          o.tally.pushed(p.msgId, r.frameMessageId);
        }),
      );
    }
    if ((i + 1) % 1000 === 0) o.log(`${i + 1}/${o.total} pushed, ${o.tally.waiting} unanswered`);
  }
  await Promise.all(replays);
}

/** What the service's database still has to do: inbound messages being handled, outbox sends pending. */
export interface WorkLeft {
  processing: number;
  pending: number;
}

/** The SQL of `WorkLeft`, the same on SQLite and PostgreSQL. */
export const WORK_LEFT_SQL = {
  processing: "select count(*) as n from processed_messages where state = 'processing'",
  pending: "select count(*) as n from outbox_messages where status = 'pending'",
};

/** `WorkLeft` read from a service's SQLite file (read-only, beside the running service). */
export function sqliteWorkLeft(dbPath: string): { read(): Promise<WorkLeft>; close(): void } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    read: async () => ({ processing: count(WORK_LEFT_SQL.processing), pending: count(WORK_LEFT_SQL.pending) }),
    close: () => db.close(),
  };
}

/**
 * Waits until every pushed message is answered, every frame ACKed (none left for the simulator to push
 * again) and the service's database holds nothing left to do (no inbound message processing, no outbox
 * send pending), or until nothing moved for `quietMs`. `left` is a SQLite file's path or a reader of
 * any database.
 */
export async function settle(sim: Simulator, tally: DeliveryTally, left: string | (() => Promise<WorkLeft>), quietMs = 60_000): Promise<WorkLeft> {
  const file = typeof left === 'string' ? sqliteWorkLeft(left) : undefined;
  const read = file ? file.read : (left as () => Promise<WorkLeft>);
  try {
    let last = '';
    let since = Date.now();
    for (;;) {
      const now = { waiting: tally.waiting, rePush: sim.stats.pendingRedeliveries, ...(await read()) };
      if (now.waiting === 0 && now.rePush === 0 && now.processing === 0 && now.pending === 0) return now;
      const key = JSON.stringify(now);
      if (key !== last) [last, since] = [key, Date.now()];
      if (Date.now() - since > quietMs) return now;
      await sleep(50);
    }
  } finally {
    file?.close();
  }
}
