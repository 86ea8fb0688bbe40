import { appToken } from './compose-data.js';
import { addConsulting } from './burn-data.js';
import { seedCase } from './doctor-data.js';

/**
 * Seeds an allergy alert the way Dr Chan would raise one: a case in a consult group of its own (a
 * group holds one case), 林 and 黃 added as consulting, then the alert form's API (the mini-app's
 * POST /api/app/cases/:code/alert). Then one recipient opens it through the app's burn API.
 */
async function call<T>(baseUrl: string, user: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${await appToken(baseUrl, user)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function seedAlert(baseUrl: string, raiser: string, recipients: string[], hkid: string): Promise<{ caseCode: string; alertId: string }> {
  const { id: group } = await (
    await fetch(`${baseUrl}/api/sandbox/chat/groups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: raiser, title: 'Alert status e2e', memberIds: recipients }) })
  ).json() as { id: string };
  const caseCode = await seedCase(baseUrl, raiser, hkid, group);
  await addConsulting(baseUrl, raiser, caseCode, recipients, group);
  const body = { submissionId: crypto.randomUUID(), substance: 'Penicillin V', criticality: 'high' };
  const { alertId } = await call<{ alertId: string }>(baseUrl, raiser, 'POST', `/api/app/cases/${caseCode}/alert`, body);
  return { caseCode, alertId };
}

interface StatusRow {
  person: { nameEn: string };
  state: string;
}

/** The raiser's status once every card is out (the scene group is made asynchronously). */
export async function waitDelivered(baseUrl: string, raiser: string, alertId: string, count: number): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const s = await call<{ recipients: StatusRow[] }>(baseUrl, raiser, 'GET', `/api/app/alerts/${alertId}/status`);
    if (s.recipients.length === count && s.recipients.every((r) => r.state !== 'sending')) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the alert cards never went out');
}

/** `reader` opens the alert's chat copy through the app (as the card's [Open] link does). */
export async function openAlert(baseUrl: string, reader: string, caseCode: string): Promise<void> {
  // Alerts are their own typed list in the inbox (sent to me: the burn item to open).
  const inbox = await call<{ alerts: { itemId: string | null; caseCode: string; mine: boolean }[] }>(baseUrl, reader, 'GET', '/api/app/inbox');
  const item = inbox.alerts.find((i) => i.caseCode === caseCode && !i.mine && i.itemId);
  if (!item?.itemId) throw new Error(`no alert in the inbox of ${reader} for ${caseCode}`);
  await call(baseUrl, reader, 'POST', `/api/app/burn/${item.itemId}/open`);
}

/** The clinician's language preference (Me), as the mini-app saves it. */
export async function setLanguage(baseUrl: string, user: string, language: 'en' | 'zh'): Promise<void> {
  await call(baseUrl, user, 'PUT', '/api/me/language', { language });
}
