/** A request the fake server saw. */
export interface Seen {
  method: string;
  path: string;
  auth: string | null;
  body: string | null;
}

/**
 * A scripted server for the mini-app's API clients: each `METHOD path` answers from its queue (404 with
 * the shared error body when the queue is empty); every request is recorded.
 */
export function fakeServer(routes: Record<string, Array<{ status: number; body?: unknown }>>) {
  const seen: Seen[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const path = String(input);
    const headers = new Headers(init?.headers);
    seen.push({ method: init?.method ?? 'GET', path, auth: headers.get('authorization'), body: (init?.body as string | undefined) ?? null });
    const next = routes[`${init?.method ?? 'GET'} ${path}`]?.shift();
    if (!next) return new Response(JSON.stringify({ code: 'not_found', message: 'Not found.' }), { status: 404 });
    return new Response(next.body === undefined ? null : JSON.stringify(next.body), { status: next.status });
  }) as typeof fetch;
  return { seen, fetchImpl };
}
