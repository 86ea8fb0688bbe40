/**
 * The R6 oracle: who may open a document, and who may see a case, now — written out from the README
 * ("Access policy") and the comments in config/policies/*.cedar, over a model of what the scenario
 * did (who is on which team, which grants were approved, revoked or outlived, who was removed or
 * suspended). It imports nothing from the service, least of all src/domain/access, so a bug there
 * cannot agree with itself. README "Access ends when it should": when someone's place on a care team
 * ends, their live grants on that case (approval and break-glass) are revoked.
 */
export type CareRole = 'attending' | 'consulting' | 'referring' | 'observer';

export interface MUser {
  userId: string;
  id: string;
  role: 'doctor' | 'nurse' | 'pharmacist' | 'admin' | 'privacy_officer' | 'auditor';
  institution: string | null;
  verified: boolean;
  suspended: boolean;
}

export interface MCase {
  code: string;
  id: string;
  /** Sharing consent per private institution (public ones count as consented, as in eHRSS). */
  consent: Map<string, 'granted' | 'withdrawn'>;
  /** Restricted categories with the patient's recorded extra consent. */
  restrictedConsent: Set<string>;
  /** Current care-team roles by userId. */
  team: Map<string, CareRole>;
  /** When (model.seq) each userId was last removed from the team. */
  removedSeq: Map<string, number>;
}

export interface MDoc {
  id: string;
  caseCode: string;
  authorInstitution: string | null;
  restricted: string | null;
}

export interface MGrant {
  id: string;
  userId: string;
  documentId: string;
  /** model.seq at approval: order, not clock time (a removal and an approval may share a millisecond). */
  approvedSeq: number;
  expiresAt: number;
  revoked: boolean;
}

export interface MBreakGlass {
  userId: string;
  caseCode: string;
  openedSeq: number;
  expiresAt: number;
}

export interface Model {
  users: Map<string, MUser>;
  cases: Map<string, MCase>;
  docs: Map<string, MDoc>;
  grants: MGrant[];
  breakGlass: MBreakGlass[];
  publicInstitutions: Set<string>;
  /** Counts the world's changes, to order grants and removals. */
  seq: number;
}

/** README: approved grants last 72 h; break-glass 4 h; view tokens a few minutes (10). */
export const GRANT_TTL_MS = 72 * 3_600_000;
export const BREAK_GLASS_TTL_MS = 4 * 3_600_000;
export const VIEW_TOKEN_TTL_MS = 10 * 60_000;

const CLINICAL = new Set(['doctor', 'nurse', 'pharmacist']);

/** "Verified and not suspended": nothing at all otherwise (00-guards.cedar). */
export function active(u: MUser | undefined): u is MUser {
  return !!u && u.verified && !u.suspended;
}

/** True when `userId` was removed from the case's team after `seq` (which ends what they held then). */
export function endedByRemoval(m: Model, caseCode: string, userId: string, seq: number): boolean {
  const removed = m.cases.get(caseCode)!.removedSeq.get(userId);
  return removed !== undefined && removed > seq;
}

export function grantCounts(m: Model, g: MGrant, now: number): boolean {
  return !g.revoked && now < g.expiresAt && !endedByRemoval(m, m.docs.get(g.documentId)!.caseCode, g.userId, g.approvedSeq);
}

function liveGrant(m: Model, u: MUser, d: MDoc, now: number): boolean {
  return m.grants.some((g) => g.userId === u.userId && g.documentId === d.id && grantCounts(m, g, now));
}

function liveBreakGlass(m: Model, u: MUser, caseCode: string, now: number): boolean {
  return m.breakGlass.some((b) => b.userId === u.userId && b.caseCode === caseCode && now < b.expiresAt && !endedByRemoval(m, caseCode, u.userId, b.openedSeq));
}

/** May `userId` open (decrypt) document `documentId` at `now`? Unknown documents: no. */
export function mayOpen(m: Model, userId: string, documentId: string, now: number): boolean {
  const u = m.users.get(userId);
  const d = m.docs.get(documentId);
  if (!active(u) || !d) return false;
  // Only clinical staff ever see patient content; admins, privacy officers and auditors never decrypt.
  if (!CLINICAL.has(u.role)) return false;
  const c = m.cases.get(d.caseCode)!;
  const role = c.team.get(userId);
  const reason = role === 'attending' || role === 'consulting' || liveGrant(m, u, d, now) || liveBreakGlass(m, u, c.code, now);
  if (!reason) return false;
  // eHRSS sharing consent for the viewer's institution, unless that institution wrote it. No institution matches nothing.
  const inst = u.institution;
  const consented = inst !== null && (m.publicInstitutions.has(inst) || c.consent.get(inst) === 'granted' || d.authorInstitution === inst);
  if (!consented) return false;
  // A restricted category also needs the patient's recorded extra consent.
  return d.restricted === null || c.restrictedConsent.has(d.restricted);
}

/**
 * May `userId` see the case screen (team, document list, receipts; no content)? README/case view:
 * a current team member or someone holding a live grant or break-glass on the case, verified and
 * active. Only "no" is held strictly (a leak); the scenario does not count refusals here.
 */
export function maySeeCase(m: Model, userId: string, caseCode: string, now: number): boolean {
  const u = m.users.get(userId);
  const c = m.cases.get(caseCode);
  if (!active(u) || !c) return false;
  if (c.team.has(userId)) return true;
  const docs = [...m.docs.values()].filter((d) => d.caseCode === caseCode);
  return docs.some((d) => liveGrant(m, u, d, now)) || liveBreakGlass(m, u, caseCode, now);
}

/** Identity reports (PDPO data access report: decrypts patient identity) are for the privacy officer only (issue 9 item 4). */
export function mayReadIdentityReport(m: Model, userId: string): boolean {
  const u = m.users.get(userId);
  return active(u) && u.role === 'privacy_officer';
}

/** The facts the oracle used, for a failing attempt's report. */
export function facts(m: Model, userId: string, caseCode: string | undefined, now: number): string {
  const u = m.users.get(userId);
  const c = caseCode ? m.cases.get(caseCode) : undefined;
  if (!u || !c) return 'unknown user or case';
  const docs = new Set([...m.docs.values()].filter((d) => d.caseCode === c.code).map((d) => d.id));
  const grants = m.grants.filter((g) => g.userId === userId && docs.has(g.documentId));
  const removed = c.removedSeq.get(userId);
  const g = grants.map((x) => `grant ${x.revoked ? 'revoked' : now < x.expiresAt ? 'unexpired' : 'expired'}${endedByRemoval(m, c.code, userId, x.approvedSeq) ? ', approved before removal' : ''}`);
  const bg = m.breakGlass.filter((b) => b.userId === userId && b.caseCode === c.code).map((b) => `break-glass ${now < b.expiresAt ? 'unexpired' : 'expired'}${endedByRemoval(m, c.code, userId, b.openedSeq) ? ', opened before removal' : ''}`);
  return [`${u.role}@${u.institution ?? '-'}${u.verified ? '' : ' unverified'}${u.suspended ? ' suspended' : ''}`, `team: ${c.team.get(userId) ?? (removed !== undefined ? 'removed' : 'none')}`, ...g, ...bg].join(', ');
}
