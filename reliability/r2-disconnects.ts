import { row, zero, type Scenario } from './row.js';
import { seeded } from './harness/chat.js';
import { serviceSpawner } from './harness/service-process.js';
import { loadSimulator, runLoad, settle } from './robot-load.js';

/**
 * R2: 100 forced gateway disconnects (10 with --short) in a 5k-message run (500): half network cuts
 * (sockets terminated), half DingTalk's SYSTEM `disconnect` frame then a close. Frames lost with a
 * socket are pushed again; nothing may be lost or applied twice.
 */
export const r2: Scenario = async ({ short, seed, workDir, log }) => {
  const total = short ? 500 : 5_000;
  const disconnects = short ? 10 : 100;
  const { sim, tally, group, users } = await loadSimulator(1_000);
  const spawner = serviceSpawner(sim, workDir);
  const svc = await spawner.start();
  const at = new Set(Array.from({ length: disconnects }, (_, k) => Math.floor(((k + 1) * total) / (disconnects + 1))));
  const opened = sim.stats.connectionsOpened;
  let forced = 0;
  const started = Date.now();
  try {
    await runLoad({
      sim, tally, group, users, total, window: 8, redeliverShare: 0, random: seeded(seed), log,
      before: async (i) => {
        if (!at.has(i)) return;
        if (forced++ % 2 === 0) sim.disconnectAll();
        else sim.sendDisconnectFrame(50);
      },
    });
    const left = await settle(sim, tally, spawner.dbPath);
    const s = tally.summary();
    const reconnects = sim.stats.connectionsOpened - opened;
    const note = `${s.pushed} messages, ${((Date.now() - started) / 1000).toFixed(0)} s`;
    return [
      zero('R2 messages lost', s.unanswered, `${s.acked} ACKed; ${note}`),
      zero('R2 duplicated effects', s.duplicates),
      // Exactly one new connection per forced disconnect: more means healthy sockets were dropped too.
      row('R2 forced disconnects / reconnects', `${forced} / ${reconnects}`, `${disconnects} / ${disconnects}`, forced === disconnects && reconnects === disconnects),
      row('R2 pushed but never ACKed (platform re-pushes)', s.rePushed, 'reported', true),
      zero('R2 left processing or pending at the end', left.processing + left.pending),
    ];
  } finally {
    await svc.stop().catch(() => undefined);
    await sim.close();
  }
};
