import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { buildApp } from '../src/compose/app.js';
import { loadConfig } from '../src/config/config.js';
import { seedDemoOrg } from '../src/sandbox/demo-org.js';
import { seedDirectory } from '../src/sandbox/sandbox-mode.js';
import { startSimulator } from '../src/sandbox/simulator.js';
import { createService } from '../src/compose/service.js';
import { systemClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
import { describeHits, scanForMarkers, type ScanReport } from './marker-scan.js';
import { fetchTarget } from './marker-target.js';
import { STORING_WRITES, storingAccepted, writeMarkers } from './marker-writes.js';
import { row, zero, type Scenario } from './row.js';

/**
 * R7, the plaintext marker scan: the service in DingTalk mode against the simulator, listening on a real
 * port (the writes are real HTTP and real stream frames), with a real SQLite file, key folder, blob folder and a debug-level log file in the scenario's folder. Markers go in
 * through every chat command, mini-app form and API that takes text (rounds: 1 short, 5 full); the
 * folder is then scanned while the service runs (database, WAL, shared memory, blobs, keys, log) and
 * again after it stopped (WAL checkpointed into the file). Goal: 0 hits.
 */
export const r7: Scenario = async (o) => {
  const sim = await startSimulator({ pingIntervalMs: 0, redeliveryDelayMs: 60_000 });
  seedDemoOrg(sim);
  const logPath = join(o.workDir, 'service.log');
  const logFile = createWriteStream(logPath);
  // Whatever else the process prints (the SDK uses console.info) is part of the log that is scanned.
  const consoleWas = captureConsole((line) => logFile.write(`${line}\n`));
  const config = loadConfig({
    DINGTALK_CLIENT_ID: sim.clientId,
    DINGTALK_CLIENT_SECRET: sim.clientSecret,
    DINGTALK_API_BASE: sim.apiBase,
    DINGTALK_OAPI_BASE: sim.oapiBase,
    DATABASE_URL: `file:${join(o.workDir, 'cb.db')}`,
    KEY_DIR: join(o.workDir, 'keys'),
    LOG_LEVEL: 'debug',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const service = await createService(config, {
    logger: createLogger('debug', logFile),
    clock: systemClock,
    outbox: { pollMs: 50, baseMs: 20, maxMs: 200 },
    reconnect: { baseDelayMs: 20, maxDelayMs: 200 },
  });
  await seedDirectory(service.directoryRepo);
  const app = await buildApp({ logger: service.logger, probe: { dbOpen: () => true, streamRegistered: () => true }, service });
  let stopped = false;
  try {
    await service.start();
    await service.receiver.supervisor.whenConnected();
    await app.ready();
    const rounds = o.short ? 1 : 5;
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const written = await writeMarkers(fetchTarget(sim, address), { seed: o.seed, rounds });
    await service.audit.flush();
    const scan = () => scanForMarkers({ markers: written.markers, paths: [o.workDir] });
    const running = scan();
    await app.close();
    await service.stop();
    stopped = true;
    await new Promise<void>((resolve) => logFile.end(resolve));
    const after = scan();
    for (const r of [running, after]) if (r.hits.length) o.log(describeHits(r.hits.slice(0, 20)));
    const accepted = storingAccepted(written.writes);
    return [
      zero('R7 plaintext marker hits (running: DB, WAL, blobs, keys, log)', running.hits.length, summary(running, written.writes.length)),
      zero('R7 plaintext marker hits after stop', after.hits.length, summary(after, written.writes.length)),
      row('R7 text-storing forms and APIs exercised', `${accepted}/${STORING_WRITES.length}`, 'all', accepted === STORING_WRITES.length, `${rounds} round(s), seed ${o.seed}`),
    ];
  } finally {
    if (!stopped) {
      await app.close().catch(() => undefined);
      await service.stop().catch(() => undefined);
      logFile.end();
    }
    await sim.close();
    consoleWas();
  }
};

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** Sends console output to `write` until the returned function restores it. */
function captureConsole(write: (line: string) => void): () => void {
  const methods: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug'];
  const saved = methods.map((k) => [k, console[k]] as const);
  for (const k of methods) console[k] = (...args: unknown[]) => write(format(...args));
  return () => {
    for (const [k, fn] of saved) console[k] = fn;
  };
}

function summary(r: ScanReport, writes: number): string {
  return `${r.markers} markers via ${writes} writes; ${(r.bytesScanned / 1e6).toFixed(1)} MB in ${r.sources} files`;
}
