import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/compose/app.js';
import { adminTokenFor } from '../helpers/admin-token.js';
import type { Clock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { CHAN, LAM, openCase, shareReport, WONG } from '../helpers/sharing-flow.js';

export const OFFICER = 'qmh-li-siufan';
export type Who = 'admin' | 'officer' | 'auditor' | 'doctor';

/**
 * The real service against the simulator, the real app over it, and admin tokens for four people:
 * a verified admin and a verified auditor (inserted), the demo privacy officer, and Dr Chan.
 */
export interface ConsoleWorld {
  h: Harness;
  app: FastifyInstance;
  group: string;
  ids: Record<Who | 'lam' | 'wong', string>;
  tokens: Record<Who, string>;
  call(method: 'GET' | 'POST' | 'DELETE', url: string, who?: Who, payload?: object): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function consoleWorld(o: { clock?: Clock; env?: Record<string, string> } = {}): Promise<ConsoleWorld> {
  const h = await startHarness({ ...(o.clock ? { clock: o.clock } : {}), ...(o.env ? { env: o.env } : {}) });
  const app = await buildApp({ logger: silentLogger, probe: { dbOpen: () => true, streamRegistered: () => true }, service: h.service });
  await app.ready();
  const repo = h.service.directoryRepo;
  const now = h.service.clock.now();
  const insert = async (userId: string, role: 'admin' | 'auditor') =>
    (await repo.insert({ dingtalkUserId: userId, displayName: userId, nameEn: `Console ${role}`, role, verified: true }, now)).id;
  const byUser = async (userId: string) => (await repo.findByDingTalkId(userId))!.id;
  const ids = {
    admin: await insert('console-admin', 'admin'),
    auditor: await insert('console-auditor', 'auditor'),
    officer: await byUser(OFFICER),
    doctor: await byUser(CHAN),
    lam: await byUser(LAM),
    wong: await byUser(WONG),
  };
  const tokens = {
    admin: await adminTokenFor(h.service, ids.admin),
    auditor: await adminTokenFor(h.service, ids.auditor),
    officer: await adminTokenFor(h.service, ids.officer),
    doctor: await adminTokenFor(h.service, ids.doctor),
  };
  return {
    h,
    app,
    group: h.demo.groups.cardiologyConsult,
    ids,
    tokens,
    call: (method, url, who, payload) =>
      app.inject({ method, url, payload, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} }),
    async close() {
      await app.close();
      await h.close();
    },
  };
}

/** A case for a made-up patient (HKID A123456(3)) with Dr Lam consulting and one shared document (a report unless `docType`). */
export async function seedConsult(w: ConsoleWorld, hkid = 'A123456(3)', docType?: string): Promise<{ code: string; docId: string; caseId: string }> {
  const code = await openCase(w.h, w.group, hkid, [{ institutionCode: 'HPH', status: 'granted' }]);
  const chan = await w.h.service.directory.resolveOrEnroll(CHAN, '');
  await w.h.service.secure.cases.team.addMember(chan, code, LAM, 'consulting', w.group);
  const docId = await shareReport(w.h, w.app, w.group, CHAN, code, undefined, docType ? `?type=${docType}` : '');
  return { code, docId, caseId: (await w.h.service.secure.casesRepo.caseByCode(code))!.id };
}
