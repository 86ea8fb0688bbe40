import { makePdf } from '../../test/fixtures/make-pdf.js';
import { CHAN, LAM, openCase, shareReport, WONG } from '../../test/helpers/sharing-flow.js';
import type { Person, World } from '../world.js';
import { forgedTokens } from './jwt-forge.js';
import type { Pools } from './schema-arb.js';

const ADMIN = 'qmh-cb-admin';
const OFFICER = 'qmh-li-siufan';
const UNVERIFIED = 'hph-lee-meiling';
const AUDITOR: Person = { userId: 'fz-auditor', role: 'auditor', institution: 'QMH', verified: true };
const SUSPENDED: Person = { userId: 'fz-suspended', role: 'doctor', institution: 'QMH', verified: true };
const AS: Record<string, string> = { doctor: CHAN, admin: ADMIN, officer: OFFICER, auditor: AUDITOR.userId, unverified: UNVERIFIED, suspended: SUSPENDED.userId };

export interface FuzzSeed {
  pools: Pools;
  pdfs: Buffer[];
  group: string;
  /** The Authorization header for an auth kind of http-cases.ts (undefined: none). */
  header(auth: string): Promise<string | undefined>;
  /** Puts the signed-in people back as seeded (fuzzed admin calls may suspend or unverify them) and signs in again. */
  heal(): Promise<void>;
}

/** A case with a shared report, a pending request, an open form and a view token: ids the fuzzer can aim at. */
export async function seedFuzzWorld(w: World): Promise<FuzzSeed> {
  const { h } = w;
  w.addPerson(AUDITOR);
  w.addPerson(SUSPENDED);
  const group = h.demo.groups.cardiologyConsult;
  const code = await openCase(h, group, 'A123456(3)', [{ institutionCode: 'HPH', status: 'granted' }]);
  const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
  await h.service.secure.cases.team.addMember(chan, code, LAM, 'consulting', group);
  const pdf = await makePdf({ pages: 2, text: 'Fuzz report' });
  const docId = await shareReport(h, w.app, group, CHAN, code, pdf);
  const wong = (await h.service.directory.resolveOrEnroll(WONG, '')).clinician.id;
  const { requestId } = await h.service.secure.approvals.requestAccess({ documentId: docId, requesterId: wong, reasonCode: 'continuing_care' });
  const { intentId } = await h.service.secure.cases.open.startCaseOpen(chan, h.demo.groups.aeHandover);
  const ids = Object.fromEntries(Object.entries(AS).map(([k, u]) => [k, w.clinicianId(u)]));
  const viewToken = h.service.viewTokens.issue(docId, ids.doctor!, w.clock.now()).token;
  const byName: Record<string, string[]> = {
    code: [code, 'C-AAAAA'], caseCode: [code], id: [docId, requestId, ids.doctor!, ids.suspended!], documentId: [docId],
    requestId: [requestId], intentId: [intentId], clinicianId: [ids.doctor!, w.clinicianId(LAM)], userId: [CHAN, LAM, WONG],
    conversationId: [group], token: [viewToken], hkid: ['A123456(3)', 'B234567(1)'], institutionCode: ['QMH', 'HPH'],
  };
  const all = [...new Set(Object.values(byName).flat())];
  byName.actor = byName.target = all;
  // Other names (free text, enums, codes with a pattern) are left to their schema.
  const pools: Pools = (name) => byName[name] ?? [];

  const consoleTokens = new Map<string, string | undefined>();
  let forged: Record<string, string> = {};
  const heal = async () => {
    const now = w.clock.now();
    for (const [role, userId] of Object.entries(AS)) {
      const verified = role !== 'unverified';
      h.service.directoryRepo.update(ids[role]!, { verified, suspended: false }, now);
    }
    for (const userId of Object.values(AS)) await w.appToken(userId, true);
    h.service.directoryRepo.update(ids.suspended!, { suspended: true }, now);
    // A fuzzed admin call may have ended Dr Chan's attending role (removal from the organisation, say): give it back.
    const caseId = (await h.service.secure.casesRepo.caseByCode(code))!.id;
    if ((await h.service.secure.cases.queries.teamRoleNow(caseId, ids.doctor!)) !== 'attending') {
      await h.service.secure.cases.admin.adminSetTeamRole(ids.admin!, code, ids.doctor!, 'attending');
    }
    for (const role of ['admin', 'officer', 'auditor']) consoleTokens.set(role, await w.consoleToken(AS[role]!));
    forged = forgedTokens(ids.admin!, h.service.sessionSecret, now);
  };
  await heal();
  return {
    pools,
    pdfs: [pdf],
    group,
    heal,
    async header(auth) {
      const [kind, which = ''] = auth.split(':');
      if (kind === 'app') return `Bearer ${await w.appToken(AS[which]!)}`;
      if (kind === 'console') return `Bearer ${consoleTokens.get(which) ?? 'none'}`;
      if (kind === 'forged') return `Bearer ${forged[which] ?? ''}`;
      if (kind === 'basic') return 'Basic Zm9vOmJhcg==';
      return undefined;
    },
  };
}
