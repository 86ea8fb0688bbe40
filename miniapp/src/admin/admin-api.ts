import type { ConsoleAction, ConsoleSection } from '../../../src/contract/admin-sections.js';
import type { AdminTokenDto } from '../../../src/contract/auth.js';
import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { createEndpoints } from '../api/endpoints.js';
import { ApiError, NETWORK_ERROR, toApiError } from '../api/api-error.js';

/** What POST /api/auth/admin-token answers (src/contract/auth.ts). */
export type AdminTokenAnswer = AdminTokenDto;

export interface AdminApi {
  /** The console role of the signed-in user (admin, privacy_officer or auditor). */
  role: string;
  /** The sections and actions this role may use, as the server's table says (src/contract/admin-sections.ts). */
  sections: readonly ConsoleSection[];
  actions: readonly ConsoleAction[];
  /** A JSON call to /api/admin/…; the admin token is re-obtained once when it has expired. */
  call<T>(path: string, init?: { method?: string; body?: unknown; query?: Record<string, string | undefined> }): Promise<T>;
  /** A call whose answer is saved as a file (audit export, data access report, roster CSV); `fileName` '' → the server's name. */
  download(path: string, fileName: string, init?: { method?: string; body?: unknown; query?: Record<string, string | undefined> }): Promise<unknown>;
}

/**
 * The console's own client. The admin token (audience consultbridge.admin, 15 min) comes from the
 * mini-app sign-in through /api/auth/admin-token and, like the app token, lives only in this closure.
 */
export async function createAdminApi(app: ApiClient, opts: { fetch?: typeof fetch } = {}): Promise<AdminApi> {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const obtain = createEndpoints(app).adminToken;
  let current = await obtain();

  async function send(path: string, init: { method?: string; body?: unknown; query?: Record<string, string | undefined> }): Promise<Response> {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined && v !== '') qs.set(k, v);
    const url = `/api/admin${path}${qs.size ? `?${qs}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${current.token}` };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
    try {
      return await doFetch(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), cache: 'no-store', credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, NETWORK_ERROR, 'network error');
    }
  }

  async function answer(path: string, init: Parameters<AdminApi['call']>[1] = {}): Promise<Response> {
    let res = await send(path, init);
    if (res.status === 401) {
      current = await obtain();
      res = await send(path, init);
    }
    if (!res.ok) throw await toApiError(res);
    return res;
  }

  return {
    get role() {
      return current.role;
    },
    get sections() {
      return current.sections ?? [];
    },
    get actions() {
      return current.actions ?? [];
    },
    async call<T>(path: string, init: Parameters<AdminApi['call']>[1] = {}): Promise<T> {
      const res = await answer(path, init);
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
    async download(path, fileName, init = {}) {
      const res = await answer(path, init);
      const type = res.headers.get('content-type') ?? 'application/json';
      // The bytes as sent (a CSV keeps its byte-order mark); JSON answers are also returned parsed.
      const blob = new Blob([await res.arrayBuffer()], { type: type.split(';')[0] });
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = fileName || serverFileName(res) || 'download';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      return type.includes('json') ? (JSON.parse(await blob.text()) as unknown) : undefined;
    },
  };
}

/** The file name the server's content-disposition gives, if any. */
function serverFileName(res: Response): string | undefined {
  return /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
}

export const AdminApiContext = createContext<AdminApi | null>(null);

export function useAdminApi(): AdminApi {
  const api = useContext(AdminApiContext);
  if (!api) throw new Error('useAdminApi outside the console');
  return api;
}
