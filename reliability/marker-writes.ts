import { randomUUID } from 'node:crypto';
import { hkidCheckChar } from '../src/shared/hkid.js';
import { makePdf } from '../test/fixtures/make-pdf.js';
import { appLinkId } from '../test/helpers/app-session.js';
import { replyAfter } from '../test/helpers/service-harness.js';
import { newMarker } from './marker-scan.js';
import type { MarkerTarget } from './marker-target.js';

/**
 * Writes distinctive markers through every chat command, mini-app form and API that accepts text and
 * may carry patient data (issue 9 item 5, R7). Directory data (clinician and institution names,
 * registration numbers) is not patient data and stays searchable in plain text, so it is not marked.
 * Returns the markers written and what each write answered (a refusal is fine: it must still leave
 * nothing behind).
 */
export interface MarkerWrites {
  markers: string[];
  writes: Array<{ via: string; outcome: string }>;
}

const CHAN = 'qmh-chan-taiman';
const LAM = 'qmh-lam-kaming';
const WONG = 'hph-wong-siuming';
const HO = 'qmh-ho-wingyee';
const OFFICER = 'qmh-li-siufan';
const ADMIN = 'qmh-cb-admin';

/** The routes that keep the text they are given (encrypted); each must accept at least one write. */
export const STORING_WRITES = [
  'POST /api/app/forms/case-open', 'POST /api/app/forms/consent', 'POST /api/app/cases/:code/reports',
  'POST /api/app/requests/:id/decide', 'POST /api/app/cases/:code/burn', 'POST /api/app/cases/:code/burn/document',
  'POST /api/app/cases/:code/alert', 'POST /api/alerts', 'POST /api/admin/breakglass/:id/review',
];

/** How many of STORING_WRITES accepted a write (2xx). */
export function storingAccepted(writes: MarkerWrites['writes']): number {
  return STORING_WRITES.filter((via) => writes.some((w) => w.via === via && /^2\d\d$/.test(w.outcome))).length;
}

export async function writeMarkers(h: MarkerTarget, o: { seed: number; rounds?: number } = { seed: 1 }): Promise<MarkerWrites> {
  const markers: string[] = [];
  const writes: MarkerWrites['writes'] = [];
  const m = (tag: string, zh = false) => {
    const v = newMarker(tag, zh);
    markers.push(v);
    return v;
  };
  const note = (via: string, outcome: string | number) => writes.push({ via, outcome: String(outcome) });
  const call = async (user: string, method: 'GET' | 'POST', url: string, payload?: object | Buffer, headers: Record<string, string> = {}) => {
    const res = await h.http(method, url, { as: user, body: payload, headers });
    const route = url.split('?')[0]!.replace(/\/cases\/[^/]+/, '/cases/:code').replace(/\/(forms\/[a-z-]+|requests|documents)\/[^/]+/, '/$1/:id');
    note(`${method} ${route.replace(/\/:id$/, '')}`, res.status);
    return res;
  };
  /** A chat message; waits for the bot's first answer to anyone (or gives up after 3 s: no answer is fine). */
  const say = async (group: string | null, user: string, text: string) => {
    const answer = replyAfter(h.sim, {}, 3000).then((r) => r.via, () => 'no reply');
    if (group) h.sim.say(group, user, `@ConsultBridge ${text}`);
    else h.sim.dm(user, text);
    note(`chat ${text.split(' ')[0]}`, await answer);
  };
  const formLink = async (group: string, user: string, text: string, screen: 'form/case-open' | 'form/consent') => {
    const dm = replyAfter(h.sim, { userId: user, via: 'oto' });
    h.sim.say(group, user, `@ConsultBridge ${text}`);
    return appLinkId((await dm).text, screen);
  };

  const rounds = o.rounds ?? 1;
  for (let round = 0; round < rounds; round++) {
    const group = h.sim.org.addGroup({ title: `Marker ${o.seed}-${round}`, memberIds: [CHAN, LAM, WONG, HO, OFFICER] }).openConversationId;
    const digits = String(100000 + ((o.seed * 7919 + round * 104729) % 900000));
    const hkid = `K${digits}(${hkidCheckChar('K', digits)})`;

    // Mini-app case-open form: names (patient fields) and consent references (free text).
    const openId = await formLink(group, LAM, `case open ${m('caseopencmd')}`, 'form/case-open');
    const opened = await call(LAM, 'POST', `/api/app/forms/case-open/${openId}`, {
      hkid, nameEn: m('nameen'), nameZh: m('namezh', true), dateOfBirth: '1951-03-04',
      consents: [{ institutionCode: 'HPH', status: 'granted', reference: m('consentref') }],
      restrictedConsents: [{ category: 'mental_health', reference: m('restrictedref', true) }],
    });
    const code = (opened.body as { caseCode?: string }).caseCode ?? 'C-NONE0';

    // Consent form.
    const consentId = await formLink(group, LAM, `consent ${code} ${m('consentcmd')}`, 'form/consent');
    await call(LAM, 'POST', `/api/app/forms/consent/${consentId}`, {
      consents: [{ institutionCode: 'HPH', status: 'withdrawn', reference: m('consentref2', true) }, { institutionCode: 'HPH', status: 'granted', reference: m('consentref3') }],
      restrictedConsents: [{ category: 'hiv', reference: m('restrictedref2') }],
    });

    // Dr Chan joins the care team (so burn items have a recipient).
    const joined = replyAfter(h.sim, {}, 3000).then((r) => r.via, () => 'no reply');
    h.sim.say(group, LAM, `@ConsultBridge team ${code} add @陳大文 consulting`, { atUserIds: [CHAN] });
    note('chat team add', await joined);

    // A report whose content carries a marker (the vault must hold ciphertext only).
    const pdf = await makePdf({ pages: 1, text: `Report ${m('reportpdf')}` });
    const shared = await call(LAM, 'POST', `/api/app/cases/${code}/reports`, pdf, { 'content-type': 'application/pdf' });
    const documentId = (shared.body as { documentId?: string }).documentId ?? 'none';

    // Access request (purpose code), then the attending denies it with a free-text note.
    const asked = await call(WONG, 'POST', `/api/app/documents/${documentId}/request`, { reasonCode: 'referral' });
    const requestId = (asked.body as { requestId?: string }).requestId ?? 'none';
    await call(LAM, 'POST', `/api/app/requests/${requestId}/decide`, { decision: 'deny', reason: m('denynote', true) });
    const asked2 = await call(WONG, 'POST', `/api/app/documents/${documentId}/request`, { reasonCode: 'second_opinion' });
    const requestId2 = (asked2.body as { requestId?: string }).requestId ?? 'none';
    await call(LAM, 'POST', `/api/app/requests/${requestId2}/decide`, { decision: 'approve', reason: m('approvenote') });

    // Burn-after-reading text and document, allergy alert (form and API).
    await call(LAM, 'POST', `/api/app/cases/${code}/burn`, { text: `${m('burntext')} ${m('burntextzh', true)}`, burnAfterSeconds: 60 });
    const burnPdf = await makePdf({ pages: 1, text: `Burn ${m('burnpdf')}` });
    await call(LAM, 'POST', `/api/app/cases/${code}/burn/document?after=60`, burnPdf, { 'content-type': 'application/pdf' });
    await call(LAM, 'POST', `/api/app/cases/${code}/alert`, { submissionId: randomUUID(), substance: m('substance'), reaction: m('reaction', true), severity: 'severe', criticality: 'high', note: m('alertnote') });
    await call(LAM, 'POST', '/api/alerts', { caseCode: code, substance: m('apisubstance'), reaction: m('apireaction'), criticality: 'low', note: m('apinote', true) });

    // Chat commands with free text after them, in the group and 1:1.
    const chat: Array<[string, string]> = [
      [CHAN, `help ${m('help')}`], [CHAN, `whoami ${m('whoami')}`], [CHAN, `ping ${m('ping')}`], [CHAN, m('unknown')],
      [CHAN, `case ${m('casecode')}`], [CHAN, `case ${code} ${m('caseview')}`], [CHAN, `case bind ${m('bind')}`],
      [LAM, `team ${code} remove @nobody ${m('teamremove')}`], [WONG, `why ${code} ${m('why', true)}`],
      [LAM, `receipts ${code} ${m('receipts')}`], [LAM, `share ${code} ${m('share')}`],
      [WONG, `request ${code} ${m('requestreason')}`], [WONG, `request ${code} referral ${m('requestnote', true)}`],
      [LAM, `approve ${code} ${m('approve')}`], [LAM, `deny ${code} ${m('deny')}`],
      [LAM, `burn ${code} 30s ${m('burncmd')}`], [LAM, `allergy-alert ${code} ${m('alertcmd')}`],
      [HO, `breakglass ${code} patient collapsed in A&E, ${m('breakglass')} ${m('breakglasszh', true)} needs history now`],
      [CHAN, `ping 病人 ${m('pingzh', true)}`],
    ];
    for (const [user, text] of chat) await say(group, user, text);
    await say(null, LAM, `help ${m('dm')}`);
    // A chat message with an HKID: refused, and its row blanked (secure_delete keeps it out of free pages).
    await say(group, CHAN, `case ${code} pt ${hkid} ${m('hkidmsg')}`);

    // The privacy officer reviews the break-glass with a note.
    const officer = { as: OFFICER, admin: true };
    const queue = await h.http('GET', '/api/admin/breakglass', officer);
    const reviews = ((queue.body as { reviews?: Array<{ reviewId: string }> }).reviews ?? []) as Array<{ reviewId: string }>;
    for (const r of reviews) {
      const res = await h.http('POST', `/api/admin/breakglass/${r.reviewId}/review`, { ...officer, body: { decision: 'flag', note: m('reviewnote', true) } });
      note('POST /api/admin/breakglass/:id/review', res.status);
    }
    const report = await h.http('POST', '/api/admin/reports/data-access', { ...officer, body: { caseCode: code, reason: m('reportreason') } });
    note('POST /api/admin/reports/data-access', report.status);

    // Id and query fields: typed text that must be neither stored nor logged (refusals are expected).
    const probes: Array<[string, 'GET' | 'POST', string, object?]> = [
      ['admin', 'GET', `/api/admin/people?q=${m('peopleq')}`],
      ['admin', 'GET', `/api/admin/audit?actor=${m('auditactor')}&target=${m('audittarget')}`],
      ['admin', 'POST', '/api/admin/policies/explain', { clinicianId: m('explainwho'), documentId: m('explaindoc') }],
      ['admin', 'GET', `/api/admin/cases/${m('admincase')}/documents`],
      ['officer', 'GET', `/api/admin/audit/trace/T-${m('trace')}`],
    ];
    for (const [who, method, url, payload] of probes) {
      const res = await h.http(method, url, { as: who === 'admin' ? ADMIN : OFFICER, admin: true, body: payload });
      note(`${method} ${url.split('?')[0]!.replace(/QZ[A-Z]+X[A-Z]+|標記/g, ':x')}`, res.status);
    }
    await call(WONG, 'GET', `/api/app/cases/${m('appcase')}`);
    await call(WONG, 'POST', `/api/app/documents/${m('appdoc')}/view-token`);
    await call(WONG, 'POST', `/api/app/documents/${documentId}/request`, { reasonCode: m('badreason') });
    // (A form link id is an id, audited as presented when refused; the values of a refused form are not kept.)
    await call(LAM, 'POST', `/api/app/forms/consent/${randomUUID().replace(/-/g, '')}`, { consents: [{ institutionCode: m('instcode'), status: 'granted', reference: m('orphanref') }] });
  }
  return { markers, writes };
}
