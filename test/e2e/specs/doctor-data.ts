import { makePdf } from '../../fixtures/make-pdf.js';
import { shareFromApp } from './compose-data.js';
import { formIntentIn, submitFormFromApp } from './link-data.js';

/**
 * Seeds a consult the way a doctor would: `case open` and `share` in a sandbox consult group
 * (POST /sandbox/say: simulator → stream → the real bot), then the form and share screens' APIs behind
 * the mini-app links the bot sent 1:1. Nothing is written behind the service's back.
 */
interface Said {
  replies: Array<{ via: string; text: string }>;
}

async function post<T>(baseUrl: string, path: string, body: unknown, type = 'application/json'): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: type === 'application/json' ? JSON.stringify(body) : (body as unknown as BodyInit),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function linkIn(said: Said, kind: RegExp): string {
  for (const r of said.replies) {
    const m = kind.exec(r.text);
    if (m) return m[1]!;
  }
  throw new Error(`no link in the bot's replies: ${JSON.stringify(said.replies)}`);
}

// A group holds one case, and the other specs seed theirs in the cardiology group; Chan and Wong are
// both in the A&E handover group too, so this flow starts there from a clean slate.
const GROUP = 'aeHandover';
const say = (baseUrl: string, user: string, text: string, group = GROUP) => post<Said>(baseUrl, '/sandbox/say', { user, group, text: `@ConsultBridge ${text}`, waitMs: 5000 });

/** Dr `user` opens a case for a made-up patient (consent to HPH) in the group (a demo key or a conversation id); returns its code. */
export async function seedCase(baseUrl: string, user: string, hkid: string, group = GROUP): Promise<string> {
  const intentId = formIntentIn((await say(baseUrl, user, 'case open', group)).replies.map((r) => r.text), 'case-open');
  const opened = await submitFormFromApp<{ caseCode: string }>(baseUrl, user, 'case-open', intentId, {
    hkid,
    nameEn: 'E2E Patient',
    dateOfBirth: '1950-01-02',
    consents: [{ institutionCode: 'HPH', status: 'granted' }],
  });
  return opened.caseCode;
}

/** `share C-…` in the group: the bot's 1:1 answer links to the case's share screen in the mini-app (no token). */
export async function askToShare(baseUrl: string, user: string, caseCode: string, group = GROUP): Promise<string> {
  return linkIn(await say(baseUrl, user, `share ${caseCode}`, group), new RegExp(`/app(/case/${caseCode}/share)\\)`));
}

/** Dr `user` opens a case and shares a report through the share screen's API; returns the ids. */
export async function seedSharedReport(baseUrl: string, user: string, hkid: string): Promise<{ caseCode: string; documentId: string }> {
  const caseCode = await seedCase(baseUrl, user, hkid);
  await askToShare(baseUrl, user, caseCode);
  const pdf = await makePdf({ pages: 1, text: 'Echocardiogram report (e2e)' });
  return { caseCode, documentId: await shareFromApp(baseUrl, user, caseCode, pdf) };
}
