import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/compose/app.js';
import { hkidCheckChar } from '../../src/shared/hkid.js';
import { appAuth, appLinkId } from '../helpers/app-session.js';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';

/** A check-digit-valid HKID built from six digits, so each test has its own patient. */
export function hkidFor(digits: string, letter = 'K'): string {
  return `${letter}${digits}(${hkidCheckChar(letter, digits)})`;
}

/** A patient form whose every identifying value can be searched for afterwards. */
export function patientForm(hkid: string) {
  return {
    hkid,
    nameEn: 'TSANG Ho-yin',
    nameZh: '曾浩然',
    dateOfBirth: '1958-07-21',
    consents: [{ institutionCode: 'HPH', status: 'granted' as const, reference: 'eHRSS consent seen' }],
  };
}

/** The real service over the simulator, plus the HTTP app mounted on it (for the form routes). */
export async function startCaseChat(): Promise<CaseChat> {
  const h = await startHarness();
  const app = await buildApp({ logger: h.service.logger, probe: { dbOpen: () => true, streamRegistered: () => true }, service: h.service });
  let groups = 0;
  const cc: CaseChat = {
    h,
    app,
    /** A fresh consult group with these members (a group belongs to one case at most). */
    group(memberIds) {
      return h.sim.org.addGroup({ title: `Consult ${++groups}`, memberIds }).openConversationId;
    },
    async say(group, userId, text, atUserIds) {
      const reply = replyAfter(h.sim, { conversationId: group });
      h.sim.say(group, userId, text, atUserIds ? { atUserIds } : undefined);
      return (await reply).text;
    },
    /** Sends a group message and waits for the 1:1 message the bot sends `dmTo` because of it. */
    async sayAndDm(group, userId, text, dmTo = userId, atUserIds) {
      const dm = replyAfter(h.sim, { userId: dmTo, via: 'oto' });
      const reply = replyAfter(h.sim, { conversationId: group });
      h.sim.say(group, userId, text, atUserIds ? { atUserIds } : undefined);
      return { group: (await reply).text, dm: (await dm).text };
    },
    async submitForm(userId, form, intentId, payload) {
      return app.inject({ method: 'POST', url: `/api/app/forms/${form}/${intentId}`, headers: await appAuth(h, app, userId), payload: payload as object });
    },
    async openCase(group, userId, form) {
      const { dm } = await cc.sayAndDm(group, userId, '@ConsultBridge case open');
      const intentId = intentIn(dm, 'case-open');
      const announced = replyAfter(h.sim, { conversationId: group, via: 'group' });
      const res = await cc.submitForm(userId, 'case-open', intentId, form);
      expect(res.statusCode, res.body).toBe(200);
      const { caseCode, created } = res.json() as { caseCode: string; created: boolean };
      expect(created).toBe(true);
      return { code: caseCode, announcement: (await announced).text, intentId };
    },
    /** Everything the simulator saw the bot send, as one string. */
    sentText: () => JSON.stringify(h.sim.sent.map((e) => [e.text, e.raw])),
    async close() {
      await app.close();
      await h.close();
    },
  };
  return cc;
}

export interface CaseChat {
  h: Harness;
  app: FastifyInstance;
  group(memberIds: string[]): string;
  say(group: string, userId: string, text: string, atUserIds?: string[]): Promise<string>;
  sayAndDm(group: string, userId: string, text: string, dmTo?: string, atUserIds?: string[]): Promise<{ group: string; dm: string }>;
  /** Submits a form link's intent through the app API, signed in as `userId`. */
  submitForm(userId: string, form: 'case-open' | 'consent', intentId: string, payload: unknown): Promise<LightMyRequestResponse>;
  openCase(group: string, userId: string, form: ReturnType<typeof patientForm>): Promise<{ code: string; announcement: string; intentId: string }>;
  sentText(): string;
  close(): Promise<void>;
}

/** The link intent id in a form link the bot sent (/app/form/<form>/<id>: no credential). */
export function intentIn(text: string, form: 'case-open' | 'consent'): string {
  return appLinkId(text, `form/${form}`);
}
