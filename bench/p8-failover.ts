import { DeliveryTally } from '../src/sandbox/sim-tally.js';
import type { AckRecord, SentEntry } from '../src/sandbox/sim-types.js';
import type { Cluster } from '../reliability/cluster/cluster-rig.js';
import { settle, WORK_LEFT_SQL } from '../reliability/robot-load.js';

export interface FailoverFigures {
  /** From the kill to the last answer of a message ACKed and unanswered at the kill. */
  lagMs: number;
  /** ACKed and unanswered at the kill (on either instance). */
  unansweredAtKill: number;
  /** Of those, claims the killed instance held (inbound claims in processing, or replies leased to it). */
  claimedByVictim: number;
  ackedLost: number;
}

const VICTIM = 'a';
const BURST = 100;
const TRICKLE_PER_S = 50;

/** Rows the victim holds now: its unfinished inbound claims and the replies its outbox worker has leased. */
const HELD_SQL = {
  claims: "select msg_id as id from processed_messages where state = 'processing' and owner = ?",
  replies: "select idem_key as id from outbox_messages where status = 'pending' and owner = ?",
};

/**
 * The failover row: 50 msg/s for `seconds`; halfway, a burst of 100 pings, and `kill -9` of instance a
 * the moment the database shows it holding claims (inbound messages it ACKed, or replies it leased)
 * that are not answered yet. The lag is from the kill until the other instance has answered every
 * message that was ACKed and unanswered at the kill (a's claims wait out the lease, then the takeover
 * sweep); ACKed messages never answered are lost.
 */
export async function measureFailover(c: Cluster, seconds: number, leaseS: number): Promise<FailoverFigures> {
  const group = c.demo.groups.aeHandover;
  const owner = `rel-${VICTIM}`;
  const tally = new DeliveryTally(c.sim.events);
  const answeredAt = new Map<string, number>();
  const acked = new Set<string>();
  const msgOf = new Map<string, string>();
  const onSent = (e: SentEntry) => void (e.inReplyTo && !answeredAt.has(e.inReplyTo) && answeredAt.set(e.inReplyTo, Date.now()));
  const onAck = (a: AckRecord) => void (a.code === 200 && msgOf.has(a.messageId) && acked.add(msgOf.get(a.messageId)!));
  c.sim.events.on('sent', onSent);
  c.sim.events.on('ack', onAck);
  const push = () => {
    const p = c.sim.say(group, 'qmh-ho-wingyee', '@ConsultBridge ping');
    msgOf.set(p.frameMessageId, p.msgId);
    tally.pushed(p.msgId, p.frameMessageId);
  };
  const held = async () => {
    const [claims, replies] = await Promise.all([c.db.query<{ id: string }>(HELD_SQL.claims, [owner]), c.db.query<{ id: string }>(HELD_SQL.replies, [owner])]);
    return claims.map((r) => r.id).concat(replies.map((r) => /^reply:(.+):\d+$/.exec(r.id)?.[1] ?? r.id));
  };
  let killAt = 0;
  let atKill: string[] = [];
  let victimHeld = new Set<string>();
  try {
    const total = seconds * TRICKLE_PER_S;
    for (let i = 0; i < total; i++) {
      if (i === Math.floor(total / 2)) {
        for (let j = 0; j < BURST; j++) push();
        const until = Date.now() + 10_000;
        while ((await held()).length === 0 && Date.now() < until) await new Promise((r) => setImmediate(r));
        await c.kill9(VICTIM);
        killAt = Date.now();
        victimHeld = new Set(await held());
        atKill = [...acked].filter((m) => !answeredAt.has(m) || answeredAt.get(m)! > killAt);
      }
      while (c.sim.stats.connections === 0) await new Promise((r) => setTimeout(r, 10));
      push();
      await new Promise((r) => setTimeout(r, 1000 / TRICKLE_PER_S));
    }
    await settle(
      c.sim,
      tally,
      async () => ({
        processing: Number((await c.db.query<{ n: number }>(WORK_LEFT_SQL.processing))[0]?.n ?? 0),
        pending: Number((await c.db.query<{ n: number }>(WORK_LEFT_SQL.pending))[0]?.n ?? 0),
      }),
      (leaseS + 30) * 1000,
    );
  } finally {
    c.sim.events.off('sent', onSent);
    c.sim.events.off('ack', onAck);
  }
  const lags = atKill.map((m) => (answeredAt.get(m) ?? Infinity) - killAt);
  return {
    lagMs: lags.length ? Math.max(...lags) : 0,
    unansweredAtKill: atKill.length,
    claimedByVictim: atKill.filter((m) => victimHeld.has(m)).length,
    ackedLost: tally.summary().ackedLost,
  };
}
