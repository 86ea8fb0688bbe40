import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/compose/app.js';
import { serviceProbe } from '../../src/compose/health.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { eventually } from '../helpers/eventually.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';

const YEAR = 365 * 86_400_000;
const N = 450;

/**
 * Work that grows with the data waits for readiness (issue 15): a service with N expired documents
 * answers /readyz with nothing purged, and only after `afterReady()` does the retention purge run,
 * beside requests, until every expired document is gone. The name-token backfill and the sealing of
 * free text from before encryption run then too, once, and so does the directory's name-token backfill.
 */
describe('start-up: retention and backfills after ready', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it('When N documents are past retention at start, then /readyz answers before the purge, which then destroys all N', async () => {
    const now = Date.now();
    const clock = new ManualClock(now - 8 * YEAR);
    h = await startHarness({ clock, afterReady: false });
    const sharing = h.service.secure.sharing;
    for (let i = 0; i < N; i++) {
      await sharing.registerDocument({ id: randomUUID(), caseId: 'case-old', authorId: 'author', authorInstitutionId: null, kind: 'report', mediaType: 'application/pdf', size: 1 });
    }
    // A note from before free text was sealed (plain text): sealed after ready, in batches, not at start.
    h.service.db.sqlite.exec(`insert into access_requests (id, document_id, case_id, requester_id, reason_code, chain, created_at, expires_at) values ('r-old', 'd', 'case-old', 'u', 'referral', '[]', 0, 1);
      insert into access_request_steps (request_id, step_index, step, decider_id, decision, note, decided_at) values ('r-old', 0, 'attending', 'dr', 'deny', 'plain old note', 1);
      delete from patient_data_upgrades where name = 'free_text_sealed'; delete from background_jobs where name = 'free_text_sealed';
      delete from clinician_name_tokens; delete from background_jobs where name = 'clinician_name_tokens';`);
    clock.set(now);
    const service = await h.restart();
    const note = () => (service.db.sqlite.prepare("select note from access_request_steps where request_id = 'r-old'").get() as { note: string }).note;
    const count = (status: string) => (service.db.sqlite.prepare('select count(*) as n from documents where status = ?').get(status) as { n: number }).n;
    const app = await buildApp({ logger: silentLogger, probe: serviceProbe(service), service });
    try {
      // Started and ready: nothing purged yet.
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      expect(count('active')).toBe(N);
      expect(note()).toBe('plain old note');

      const jobsGauge = async () => /consultbridge_background_jobs_running\{[^}]*\} (\d)/.exec((await service.metrics.scrape()).body)?.[1];
      expect(await jobsGauge()).toBe('0');
      service.afterReady();
      expect(await jobsGauge()).toBe('1'); // the backfills have started and not yet run out
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(count('destroyed')).toBeLessThan(N); // answered while the purge was still going

      await eventually(() => count('destroyed') === N, 20_000, 'every expired document destroyed');
      await service.retention.job.idle();
      await service.backgroundIdle();
      expect(await jobsGauge()).toBe('0');
      const purged = () => service.db.sqlite.prepare("select reason from audit_entries where action = 'retention.purged' and target = 'documents'").all() as { reason: string }[];
      await eventually(() => purged().length > 0, 5000, 'the purge audited (group commit)');
      expect(purged().at(-1)?.reason).toBe(`count:${N}`);
      const job = service.db.sqlite.prepare("select cursor, done_at as doneAt from background_jobs where name = 'patient_name_tokens'").get() as { cursor: string | null; doneAt: number | null };
      expect(job).toEqual({ cursor: null, doneAt: expect.any(Number) });
      expect(note()).toMatch(/^ft1\./);
      // The directory's name search tokens, for clinicians from before the index: every clinician has them again.
      const untokened = service.db.sqlite.prepare('select count(*) as n from clinicians c where not exists (select 1 from clinician_name_tokens t where t.clinician_id = c.id)').get() as { n: number };
      expect(untokened.n).toBe(0);
      expect(service.db.sqlite.prepare("select done_at as doneAt from background_jobs where name = 'clinician_name_tokens'").get()).toEqual({ doneAt: expect.any(Number) });
    } finally {
      await app.close();
    }
  }, 60_000);
});
