import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { startFhirSim, type FhirSim } from '../../src/sandbox/fhir-sim.js';
import { ManualClock, replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, openCase, WONG } from '../helpers/sharing-flow.js';
import { openInApp } from './burn-fixture.js';
import { CHEUNG, eventually, HO, sentSince } from './sharing-edge-fixture.js';

/** The consult group each case was opened in (a group binds one case). */
const groups = new Map<string, string>();
export const groupOfCase = (code: string) => groups.get(code)!;
export const PATIENT_NAME = 'TEST Patient';
export const FORM = {
  substance: 'Penicillin V',
  category: 'medication',
  reaction: 'Anaphylaxis with stridor',
  severity: 'severe',
  criticality: 'high',
  onset: '2026-11-25',
  note: 'Given amoxicillin at triage; adrenaline IM x1',
} as const;

export interface AlertWorld {
  h: Harness;
  app: FastifyInstance;
  fhir: FhirSim;
  clock: ManualClock;
  close(): Promise<void>;
}

/**
 * The real service against the DingTalk simulator and a simulated FHIR server, on a hand-moved clock;
 * every background loop (outbox, EHR queue, burn, escalation, alerts) polls every 20 ms of real time.
 */
export async function alertWorld(extraEnv: Record<string, string> = {}, opts: { dir?: string; sandboxChat?: boolean } = {}): Promise<AlertWorld> {
  const fhir = await startFhirSim();
  const clock = new ManualClock();
  const h = await startHarness({
    ...(opts.dir ? { dir: opts.dir } : {}),
    clock,
    env: {
      EHR_FHIR_BASE: fhir.baseUrl,
      EHR_TOKEN_URL: fhir.tokenUrl,
      EHR_CLIENT_ID: fhir.clientId,
      EHR_CLIENT_SECRET: fhir.clientSecret,
      EHR_IDENTIFIER_SYSTEM: fhir.hkidSystem,
      EHR_TIMEOUT_MS: '2000',
      ...extraEnv,
    },
    service: {
      burnPollMs: 20,
      escalationTickMs: 20,
      alerts: { tickMs: 20 },
      ehr: { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, queue: { pollMs: 20, baseMs: 1000, maxMs: 5000 } },
    },
  });
  // With the sandbox chat (sandbox mode): its routes over the simulator, its history in the service's database.
  const app = opts.sandboxChat ? await appFor(h, h.sim) : await appFor(h);
  return {
    h,
    app,
    fhir,
    clock,
    async close() {
      await app.close();
      await h.close();
      await fhir.close();
    },
  };
}

/**
 * A case opened by Dr Chan (attending) in a fresh A&E consult group with sharing consent for HPH;
 * Dr Ho (A&E) consulting (unless `hoOnTeam: false`), Dr Wong (HPH family doctor) referring. The patient is registered in the FHIR server.
 */
export async function alertCase(w: AlertWorld, hkid: string, opts: { hoOnTeam?: boolean } = {}): Promise<string> {
  w.fhir.addPatient(hkid);
  const group = w.h.sim.org.addGroup({ title: `A&E consult ${groups.size + 1}`, memberIds: [CHAN, HO, CHEUNG, WONG], ownerId: CHAN }).openConversationId;
  const code = await openCase(w.h, group, hkid, [{ institutionCode: 'HPH', status: 'granted' }]);
  const chan = await w.h.service.directory.resolveOrEnroll(CHAN, '');
  if (opts.hoOnTeam !== false) await w.h.service.secure.cases.team.addMember(chan, code, HO, 'consulting', group);
  await w.h.service.secure.cases.team.addMember(chan, code, WONG, 'referring', group);
  groups.set(code, group);
  return code;
}

/**
 * `@ConsultBridge allergy-alert C-…` as Dr Ho in the A&E group: the 1:1 answer links to the mini-app's
 * form for the case, with no token in it. Resolves with the answer's text.
 */
export async function alertAsk(w: AlertWorld, code: string, word = 'allergy-alert', user = HO): Promise<string> {
  const link = replyAfter(w.h.sim, { userId: user, via: 'oto' });
  w.h.sim.say(groupOfCase(code), user, `@ConsultBridge ${word} ${code}`);
  const text = (await link).text;
  if (!text.includes(`/app/case/${code}/alert)`)) throw new Error('no alert form link');
  return text;
}

export interface Raised {
  alertId: string;
  caseCode: string;
  recipients: number;
  ehrPendingId: string;
}

/** Command, then the app's form submit (a fresh submission id) as the signed-in Dr Ho; the raw answer. */
export async function submitAlert(w: AlertWorld, code: string, form: Record<string, unknown> = FORM) {
  await alertAsk(w, code);
  return asUser(w.h, w.app, HO, { method: 'POST', url: `/api/app/cases/${code}/alert`, payload: { ...form, submissionId: randomUUID() } });
}

/** Command, then the app's form submit as the signed-in Dr Ho: the whole raise. */
export async function raiseAlert(w: AlertWorld, code: string, form: Record<string, unknown> = FORM): Promise<Raised> {
  const res = await submitAlert(w, code, form);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Raised;
}

/** Presses [Open] on the alert's card as `userId` and opens the item in the app; the app's answer. */
export async function openAlertAs(w: AlertWorld, alertId: string, userId: string) {
  const row = await alertRow(w, alertId);
  const from = w.h.sim.sent.length;
  const mine = `alert:${alertId}:${userId}`;
  const outTrackId = (JSON.parse(row.cardIds) as string[]).includes(mine) ? mine : `alert:${alertId}:${row.sceneGroupId}`;
  await w.h.sim.clickCard({ outTrackId, userId, params: { action: 'burn_open', itemId: row.ephemeralItemId! } });
  const answer = await sentSince(w.h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(userId));
  return openInApp(w.h, w.app, answer.text, userId);
}

export const alertRow = async (w: AlertWorld, id: string) => (await w.h.service.alerts.repo.find(id))!;

/** The scene group the alert made, once the dispatcher recorded it. */
export const sceneGroupOf = (w: AlertWorld, alertId: string) =>
  eventually(async () => {
    const row = await alertRow(w, alertId);
    return row.status === 'sent' && row.sceneGroupId ? w.h.sim.org.groups.get(row.sceneGroupId) : undefined;
  });

/** AllergyIntolerance resources the FHIR server holds for this alert (its record id is the identifier). */
export const allergiesFor = (fhir: FhirSim, alertId: string) =>
  fhir.resources('AllergyIntolerance').filter((r) => JSON.stringify((r as { identifier?: unknown }).identifier ?? []).includes(alertId));
