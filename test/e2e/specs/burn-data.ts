import { burnDocumentFromApp, burnFromApp } from './compose-data.js';
import { formIntentIn, submitFormFromApp } from './link-data.js';

/**
 * Seeds a burn-after-reading text the way Dr Chan would send one: `case open` in the cardiology group,
 * `team … add @林 @黃` (with the @-mentions DingTalk attaches), then `burn C-… 10s` and the burn screen's
 * API behind the mini-app link the bot sent him 1:1. Everything goes through the simulator and HTTP.
 */
interface Said {
  replies: Array<{ via: string; text: string }>;
}

const GROUP = 'cardiologyConsult';

async function post<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const say = (baseUrl: string, user: string, text: string, group = GROUP) => post<Said>(baseUrl, '/sandbox/say', { user, group, text: `@ConsultBridge ${text}`, waitMs: 5000 });

function match(said: Said, re: RegExp): RegExpExecArray {
  for (const r of said.replies) {
    const m = re.exec(r.text);
    if (m) return m;
  }
  throw new Error(`not in the bot's replies: ${re}`);
}

/** `team C-… add @… consulting` by Dr `author` in the group (with the @-mentions DingTalk attaches); resolves once the team shows them. */
export async function addConsulting(baseUrl: string, author: string, caseCode: string, recipients: string[], group = GROUP): Promise<void> {
  await post(baseUrl, '/api/sandbox/chat/say', { user: author, group, text: `@ConsultBridge team ${caseCode} add ${recipients.map((r) => `@${r}`).join(' ')} consulting`, atUserIds: recipients });
  // The add is answered asynchronously; the team listing shows when it landed.
  for (let i = 0; ; i++) {
    const team = (await say(baseUrl, author, `team ${caseCode}`, group)).replies.map((r) => r.text).join('\n');
    if ((team.match(/會診|Consulting/g) ?? []).length >= recipients.length) break;
    if (i > 20) throw new Error('the recipients never joined the care team');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Dr `author` opens a case, adds `recipients` as consulting, and sends `text` burning `duration` after opening; returns the case code. */
export async function seedBurnText(baseUrl: string, author: string, recipients: string[], hkid: string, text: string, duration = '10s'): Promise<string> {
  return seedBurn(baseUrl, author, recipients, hkid, duration, (caseCode, after) => burnFromApp(baseUrl, author, caseCode, text, after));
}

/** As seedBurnText, with a PDF sent through the burn screen's document tab, in a consult group of its own (a group holds one case). */
export async function seedBurnDocument(baseUrl: string, author: string, recipients: string[], hkid: string, pdf: Uint8Array, duration = '10s'): Promise<string> {
  const { id: group } = await post<{ id: string }>(baseUrl, '/api/sandbox/chat/groups', { user: author, title: 'Burn document e2e', memberIds: recipients });
  return seedBurn(baseUrl, author, recipients, hkid, duration, (caseCode, after) => burnDocumentFromApp(baseUrl, author, caseCode, pdf, after), group);
}

async function seedBurn(
  baseUrl: string,
  author: string,
  recipients: string[],
  hkid: string,
  duration: string,
  send: (caseCode: string, after: number) => Promise<string>,
  group = GROUP,
): Promise<string> {
  const intentId = formIntentIn((await say(baseUrl, author, 'case open', group)).replies.map((r) => r.text), 'case-open');
  const { caseCode } = await submitFormFromApp<{ caseCode: string }>(baseUrl, author, 'case-open', intentId, {
    hkid,
    nameEn: 'E2E Burn Patient',
    dateOfBirth: '1948-03-04',
    consents: [{ institutionCode: 'HPH', status: 'granted' }],
  });
  await addConsulting(baseUrl, author, caseCode, recipients, group);
  const [, after] = match(await say(baseUrl, author, `burn ${caseCode} ${duration}`, group), new RegExp(`/app/case/${caseCode}/burn\\?after=(\\d+)\\)`));
  await send(caseCode, Number(after));
  return caseCode;
}
