import { beforeAll, describe, expect, it } from 'vitest';
import { createCaseAuthorizer } from '../../src/domain/access/case-authorizer.js';
import { loadPolicyEngine } from '../../src/domain/access/policy-engine.js';
import type { Authorize, CaseFacts } from '../../src/domain/cases/authorize-port.js';
import type { Actor } from '../../src/domain/directory/directory-service.js';
import { POLICY_DIR } from './access-fixtures.js';

function actor(over: Partial<Actor['clinician']> = {}): Actor {
  const clinician: Actor['clinician'] = {
    id: 'c-1', dingtalkUserId: 'dt-1', nameEn: null, nameZh: null, displayName: 'Dr A', title: null, department: null,
    institutionId: 'QMH', role: 'doctor', specialty: null, registrationNo: 'M12345', verified: true, verifiedBy: 'admin',
    verifiedAt: 1, suspended: false, language: 'en', createdAt: 1, updatedAt: 1, ...over,
  };
  return { clinician, trusted: clinician.verified && !clinician.suspended };
}

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 'case-uuid', caseCode: 'C-7KQ2M', careRole: 'attending', institutionIds: ['QMH'], closed: false, patientConsentsToInstitution: true, ...over,
});

describe('the cases Authorize port backed by the policy engine', () => {
  let authorize: Authorize;
  beforeAll(() => {
    authorize = createCaseAuthorizer(loadPolicyEngine(POLICY_DIR));
  });

  it('lets the attending manage the case, naming the policy', async () => {
    expect(await authorize(actor(), 'manageCase', facts())).toEqual({ allowed: true, policies: ['manage-case-attending'] });
  });

  it('refuses a consultant managing the case, and a suspended attending', async () => {
    expect((await authorize(actor(), 'manageCase', facts({ careRole: 'consulting' }))).allowed).toBe(false);
    expect(await authorize(actor({ suspended: true }), 'manageCase', facts())).toEqual({ allowed: false, policies: ['forbid-suspended'] });
  });

  it('refuses sharing into or asking for access on a closed case by policy alone; the attending may still manage (re-open) it', async () => {
    expect(await authorize(actor(), 'share', facts({ closed: true }))).toEqual({ allowed: false, policies: ['forbid-closed-case'] });
    expect(await authorize(actor({ role: 'nurse' }), 'requestAccess', facts({ careRole: '', closed: true }))).toEqual({ allowed: false, policies: ['forbid-closed-case'] });
    expect(await authorize(actor(), 'manageCase', facts({ closed: true }))).toEqual({ allowed: true, policies: ['manage-case-attending'] });
    // Re-opened: the same facts with closed false are allowed again.
    expect(await authorize(actor(), 'share', facts({ closed: false }))).toEqual({ allowed: true, policies: ['share-care-team'] });
    expect(await authorize(actor({ role: 'nurse' }), 'requestAccess', facts({ careRole: '', closed: false }))).toEqual({ allowed: true, policies: ['request-access-clinical-staff'] });
  });

  it('treats a user without institution or role as matching nothing', async () => {
    expect((await authorize(actor({ institutionId: null, role: null }), 'share', facts())).allowed).toBe(false);
  });

  it('denies decideRequest (no step through this port) and actions that are not about cases', async () => {
    expect((await authorize(actor(), 'decideRequest', facts())).allowed).toBe(false);
    expect((await authorize(actor(), 'view', facts())).allowed).toBe(false);
  });
});
