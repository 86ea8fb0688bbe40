import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { explainOwnDecision } from '../../src/usecases/explain/explain-decision.js';
import { latestReport } from '../../src/usecases/sharing/latest-report.js';
import { caseSharingWorld, type CaseSharingWorld } from './case-sharing-world.js';

describe('use case: a case’s newest report (the one chat’s request and why act on)', () => {
  let w: CaseSharingWorld;
  beforeEach(() => {
    w = caseSharingWorld();
  });
  afterEach(() => w.cleanup());

  it('When reports are shared and the newest destroyed, then the newest active one; with none, document.not_found', async () => {
    const chan = w.clinician('chan');
    const c = await w.module.queries.findCase(await w.openCase(chan, 'cid-main'));
    await expect(latestReport(w, c.id)).rejects.toMatchObject({ code: 'document.not_found' });
    const older = await w.shareReport(c.id, chan.id);
    w.clock.advance(60_000);
    const newer = await w.shareReport(c.id, chan.id);
    expect((await latestReport(w, c.id)).id).toBe(newer.id);
    await w.sharing.markDestroyed(newer.id);
    expect((await latestReport(w, c.id)).id).toBe(older.id);
  });

  it('When the attending and a stranger ask why (newest report, then the explain use case), then allowed / denied on it, each decision audited', async () => {
    const chan = w.clinician('chan');
    const wong = w.clinician('wong');
    const c = await w.module.queries.findCase(await w.openCase(chan, 'cid-main'));
    const doc = await w.shareReport(c.id, chan.id);
    const why = async (who: typeof chan) => explainOwnDecision(w, who, (await latestReport(w, c.id)).id, 'en');
    expect(await why(chan)).toMatchObject({ allowed: true, caseCode: c.code });
    expect(await why(wong)).toMatchObject({ allowed: false, caseCode: c.code });
    expect(w.audit.entries.filter((e) => e.action === AUDIT_ACTIONS.accessDecision).map((e) => [e.actor, e.target, e.outcome])).toEqual([
      [chan.id, doc.id, 'success'],
      [wong.id, doc.id, 'denied'],
    ]);
  });
});
