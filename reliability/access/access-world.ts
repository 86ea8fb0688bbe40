import { makePdf } from '../../test/fixtures/make-pdf.js';
import { seededClinician, seededInstitution } from '../../test/helpers/directory-seed.js';
import type { World } from '../world.js';
import { BREAK_GLASS_TTL_MS, GRANT_TTL_MS, grantCounts, type CareRole, type MCase, type Model, type MUser } from './oracle.js';
import { testHkid, type Rng } from './rng.js';

type Spec = Omit<MUser, 'id' | 'suspended'> & { suspended?: boolean; demo?: boolean };

/** The demo org's people (src/sandbox/demo-org.ts; QMH is public, HPH private) and a few added for roles the demo lacks. */
const PEOPLE: Spec[] = [
  { userId: 'qmh-chan-taiman', role: 'doctor', institution: 'QMH', verified: true, demo: true },
  { userId: 'qmh-lam-kaming', role: 'doctor', institution: 'QMH', verified: true, demo: true },
  { userId: 'qmh-ho-wingyee', role: 'doctor', institution: 'QMH', verified: true, demo: true },
  { userId: 'qmh-cheung-meiwah', role: 'nurse', institution: 'QMH', verified: true, demo: true },
  { userId: 'hph-wong-siuming', role: 'doctor', institution: 'HPH', verified: true, demo: true },
  { userId: 'hph-lee-meiling', role: 'doctor', institution: 'HPH', verified: false, demo: true },
  { userId: 'qmh-li-siufan', role: 'privacy_officer', institution: 'QMH', verified: true, demo: true },
  { userId: 'qmh-cb-admin', role: 'admin', institution: 'QMH', verified: true, demo: true },
  { userId: 'r6-auditor', role: 'auditor', institution: 'QMH', verified: true },
  { userId: 'r6-hph-doctor', role: 'doctor', institution: 'HPH', verified: true },
  { userId: 'r6-hph-pharmacist', role: 'pharmacist', institution: 'HPH', verified: true },
  { userId: 'r6-hph-nurse', role: 'nurse', institution: 'HPH', verified: true },
  { userId: 'r6-no-institution', role: 'doctor', institution: null, verified: true },
  { userId: 'r6-suspended', role: 'doctor', institution: 'QMH', verified: true, suspended: true },
];
export const OFFICER = 'qmh-li-siufan';
const CATEGORIES = ['mental_health', 'hiv'] as const;
const HOUR = 3_600_000;

/** Everything the attempts need: the model the oracle reads, and ways to change the world and the model together. */
export interface AccessWorld {
  model: Model;
  users: string[];
  events: WorldEvents;
}

export interface WorldEvents {
  approveGrant(userId: string, documentId: string): Promise<boolean>;
  breakGlass(userId: string, caseCode: string): Promise<boolean>;
  revokeSomeGrant(r: Rng): Promise<void>;
  removeSomeone(r: Rng): Promise<void>;
  removeMember(caseCode: string, userId: string): Promise<void>;
  setSuspended(userId: string, suspended: boolean): Promise<void>;
  advance(ms: number): void;
}

const clinical = (u: MUser) => ['doctor', 'nurse', 'pharmacist'].includes(u.role);

export async function buildAccessWorld(w: World, r: Rng, o: { cases: number; docsPerCase: number }): Promise<AccessWorld> {
  const { h, clock } = w;
  const svc = h.service;
  const model: Model = { users: new Map(), cases: new Map(), docs: new Map(), grants: [], breakGlass: [], publicInstitutions: new Set(['QMH']), seq: 0 };
  for (const p of PEOPLE) {
    if (!p.demo) w.addPerson({ ...p, suspended: false });
    const id = w.clinicianId(p.userId);
    model.users.set(p.userId, { userId: p.userId, role: p.role, institution: p.institution, verified: p.verified, suspended: false, id });
  }
  const users = [...model.users.keys()];
  // Synchronous reads: the oracle's steps build actors inline (as DirectoryService.toActor does).
  const row = (userId: string) => seededClinician(svc.db.db, userId)!;
  const actor = (userId: string) => {
    const c = row(userId);
    const inst = c.institutionId ? seededInstitution(svc.db.db, c.institutionId) : undefined;
    return { clinician: c, institutionName: inst ? { en: inst.nameEn, zh: inst.nameZh } : undefined, trusted: c.verified && !c.suspended };
  };
  const doctors = () => users.filter((u) => { const m = model.users.get(u)!; return m.role === 'doctor' && m.verified && !m.suspended && m.institution; });
  const pdf = await makePdf({ pages: 1, text: 'R6 report' });

  const events: WorldEvents = {
    async approveGrant(userId, documentId) {
      const d = model.docs.get(documentId)!;
      const c = model.cases.get(d.caseCode)!;
      try {
        const { approvals } = svc.secure;
        const { requestId } = await approvals.requestAccess({ documentId, requesterId: model.users.get(userId)!.id, reasonCode: 'continuing_care' });
        const deciders = [...[...c.team].filter(([, role]) => role === 'attending').map(([u]) => u), OFFICER];
        for (const decider of deciders) {
          if ((await approvals.get(requestId)).status !== 'pending' || decider === userId) continue;
          try {
            await approvals.decide({ requestId, deciderId: model.users.get(decider)!.id, decision: 'approve' });
          } catch {
            // not this decider's step
          }
        }
        const req = await approvals.get(requestId);
        if (req.status !== 'approved' || !req.grantId || model.grants.some((g) => g.id === req.grantId)) return false;
        model.grants.push({ id: req.grantId, userId, documentId, approvedSeq: ++model.seq, expiresAt: clock.now() + GRANT_TTL_MS, revoked: false });
        return true;
      } catch {
        return false;
      }
    },
    async breakGlass(userId, caseCode) {
      const c = model.cases.get(caseCode)!;
      try {
        await svc.secure.breakGlass.breakGlass({ caseId: c.id, clinicianId: model.users.get(userId)!.id, reason: 'patient collapsed in A&E, need history now' });
        model.breakGlass.push({ userId, caseCode, openedSeq: ++model.seq, expiresAt: clock.now() + BREAK_GLASS_TTL_MS });
        return true;
      } catch {
        return false;
      }
    },
    async revokeSomeGrant(rr) {
      // Grants the model still counts (not revoked, not expired, not ended by a removal from the team).
      const live = model.grants.filter((g) => grantCounts(model, g, clock.now()));
      if (!live.length) return;
      const g = rr.pick(live);
      try {
        await svc.secure.grants.revoke(g.id, model.users.get(OFFICER)!.id);
      } catch {
        return; // refused: the model keeps the grant, and the attempts will show any disagreement
      }
      g.revoked = true;
    },
    async removeSomeone(rr) {
      const candidates = [...model.cases.values()].flatMap((c) => [...c.team].filter(([, role]) => role !== 'attending').map(([u]) => [c, u] as const));
      if (!candidates.length) return;
      const [c, u] = rr.pick(candidates);
      await events.removeMember(c.code, u);
    },
    async removeMember(code, u) {
      const c = model.cases.get(code)!;
      const attending = [...c.team].find(([, role]) => role === 'attending')![0];
      try {
        await svc.secure.cases.team.removeMember(actor(attending), c.code, u);
      } catch {
        return; // the attending may not manage now (suspended, say): nothing changed
      }
      c.team.delete(u);
      c.removedSeq.set(u, ++model.seq);
    },
    async setSuspended(userId, suspended) {
      await svc.directoryRepo.update(model.users.get(userId)!.id, { suspended }, clock.now());
      model.users.get(userId)!.suspended = suspended;
    },
    advance(ms) {
      clock.advance(ms);
    },
  };

  for (let i = 0; i < o.cases; i++) {
    const opener = r.pick(doctors());
    const group = `cid-r6-case-${i}`;
    // Cycled rather than drawn, so even a small world has every consent situation the rules name.
    const hph = (['granted', 'withdrawn', 'none'] as const)[i % 3]!;
    const restricted = i % 2 === 0 ? CATEGORIES.filter(() => r.chance(0.5)) : [];
    const cases = svc.secure.cases;
    const { intentId } = await cases.open.startCaseOpen(actor(opener), group);
    const consents = hph === 'none' ? [{ institutionCode: 'QMH', status: 'granted' as const }] : [{ institutionCode: 'HPH', status: hph }];
    const out = await cases.open.submitCaseForm({ intentId }, model.users.get(opener)!.id, {
      hkid: testHkid(i + 1), nameEn: 'TEST Patient', dateOfBirth: '1950-01-02', consents,
      restrictedConsents: restricted.map((category) => ({ category, reference: 'form R6' })),
    });
    if (!out.created) throw new Error('R6: case existed');
    const c: MCase = { code: out.caseCode, id: (await cases.queries.findCase(out.caseCode)).id, consent: new Map(), restrictedConsent: new Set(restricted), team: new Map([[opener, 'attending']]), removedSeq: new Map() };
    if (hph !== 'none') c.consent.set('HPH', hph);
    model.cases.set(c.code, c);
    for (const u of users) {
      if (u === opener || !r.chance(0.45)) continue;
      const role = r.pick(['consulting', 'consulting', 'referring', 'observer'] as const satisfies readonly CareRole[]);
      try {
        await cases.team.addMember(actor(opener), c.code, u, role, group);
        c.team.set(u, role);
      } catch {
        // the service refused this member (e.g. not verified): not on the team
      }
    }
    const authors = [...c.team].filter(([u, role]) => (role === 'attending' || role === 'consulting') && clinical(model.users.get(u)!) && model.users.get(u)!.verified).map(([u]) => u);
    for (let k = 0; k < o.docsPerCase; k++) {
      const author = r.pick(authors);
      const restrictedCat = k === 1 || r.chance(0.2) ? r.pick(CATEGORIES) : null;
      const res = await w.asUser(author, { method: 'POST', url: `/api/app/cases/${c.code}/reports${restrictedCat ? `?restricted=${restrictedCat}` : ''}`, headers: { 'content-type': 'application/pdf' }, payload: pdf });
      if (res.statusCode !== 201) throw new Error(`R6: upload by ${author} refused: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const id = (res.json() as { documentId: string }).documentId;
      model.docs.set(id, { id, caseCode: c.code, authorInstitution: model.users.get(author)!.institution, restricted: restrictedCat });
    }
  }
  // Grants and break-glass that will run out, then 73 hours, then live ones.
  const docIds = [...model.docs.keys()];
  const someone = () => r.pick(users.filter((u) => clinical(model.users.get(u)!)));
  for (let i = 0; i < o.cases * 2; i++) await events.approveGrant(someone(), r.pick(docIds));
  for (let i = 0; i < 2; i++) await events.breakGlass(r.pick(doctors()), r.pick([...model.cases.keys()]));
  events.advance(73 * HOUR);
  for (let i = 0; i < o.cases * 3; i++) await events.approveGrant(someone(), r.pick(docIds));
  for (let i = 0; i < 2; i++) await events.breakGlass(r.pick(doctors()), r.pick([...model.cases.keys()]));
  await events.revokeSomeGrant(r);
  // Issue 9: a referring doctor or observer who holds a grant on the case, then is removed from its team.
  for (const c of model.cases.values()) {
    const holder = [...c.team].find(([u, role]) => (role === 'referring' || role === 'observer') && clinical(model.users.get(u)!));
    const doc = [...model.docs.values()].find((d) => d.caseCode === c.code);
    if (!holder || !doc || !(await events.approveGrant(holder[0], doc.id))) continue;
    await events.removeMember(c.code, holder[0]);
  }
  await events.removeSomeone(r);
  await events.setSuspended('r6-suspended', true);
  return { model, users, events };
}
