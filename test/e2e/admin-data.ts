import { makePdf } from '../fixtures/make-pdf.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { docIdIn, formIntentIn, submitFormFromApp, viewFromApp } from './specs/link-data.js';
import { shareFromApp } from './specs/compose-data.js';

/**
 * Data for the admin console's browser test, made the way users make it: the demo doctors type
 * commands in the sandbox's consult group (/sandbox/say, the real bot behind the simulator), fill the
 * case form and upload through the 1:1 links the bot sends, then the requester opens the document
 * (which stamps a trace code on the page and in the audit log).
 */
export interface AdminScenario {
  caseCode: string;
  documentId: string;
  /** Printed on Dr Wong's watermarked copy. */
  traceCode: string;
}

const CHAN = 'qmh-chan-taiman';
const WONG = 'hph-wong-siuming';
const GROUP = 'cardiologyConsult';

interface Said {
  replies: Array<{ via: string; userIds?: string[]; text: string }>;
}

async function post<T>(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<T> {
  const res = await fetch(baseUrl + path, { method: 'POST', headers, body: body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** `group` null: a 1:1 chat with the bot. */
function say(baseUrl: string, user: string, text: string, group: string | null = GROUP): Promise<Said> {
  return post<Said>(baseUrl, '/sandbox/say', { user, group: group ?? undefined, text: `@ConsultBridge ${text}`, waitMs: 5000 });
}

function linkIn(said: Said, path: string): string {
  const re = new RegExp(`/${path}/([A-Za-z0-9_.-]+)`);
  for (const r of said.replies) {
    const m = re.exec(r.text);
    if (m) return m[1]!;
  }
  throw new Error(`no /${path}/ link in the bot's answer: ${JSON.stringify(said.replies.map((r) => r.text))}`);
}

/**
 * Dr Chan opens a case (with consent for both hospitals) and shares a report in the cardiology group;
 * Dr Wong asks for access, Dr Chan approves, Dr Wong opens the report through his link.
 */
export function sharedAndViewed(baseUrl: string): Promise<AdminScenario> {
  // A consult group holds one case, so the admin specs share one scenario per running service.
  let made = scenarios.get(baseUrl);
  if (!made) scenarios.set(baseUrl, (made = makeScenario(baseUrl)));
  return made;
}

const scenarios = new Map<string, Promise<AdminScenario>>();

async function makeScenario(baseUrl: string): Promise<AdminScenario> {
  const intentId = formIntentIn((await say(baseUrl, CHAN, 'case open')).replies.map((r) => r.text), 'case-open');
  const opened = await submitFormFromApp<{ caseCode: string }>(baseUrl, CHAN, 'case-open', intentId, {
    hkid: 'A123456(3)',
    nameEn: 'CHAN Siu-wai',
    dateOfBirth: '1948-03-09',
    consents: [
      { institutionCode: 'QMH', status: 'granted' },
      { institutionCode: 'HPH', status: 'granted' },
    ],
  });
  await say(baseUrl, CHAN, `share ${opened.caseCode}`); // answered with the share screen's link; the upload is its API
  const pdf = await makePdf({ pages: 1, text: 'Echocardiogram report' });
  const up = { documentId: await shareFromApp(baseUrl, CHAN, opened.caseCode, new Uint8Array(pdf)) };
  await say(baseUrl, WONG, `request ${opened.caseCode} continuing_care`);
  // The approval tells Dr Wong 1:1 with the report's mini-app link; he opens it there.
  const approved = await say(baseUrl, CHAN, `approve ${opened.caseCode}`);
  const pdfSeen = await viewFromApp(baseUrl, WONG, docIdIn(approved.replies.map((r) => r.text)));
  const text = (await extractPdfText(pdfSeen)).pages.map((p) => p.text).join('\n');
  const traceCode = /T-[23456789A-Z]{8}/.exec(text)?.[0];
  if (!traceCode) throw new Error('no trace code on the watermarked page');
  return { caseCode: opened.caseCode, documentId: up.documentId, traceCode };
}

/** Dr Ho (A&E, not on the care team) takes emergency access to the case in a 1:1 chat; it lands in the review queue. */
export async function breakGlass(baseUrl: string, caseCode: string): Promise<string> {
  const said = await say(baseUrl, 'qmh-ho-wingyee', `breakglass ${caseCode} collapsed in A&E, needs cardiac history`, null);
  return said.replies.map((r) => r.text).join('\n');
}
