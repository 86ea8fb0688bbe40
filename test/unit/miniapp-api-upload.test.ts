import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../miniapp/src/api/api-client.js';
import { ApiError } from '../../miniapp/src/api/api-error.js';

interface Seen {
  path: string;
  auth: string | null;
  type: string | null;
  body: unknown;
}

/** Answers each request from a queue and records what was sent (the raw body as given to fetch). */
function fakeServer(answers: Array<{ status: number; body: unknown }>) {
  const seen: Seen[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    seen.push({ path: String(input), auth: headers.get('authorization'), type: headers.get('content-type'), body: init?.body });
    const next = answers.shift() ?? { status: 404, body: { code: 'not_found', message: 'Not found.' } };
    return new Response(JSON.stringify(next.body), { status: next.status });
  }) as typeof fetch;
  return { seen, fetchImpl };
}

describe('mini-app API client: file uploads (compose screens)', () => {
  it('sends the file itself as the body with its own type and the bearer token; a refresh on 401 retries it', async () => {
    const { seen, fetchImpl } = fakeServer([
      { status: 200, body: { accessToken: 'old' } },
      { status: 401, body: { code: 'auth.invalid', message: 'x' } },
      { status: 200, body: { accessToken: 'new' } },
      { status: 201, body: { documentId: 'd1' } },
    ]);
    const api = createApiClient({ fetch: fetchImpl });
    await api.signInWithCode('c');
    const file = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46])], { type: 'application/pdf' });
    expect(await api.upload('/api/app/cases/C-7KQ2M/reports', file)).toEqual({ documentId: 'd1' });
    expect(seen[1]).toMatchObject({ path: '/api/app/cases/C-7KQ2M/reports', auth: 'Bearer old', type: 'application/pdf' });
    expect(seen[1]!.body).toBe(file);
    expect(seen[2]!.path).toBe('/api/auth/refresh');
    expect(seen[3]).toMatchObject({ auth: 'Bearer new', type: 'application/pdf' });
    expect(seen[3]!.body).toBe(file);
  });

  it('a file without a type goes as octet-stream (the server decides from the bytes); a refusal is a coded ApiError', async () => {
    const { seen, fetchImpl } = fakeServer([
      { status: 200, body: { accessToken: 't' } },
      { status: 415, body: { code: 'upload.type', message: 'Only PDF, JPEG and PNG files are accepted.' } },
    ]);
    const api = createApiClient({ fetch: fetchImpl });
    await api.signInWithCode('c');
    const err = await api.upload('/api/app/cases/C-7KQ2M/burn/document?after=30', new Blob(['hello'])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 415, code: 'upload.type' });
    expect(seen[1]!.type).toBe('application/octet-stream');
  });

  it('JSON calls are unchanged: an object body is still sent as JSON', async () => {
    const { seen, fetchImpl } = fakeServer([{ status: 200, body: { accessToken: 't' } }, { status: 201, body: { itemId: 'eph_1' } }]);
    const api = createApiClient({ fetch: fetchImpl });
    await api.signInWithCode('c');
    await api.call('/api/app/cases/C-7KQ2M/burn', { body: { text: 'x', burnAfterSeconds: 30 } });
    expect(seen[1]).toMatchObject({ type: 'application/json', body: '{"text":"x","burnAfterSeconds":30}' });
  });
});
