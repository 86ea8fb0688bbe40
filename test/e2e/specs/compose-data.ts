/**
 * The compose API as the mini-app calls it, for specs that only need a shared report or a burn message
 * to exist: a sandbox 免登 code for the demo user, exchanged for an access token like the app does,
 * then the same authenticated calls the compose screens make. The bot's `share` and `burn` answers
 * link to those screens and carry no token, so this is the way in.
 */
async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const tokens = new Map<string, string>();

/** An access token for the demo user (kept: every sign-in from 127.0.0.1 counts against the auth rate limit). */
export async function appToken(baseUrl: string, userId: string): Promise<string> {
  const known = tokens.get(`${baseUrl} ${userId}`);
  if (known) return known;
  const post = (path: string, body: unknown) => fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const { code } = await json<{ code: string }>(await post('/api/sandbox/auth-code', { userId }), 'auth code');
  const { accessToken } = await json<{ accessToken: string }>(await post('/api/auth/dingtalk', { code }), 'sign-in');
  tokens.set(`${baseUrl} ${userId}`, accessToken);
  return accessToken;
}

/** Shares a report into the case as `userId`, as the share screen does; returns the document id. */
export async function shareFromApp(baseUrl: string, userId: string, caseCode: string, pdf: Uint8Array): Promise<string> {
  const res = await fetch(`${baseUrl}/api/app/cases/${caseCode}/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, userId)}`, 'content-type': 'application/pdf' },
    body: pdf as unknown as BodyInit,
  });
  return (await json<{ documentId: string }>(res, 'share')).documentId;
}

/** Sends a burn-after-reading text into the case as `userId`, as the burn screen does; returns the item id. */
export async function burnFromApp(baseUrl: string, userId: string, caseCode: string, text: string, burnAfterSeconds: number): Promise<string> {
  const res = await fetch(`${baseUrl}/api/app/cases/${caseCode}/burn`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, userId)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text, burnAfterSeconds }),
  });
  return (await json<{ itemId: string }>(res, 'burn')).itemId;
}

/** Sends a burn-after-reading PDF into the case as `userId`, as the burn screen's document tab does; returns the item id. */
export async function burnDocumentFromApp(baseUrl: string, userId: string, caseCode: string, pdf: Uint8Array, burnAfterSeconds: number): Promise<string> {
  const res = await fetch(`${baseUrl}/api/app/cases/${caseCode}/burn/document?after=${burnAfterSeconds}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, userId)}`, 'content-type': 'application/pdf' },
    body: pdf as unknown as BodyInit,
  });
  return (await json<{ itemId: string }>(res, 'burn document')).itemId;
}
