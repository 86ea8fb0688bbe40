import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicianRow } from '../../src/domain/directory/directory-repository.js';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { breakGlass, type BreakGlassDeps, type BreakGlassNotice } from '../../src/usecases/breakglass/break-glass.js';
import { HOUR, sharingFixture, type SharingFixture } from '../helpers/sharing-fixture.js';

const REASON = 'patient unconscious, need allergy history';
const CASE = { id: 'case-9', code: 'C-9PX4A' };
const person = (id: string) => ({ id, dingtalkUserId: `dt-${id}`, role: 'doctor', verified: true, suspended: false }) as ClinicianRow;

describe('use case: break-glass', () => {
  let f: SharingFixture;
  let told: BreakGlassNotice[];
  let deps: BreakGlassDeps;
  const ng = person('dr-ng');
  beforeEach(() => {
    f = sharingFixture();
    told = [];
    const known = new Map(['dr-chan', 'po-lee', 'dr-ng'].map((id) => [id, person(id)]));
    deps = {
      breakGlass: f.breakGlass,
      settings: f.settings,
      directory: { findById: async (id) => known.get(id) },
      audit: f.audit,
      notices: { tellOverseer: async (n) => void told.push(n) },
    };
  });
  afterEach(() => f.cleanup());

  it('When the reason is too short, then it answers with the minimum, audits the refusal, and grants nothing', async () => {
    expect(await breakGlass(deps, ng, CASE, '  urgent!  ')).toEqual({ kind: 'reason_too_short', minLength: 10 });
    expect(f.audited(AUDIT_ACTIONS.breakglassGranted)).toMatchObject([{ actor: 'dr-ng', target: 'case-9', outcome: 'denied', reason: 'reason_too_short' }]);
    expect((await f.grants.activeGrantFor('dr-ng', 'any-doc', 'case-9')).hasBreakGlass).toBe(false);
    expect(told).toEqual([]);
  });

  it('When allowed, then the case is open for 4 h and each attending and privacy officer is told, without the reason', async () => {
    const start = f.clock.now();
    const out = await breakGlass(deps, ng, CASE, `  ${REASON} `);
    expect(out).toMatchObject({ kind: 'granted', expiresAt: start + 4 * HOUR, attendingIds: ['dr-chan'] });
    expect((await f.grants.activeGrantFor('dr-ng', 'any-doc', 'case-9')).hasBreakGlass).toBe(true);
    const [review] = await f.breakGlass.pendingReviews();
    expect(review).toMatchObject({ clinicianId: 'dr-ng', reason: REASON });
    expect(told.map((n) => [n.overseer.id, n.by.id, n.caseCode, n.expiresAt])).toEqual([
      ['dr-chan', 'dr-ng', 'C-9PX4A', start + 4 * HOUR],
      ['po-lee', 'dr-ng', 'C-9PX4A', start + 4 * HOUR],
    ]);
    expect(told.every((n) => out.kind === 'granted' && n.grantId === out.grantId)).toBe(true);
    expect(JSON.stringify([told, f.audit.entries])).not.toContain('unconscious');
  });

  it('When the clinician is also a privacy officer, or an overseer is not in the directory, then they are not told', async () => {
    f.approvers.privacy_officer = ['dr-ng', 'po-gone'];
    await breakGlass(deps, ng, CASE, REASON);
    expect(told.map((n) => n.overseer.id)).toEqual(['dr-chan']);
  });

  it('When the policy refuses, then access.denied and no one is told', async () => {
    f.policy.decide = () => ({ allowed: false, policies: ['not_verified'] });
    await expect(breakGlass(deps, ng, CASE, REASON)).rejects.toMatchObject({ code: 'access.denied' });
    expect(told).toEqual([]);
  });
});
