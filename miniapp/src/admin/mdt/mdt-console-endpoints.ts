import type { ConsoleMdtPageDto } from '../../../../src/contract/mdt-lists.js';
import type { AdminApi } from '../admin-api.js';

/** The MDT page's call (src/http/admin/admin-mdt-routes.ts): one keyset page, optionally one status. */
export function mdtConsoleEndpoints(api: AdminApi) {
  return {
    mdtMeetings: (q: { status?: string; stuckDays: number; cursor?: string }) =>
      api.call<ConsoleMdtPageDto>('/mdt', { query: { stuckDays: String(q.stuckDays), status: q.status, cursor: q.cursor } }),
  };
}
