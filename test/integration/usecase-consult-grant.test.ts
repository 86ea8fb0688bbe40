import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { grantConsultAccess, type ConsultGrantDeps } from '../../src/usecases/referrals/consult-grant.js';
import { HOUR, sharingFixture, shareReport, type SharingFixture } from '../helpers/sharing-fixture.js';

describe('use case: consult grant (case-level, time-boxed)', () => {
  let f: SharingFixture;
  let deps: ConsultGrantDeps;
  beforeEach(() => {
    f = sharingFixture();
    deps = { grants: f.grants, clock: f.clock };
  });
  afterEach(() => f.cleanup());

  it('When granted, then every document of the case (also one shared later) is covered until it ends, and it is audited', async () => {
    const start = f.clock.now();
    const before = await shareReport(f, 'case-1');
    const out = await grantConsultAccess(deps, { caseId: 'case-1', clinicianId: 'dr-ng', grantedBy: 'dr-ng', minutes: 72 * 60, reason: 'referral' });
    expect(out).toMatchObject({ created: true, expiresAt: start + 72 * HOUR });
    const after = await shareReport(f, 'case-1');
    for (const d of [before, after]) {
      expect(await f.grants.activeGrantFor('dr-ng', d.id, 'case-1')).toEqual({ hasGrant: false, hasBreakGlass: false, hasConsult: true, expiresAt: start + 72 * HOUR });
    }
    expect((await f.grants.activeGrantFor('dr-ng', before.id, 'case-other')).hasConsult).toBe(false);
    expect((await f.grants.activeGrantFor('dr-other', before.id, 'case-1')).hasConsult).toBe(false);
    expect(f.audited(AUDIT_ACTIONS.grantCreated)).toMatchObject([{ actor: 'dr-ng', target: 'case-1', outcome: 'success', reason: 'consult_referral' }]);
    expect((await f.grants.find(out.grantId))).toMatchObject({ kind: 'consult', documentId: null });

    f.clock.advance(72 * HOUR);
    expect((await f.grants.activeGrantFor('dr-ng', before.id, 'case-1')).hasConsult).toBe(false);
  });

  it('When a live consult grant already lasts as long, then it is kept; a longer one is added', async () => {
    const first = await grantConsultAccess(deps, { caseId: 'case-1', clinicianId: 'dr-ng', grantedBy: 'dr-chan', minutes: 120, reason: 'mdt' });
    const again = await grantConsultAccess(deps, { caseId: 'case-1', clinicianId: 'dr-ng', grantedBy: 'dr-chan', minutes: 60, reason: 'mdt' });
    expect(again).toEqual({ grantId: first.grantId, expiresAt: first.expiresAt, created: false });
    const longer = await grantConsultAccess(deps, { caseId: 'case-1', clinicianId: 'dr-ng', grantedBy: 'dr-chan', minutes: 240, reason: 'mdt' });
    expect(longer.created).toBe(true);
    expect(f.audited(AUDIT_ACTIONS.grantCreated).map((e) => e.reason)).toEqual(['consult_mdt', 'consult_mdt']);
  });

  it('When the duration is out of range, then it is refused and nothing is granted', async () => {
    for (const minutes of [0, -5, 1.5, 15 * 24 * 60]) {
      await expect(grantConsultAccess(deps, { caseId: 'case-1', clinicianId: 'dr-ng', grantedBy: 'x', minutes, reason: 'mdt' })).rejects.toMatchObject({ code: 'request.invalid' });
    }
    expect(await f.grants.liveOnCase('case-1')).toEqual([]);
  });
});
