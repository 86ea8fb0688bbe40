import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';
import { CHAN, LAM, openCase } from '../helpers/sharing-flow.js';

const DAY = 86_400_000;

/** Burn-after-reading metadata goes after its retention period; content went at burn time. */
describe('retention of burn-after-reading metadata', () => {
  let h: Harness;
  const clock = new ManualClock();
  beforeAll(async () => {
    h = await startHarness({ clock });
  });
  afterAll(async () => h?.close());

  it('When a destroyed item is older than the retention period, then its rows are purged; a live one stays', async () => {
    const group = h.demo.groups.cardiologyConsult;
    const code = await openCase(h, group, 'C123456(9)', []);
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    await h.service.secure.cases.team.addMember(chan, code, LAM, 'consulting', group);
    const caseId = (await h.service.secure.cases.queries.findCase(code)).id;
    const burn = h.service.burn.service;
    const old = await burn.create({ caseId, authorId: chan.clinician.id, kind: 'text', text: 'old secret', burnAfterMs: 30_000 });
    clock.advance(25 * 3_600_000); // past the 24 h maximum lifetime
    await h.service.burn.destroyer.destroyDue();
    const fresh = await burn.create({ caseId, authorId: chan.clinician.id, kind: 'text', text: 'new secret', burnAfterMs: 30_000 });
    clock.advance(31 * DAY);
    const job = h.service.retention.job;
    const plan = await job.plan();
    expect(plan.find((p) => p.name === 'ephemeral_metadata')?.count).toBe(1);
    await job.run();
    const row = (id: string) => h.service.db.sqlite.prepare('select count(*) n from ephemeral_items where id = ?').get(id) as { n: number };
    const recipients = (id: string) => h.service.db.sqlite.prepare('select count(*) n from ephemeral_recipients where item_id = ?').get(id) as { n: number };
    expect(row(old.itemId).n).toBe(0);
    expect(recipients(old.itemId).n).toBe(0);
    expect(row(fresh.itemId).n).toBe(1);
  });
});
