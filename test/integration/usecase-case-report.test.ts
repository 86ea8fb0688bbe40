import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { explainCaseReport } from '../../src/usecases/access/explain-case-report.js';
import { latestReport } from '../../src/usecases/sharing/latest-report.js';
import { caseSharingWorld, type CaseSharingWorld } from './case-sharing-world.js';

describe('use cases: a case’s newest report, and why a clinician may or may not open it', () => {
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

  it('When the attending and a stranger ask why, then allowed / denied on the newest report, each decision audited; strangers are not insiders', async () => {
    const chan = w.clinician('chan');
    const wong = w.clinician('wong');
    const c = await w.module.queries.findCase(await w.openCase(chan, 'cid-main'));
    const doc = await w.shareReport(c.id, chan.id);
    const mine = await explainCaseReport(w, chan, c.id);
    expect(mine).toMatchObject({ decision: { allowed: true }, document: { id: doc.id }, caseCode: c.code, insider: true });
    const theirs = await explainCaseReport(w, wong, c.id);
    expect(theirs).toMatchObject({ decision: { allowed: false }, insider: false });
    expect(w.audit.entries.filter((e) => e.action === AUDIT_ACTIONS.accessDecision).map((e) => [e.actor, e.target, e.outcome])).toEqual([
      [chan.id, doc.id, 'success'],
      [wong.id, doc.id, 'denied'],
    ]);
  });
});
