import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicianRole } from '../../src/domain/directory/directory-tables.js';
import type { Actor } from '../../src/domain/directory/directory-service.js';
import type { CaseForm } from '../../src/domain/cases/case-form.js';
import type { CareRole } from '../../src/domain/cases/cases-tables.js';
import { loadPolicies } from '../../src/domain/access/policy-loader.js';
import { POLICY_DIR } from '../../src/domain/access/policy-dir.js';
import { seededClinician, seededInstitution } from '../helpers/directory-seed.js';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';

/**
 * Every user × every document of a small seeded org, through the real service wiring (real policy
 * engine, case, approval, grant and break-glass services on a real SQLite file), compared with a
 * table written out by hand from the baseline rules:
 *  (a) attending/consulting on the case now, or an unexpired approved grant for that document, or
 *      active break-glass on the case;
 *  (b) verified and not suspended;
 *  (c) patient consent for the viewer's institution (public institutions count as consented), or the
 *      viewer's institution wrote the document;
 *  (d) a restricted category needs the patient's recorded restricted consent;
 *  and admins, auditors and privacy officers never decrypt.
 * The expectation is deliberately NOT computed: it is the literal table below.
 */

const HOUR = 3_600_000;

// Demo clinicians (src/sandbox/demo-org.ts): QMH is public, HPH is private.
const CHAN = 'qmh-chan-taiman'; // QMH doctor
const LAM = 'qmh-lam-kaming'; // QMH doctor
const HO = 'qmh-ho-wingyee'; // QMH doctor
const CHEUNG = 'qmh-cheung-meiwah'; // QMH nurse
const WONG = 'hph-wong-siuming'; // HPH doctor
const LEE = 'hph-lee-meiling'; // HPH doctor, NOT verified
const LI = 'qmh-li-siufan'; // QMH privacy officer
// Added here for roles the demo lacks.
const ADMIN = 'x-qmh-admin'; // QMH admin
const AUDITOR = 'x-qmh-auditor'; // QMH auditor
const SUSP = 'x-qmh-suspended'; // QMH doctor, verified but suspended
const PHARM = 'x-hph-pharmacist'; // HPH pharmacist
const NOINST = 'x-no-institution'; // doctor, verified, but no institution on file

const USERS = [CHAN, LAM, HO, CHEUNG, WONG, LEE, LI, ADMIN, AUDITOR, SUSP, PHARM, NOINST] as const;
type User = (typeof USERS)[number];

/*
 * The org:
 *  Case A (opened by CHAN): HPH consent GRANTED, restricted consent for mental_health recorded.
 *    team: CHAN attending, LAM consulting, WONG consulting, LEE consulting, SUSP consulting,
 *          ADMIN consulting, PHARM referring, CHEUNG observer
 *  Case B (opened by WONG): HPH consent WITHDRAWN, restricted consent for mental_health recorded.
 *    team: WONG attending, CHAN consulting, PHARM consulting, LAM referring
 *  Case C (opened by HO): NO HPH consent, no restricted consent.
 *    team: HO attending, WONG consulting, CHEUNG consulting, NOINST consulting
 *
 *  D1 case A, by CHAN (QMH)
 *  D2 case A, by WONG (HPH), restricted mental_health (consent recorded)
 *  D3 case B, by CHAN (QMH)
 *  D4 case B, by WONG (HPH), restricted hiv (only mental_health is recorded)
 *  D5 case C, by HO (QMH)
 *  D6 case C, by WONG (HPH)
 *  D7 case C, by NOINST (no institution: it matches no institution, not even another "none")
 *
 *  Grants: LAM→D5 approved by HO, then 73 h pass (EXPIRED); HO→D1 approved by CHAN;
 *          AUDITOR→D1 approved by CHAN; PHARM→D6 approved by HO. Break-glass: HO on case B.
 */
const DOCS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7'] as const;
type Doc = (typeof DOCS)[number];

const Y = true;
const N = false;
// prettier-ignore
const EXPECTED: Record<User, Record<Doc, boolean>> = {
  [CHAN]:    { D1: Y, D2: Y, D3: Y, D4: N, D5: N, D6: N, D7: N }, // A attending, B consulting; D4 hiv not consented; not on C
  [LAM]:     { D1: Y, D2: Y, D3: N, D4: N, D5: N, D6: N, D7: N }, // A consulting; B referring; D5 grant expired
  [HO]:      { D1: Y, D2: N, D3: Y, D4: N, D5: Y, D6: Y, D7: Y }, // grant D1 only; break-glass B (D4 restricted); C attending
  [CHEUNG]:  { D1: N, D2: N, D3: N, D4: N, D5: Y, D6: Y, D7: Y }, // A observer; C consulting (nurse)
  [WONG]:    { D1: Y, D2: Y, D3: N, D4: N, D5: N, D6: Y, D7: N }, // A consented; B withdrawn, D3 by QMH; C no consent, D6 by HPH
  [LEE]:     { D1: N, D2: N, D3: N, D4: N, D5: N, D6: N, D7: N }, // unverified
  [LI]:      { D1: N, D2: N, D3: N, D4: N, D5: N, D6: N, D7: N }, // privacy officer
  [ADMIN]:   { D1: N, D2: N, D3: N, D4: N, D5: N, D6: N, D7: N }, // admin, even as consulting on A
  [AUDITOR]: { D1: N, D2: N, D3: N, D4: N, D5: N, D6: N, D7: N }, // auditor, even with an approved grant on D1
  [SUSP]:    { D1: N, D2: N, D3: N, D4: N, D5: N, D6: N, D7: N }, // suspended, even as consulting on A
  [PHARM]:   { D1: N, D2: N, D3: N, D4: N, D5: N, D6: Y, D7: N }, // A referring; B withdrawn; grant on D6 written by HPH
  [NOINST]:  { D1: N, D2: N, D3: N, D4: N, D5: N, D6: N, D7: N }, // C consulting, but no institution has consent or authorship
};

const EXTRA: Array<{ userId: string; role: ClinicianRole; institution: string | null; suspended?: boolean }> = [
  { userId: ADMIN, role: 'admin', institution: 'QMH' },
  { userId: AUDITOR, role: 'auditor', institution: 'QMH' },
  { userId: SUSP, role: 'doctor', institution: 'QMH', suspended: true },
  { userId: PHARM, role: 'pharmacist', institution: 'HPH' },
  { userId: NOINST, role: 'doctor', institution: null },
];

// Both engines the service can run: schema-checked (tests' default, policies loaded in-process) and the
// production one (policies validated at start, requests trimmed to what the policies read, answers
// remembered where that is exact), which is what main.ts wires.
describe.each([
  { mode: 'schema-checked engine', production: false },
  { mode: 'production engine (pruned, memoised)', production: true },
])('cross-access matrix over a seeded org — $mode', ({ production }) => {
  let h: Harness;
  const clock = new ManualClock(Date.now());
  const docs = {} as Record<Doc, string>;
  let lamBeforeExpiry: boolean | undefined;

  // Synchronous reads: the matrix builds actors inline (as DirectoryService.toActor does).
  const row = (userId: string) => {
    const r = seededClinician(h.service.db.db, userId);
    if (!r) throw new Error(`no directory entry for ${userId}`);
    return r;
  };
  const actor = (userId: string): Actor => {
    const c = row(userId);
    const inst = c.institutionId ? seededInstitution(h.service.db.db, c.institutionId) : undefined;
    return { clinician: c, institutionName: inst ? { en: inst.nameEn, zh: inst.nameZh } : undefined, trusted: c.verified && !c.suspended };
  };

  async function openCase(opener: string, group: string, hkid: string, consents: CaseForm['consents'], restrictedConsents: CaseForm['restrictedConsents'] = []) {
    const cases = h.service.secure.cases;
    const { intentId } = await cases.open.startCaseOpen(actor(opener), group);
    const out = await cases.open.submitCaseForm({ intentId }, row(opener).id, { hkid, nameEn: 'TEST Patient', dateOfBirth: '1950-01-02', consents, restrictedConsents });
    if (!out.created) throw new Error('case existed');
    return { code: out.caseCode, id: (await cases.queries.findCase(out.caseCode)).id };
  }

  async function team(attending: string, code: string, group: string, members: Array<[string, CareRole]>) {
    for (const [userId, role] of members) await h.service.secure.cases.team.addMember(actor(attending), code, userId, role, group);
  }

  async function share(caseId: string, author: string, restrictedCategory: string | null = null) {
    const a = row(author);
    const input = { caseId, authorId: a.id, authorInstitutionId: a.institutionId, restrictedCategory, mediaType: 'application/pdf', size: 1234 };
    return (await h.service.secure.sharing.registerDocument({ ...input, kind: 'report' })).id;
  }

  async function approvedGrant(requester: string, doc: Doc, approver: string) {
    const { approvals } = h.service.secure;
    const req = await approvals.requestAccess({ documentId: docs[doc], requesterId: row(requester).id, reasonCode: 'continuing_care' });
    const out = await approvals.decide({ requestId: req.requestId, deciderId: row(approver).id, decision: 'approve' });
    if (out.status !== 'approved') throw new Error(`request not approved: ${out.status}`);
  }

  const allowed = async (userId: string, doc: Doc) => (await h.service.secure.access.decideView(row(userId), docs[doc])).decision.allowed;

  beforeAll(async () => {
    h = await startHarness({ clock, service: production ? { policies: loadPolicies(POLICY_DIR) } : {} });
    for (const x of EXTRA) {
      const entry = { dingtalkUserId: x.userId, displayName: x.userId, institutionId: x.institution, role: x.role };
      await h.service.directoryRepo.insert({ ...entry, verified: true, verifiedAt: clock.now(), suspended: x.suspended ?? false }, clock.now());
    }

    const caseA = await openCase(CHAN, 'cid-cross-a', 'A123456(3)', [{ institutionCode: 'HPH', status: 'granted' }], [
      { category: 'mental_health', reference: 'form MH-1' },
    ]);
    const caseB = await openCase(WONG, 'cid-cross-b', 'B234567(1)', [{ institutionCode: 'HPH', status: 'withdrawn' }], [
      { category: 'mental_health', reference: 'form MH-2' },
    ]);
    const caseC = await openCase(HO, 'cid-cross-c', 'C345678(A)', []);
    await team(CHAN, caseA.code, 'cid-cross-a', [
      [LAM, 'consulting'], [WONG, 'consulting'], [LEE, 'consulting'], [SUSP, 'consulting'],
      [ADMIN, 'consulting'], [PHARM, 'referring'], [CHEUNG, 'observer'],
    ]);
    await team(WONG, caseB.code, 'cid-cross-b', [[CHAN, 'consulting'], [PHARM, 'consulting'], [LAM, 'referring']]);
    await team(HO, caseC.code, 'cid-cross-c', [[WONG, 'consulting'], [CHEUNG, 'consulting'], [NOINST, 'consulting']]);

    docs.D1 = await share(caseA.id, CHAN);
    docs.D2 = await share(caseA.id, WONG, 'mental_health');
    docs.D3 = await share(caseB.id, CHAN);
    docs.D4 = await share(caseB.id, WONG, 'hiv');
    docs.D5 = await share(caseC.id, HO);
    docs.D6 = await share(caseC.id, WONG);
    docs.D7 = await share(caseC.id, NOINST);

    // The grant that will expire: live at first (checked in a test below), then 73 h pass.
    await approvedGrant(LAM, 'D5', HO);
    lamBeforeExpiry = await allowed(LAM, 'D5');
    clock.advance(73 * HOUR);

    await approvedGrant(HO, 'D1', CHAN);
    // An approval the policy would still refuse (an auditor never opens content) grants nothing at all.
    await expect(approvedGrant(AUDITOR, 'D1', CHAN)).rejects.toThrow(expect.objectContaining({ code: 'approval.would_not_open', details: { missing: ['clinical_role'] } }));
    await approvedGrant(PHARM, 'D6', HO);
    await h.service.secure.breakGlass.breakGlass({ caseId: caseB.id, clinicianId: row(HO).id, reason: 'patient collapsed in A&E, need history' });
  }, 30_000);

  afterAll(async () => {
    await h?.close();
  });

  it('When the approved grant was fresh, then it opened its document (so its expiry below is what denies)', async () => {
    expect(lamBeforeExpiry).toBe(true);
  });

  it('When every user asks to open every document, then each answer matches the hand-written table', async () => {
    const mismatches: string[] = [];
    for (const user of USERS) {
      for (const doc of DOCS) {
        const got = await allowed(user, doc);
        if (got !== EXPECTED[user][doc]) mismatches.push(`${user} × ${doc}: expected ${EXPECTED[user][doc] ? 'allow' : 'deny'}, got ${got ? 'allow' : 'deny'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.runIf(production)('When the production engine decides the matrix, then some answers came from its memo (so the table above checked them too)', async () => {
    for (const user of USERS) for (const doc of DOCS) await allowed(user, doc);
    expect(h.service.secure.engine.memoStats().hits).toBeGreaterThan(0);
  });

  it('When a pair is decided, then the deciding policy is the one the rules name (permits on allow, forbids on deny)', async () => {
    const why = async (user: string, doc: Doc) => (await h.service.secure.access.decideView(row(user), docs[doc])).decision.policies;
    const cases: Array<[User, Doc, string]> = [
      [CHAN, 'D1', 'view-care-team'], [HO, 'D1', 'view-approved-grant'], [HO, 'D3', 'view-break-glass'],
      [PHARM, 'D6', 'view-approved-grant'], [WONG, 'D6', 'view-care-team'],
      [SUSP, 'D1', 'forbid-suspended'], [LEE, 'D1', 'forbid-unverified'], [ADMIN, 'D1', 'forbid-content-non-clinical'],
      [AUDITOR, 'D1', 'forbid-content-non-clinical'], [WONG, 'D3', 'forbid-view-without-consent'],
      [NOINST, 'D7', 'forbid-view-without-consent'], [CHAN, 'D4', 'forbid-view-restricted-without-extra-consent'],
      [HO, 'D4', 'forbid-view-restricted-without-extra-consent'],
    ];
    for (const [user, doc, policy] of cases) expect(await why(user, doc), `${user} × ${doc}`).toContain(policy);
  });
});
