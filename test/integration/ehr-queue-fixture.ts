import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditInput } from '../../src/shared/audit-sink.js';
import { createEhrAdapter } from '../../src/ehr/create-ehr.js';
import type { EhrAdapter } from '../../src/domain/ehr/ehr-port.js';
import { createEhrQueueRepository } from '../../src/ehr/queue/ehr-queue-repository.js';
import { createEhrQueueModule } from '../../src/ehr/queue/create-ehr-queue.js';
import { startFhirSim, type FhirSim } from '../../src/sandbox/fhir-sim.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { loadOrCreateSecret } from '../../src/shared/key-file.js';
import { tempDb } from '../helpers/temp-db.js';

/**
 * A pending-writes queue on a real SQLite file and key folder, delivering to the simulated FHIR
 * server through the real adapter; the clock is moved by hand, and audit entries are recorded.
 */
export async function queueFixture(o: { timeoutMs?: number } = {}) {
  const fhir = await startFhirSim();
  const patientId = fhir.addPatient('A123456(3)');
  const db = tempDb();
  const keyDir = mkdtempSync(join(tmpdir(), 'cb-ehr-keys-'));
  const clock = new ManualClock();
  const audit: AuditInput[] = [];
  const adapterFor = (sim: FhirSim): EhrAdapter =>
    createEhrAdapter(
      {
        fhirBase: sim.baseUrl,
        tokenUrl: sim.tokenUrl,
        clientId: sim.clientId,
        clientSecret: sim.clientSecret,
        hkidSystem: sim.hkidSystem,
        idSystemBase: 'https://consultbridge.hk/fhir/sid',
        timeoutMs: o.timeoutMs ?? 2000,
      },
      { clock, logger: silentLogger, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } },
    );
  const makeQueue = (adapter: EhrAdapter = adapterFor(fhir)) =>
    createEhrQueueModule({
      repo: createEhrQueueRepository(db.db, db.store),
      key: loadOrCreateSecret(keyDir, 'ehr-queue.key'),
      adapter,
      clock,
      logger: silentLogger,
      audit: { append: (e) => audit.push(e) },
      backoff: { baseMs: 1000, maxMs: 60_000 },
      pollMs: 10,
      random: () => 0.5,
    });
  return {
    fhir,
    patientId,
    db,
    keyDir,
    clock,
    audit,
    makeQueue,
    async close() {
      await fhir.close();
      db.cleanup();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

export type QueueFixture = Awaited<ReturnType<typeof queueFixture>>;
