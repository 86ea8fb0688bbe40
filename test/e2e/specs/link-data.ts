import { appToken } from './compose-data.js';

/**
 * Following the bot's mini-app links from specs that only need the data to exist. The links carry no
 * token (/app/form/<kind>/<intentId>, /app/doc/<documentId>): specs call the same authenticated API
 * the screens call, signed in as the doctor the link was sent to.
 */
export type FormKind = 'case-open' | 'consent';

/** The link intent id in the first bot text that carries a `kind` form link. */
export function formIntentIn(texts: string[], kind: FormKind): string {
  const re = new RegExp(`/app/form/${kind}/([A-Za-z0-9_-]+)`);
  for (const t of texts) {
    const m = re.exec(t);
    if (m) return m[1]!;
  }
  throw new Error(`no /app/form/${kind}/ link in the bot's answers: ${JSON.stringify(texts)}`);
}

/** Submits the form behind `intentId` as `userId`, as the form screen does. */
export async function submitFormFromApp<T>(baseUrl: string, userId: string, kind: FormKind, intentId: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api/app/forms/${kind}/${intentId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, userId)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${kind} form: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The document id in the first bot text that links to a document screen. */
export function docIdIn(texts: string[]): string {
  for (const t of texts) {
    const m = /\/app\/doc\/([A-Za-z0-9_-]+)/.exec(t);
    if (m) return m[1]!;
  }
  throw new Error(`no /app/doc/ link in the bot's answers: ${JSON.stringify(texts)}`);
}

/** Opens a document as `userId` the way the document screen does: a view token, then the PDF stamped for them. */
export async function viewFromApp(baseUrl: string, userId: string, documentId: string): Promise<Uint8Array> {
  const headers = { authorization: `Bearer ${await appToken(baseUrl, userId)}` };
  const res = await fetch(`${baseUrl}/api/app/documents/${documentId}/view-token`, { method: 'POST', headers });
  if (!res.ok) throw new Error(`view token: ${res.status} ${await res.text()}`);
  const { url, token } = (await res.json()) as { url: string; token: string };
  // The token goes in the body, never the URL, as the viewer sends it.
  const pdf = await fetch(`${baseUrl}${url}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  if (!pdf.ok) throw new Error(`view: ${pdf.status} ${await pdf.text()}`);
  return new Uint8Array(await pdf.arrayBuffer());
}
