import { row, zero, type ReliabilityRow, type Scenario } from './row.js';
import { seeded } from './harness/chat.js';
import { serviceSpawner, type ServiceProcess } from './harness/service-process.js';
import { loadSimulator, runLoad, settle } from './robot-load.js';

/** The outbox worker's batch: the most sends one process has in flight at once. */
const IN_FLIGHT = 20;

/**
 * R1: 10k commands (600 with --short), 10 % pushed twice, and a real `kill -9` of the service process
 * five times (2), each right after an ACK; the service in DingTalk mode in its own process, the
 * simulator here. Every message we ACKed must be answered; repeats come only from sends in flight at
 * a kill (at most one per intent), so they stay within kills × the worker's batch.
 */
export const r1: Scenario = async ({ short, seed, workDir, log }) => {
  const total = short ? 600 : 10_000;
  const kills = short ? 2 : 5;
  const { sim, tally, group, users } = await loadSimulator(1_000);
  const spawner = serviceSpawner(sim, workDir);
  let svc: ServiceProcess = await spawner.start();
  const killAt = new Set(Array.from({ length: kills }, (_, k) => Math.floor(((k + 1) * total) / (kills + 1))));
  const started = Date.now();
  try {
    await runLoad({
      sim, tally, group, users, total, window: 8, redeliverShare: 0.1, random: seeded(seed), log,
      before: async (i) => {
        if (!killAt.has(i)) return;
        // Right after an ACK, with messages and replies in flight.
        await sim.waitFor('ack', sim.events.count('ack') + 1, 5_000).catch(() => undefined);
        await svc.kill9();
        log(`kill -9 at message ${i} (${tally.waiting} unanswered)`);
        svc = await spawner.start();
      },
    });
    const left = await settle(sim, tally, spawner.dbPath);
    const s = tally.summary();
    const bound = kills * IN_FLIGHT;
    const note = `${s.pushed} messages, ${kills} × kill -9, ${((Date.now() - started) / 1000).toFixed(0)} s`;
    const rows: ReliabilityRow[] = [
      zero('R1 ACKed messages lost', s.ackedLost, `${s.acked} ACKed; ${note}`),
      row(
        'R1 duplicated effects (replies beyond the first per message)',
        s.duplicates,
        `≤ ${bound} (≤ 1 per send in flight at a kill; ≤ ${IN_FLIGHT} in flight)`,
        s.duplicates <= bound && s.maxReplies <= 1 + kills,
        `most replies to one message: ${s.maxReplies}`,
      ),
      row('R1 pushed but never ACKed (platform re-pushes)', s.rePushed, 'reported', true, 'frames that died before our write'),
      zero('R1 messages never answered', s.unanswered),
      zero('R1 left processing or pending at the end', left.processing + left.pending),
    ];
    return rows;
  } finally {
    await svc.stop().catch(() => undefined);
    await sim.close();
  }
};
