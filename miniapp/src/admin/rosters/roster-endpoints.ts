import type { RosterImportReport, RosterLevel, RosterShiftDto, RosterWeekDto } from '../../../../src/contract/rosters.js';
import type { AdminApi } from '../admin-api.js';

/** One roster (institution × specialty) and a range of it, as the console asks (times ISO 8601). */
export interface RosterQuery {
  institutionId: string;
  specialty: string;
  from: string;
  to: string;
}

const enc = encodeURIComponent;

/** The Rosters page's calls (src/http/admin/admin-roster-routes.ts). */
export function rosterEndpoints(api: AdminApi) {
  const q = (r: RosterQuery) => ({ institutionId: r.institutionId, specialty: r.specialty, from: r.from, to: r.to });
  return {
    rosterWeek: (r: RosterQuery) => api.call<RosterWeekDto>('/rosters/shifts', { query: q(r) }),
    addShift: (body: { institutionId: string; specialty: string; clinicianId: string; level: RosterLevel; startsAt: string; endsAt: string }) =>
      api.call<RosterShiftDto>('/rosters/shifts', { body }),
    swapShifts: (a: string, b: string) => api.call<{ ok: true }>('/rosters/shifts/swap', { body: { a, b } }),
    coverShift: (id: string, body: { clinicianId: string; from?: string; to?: string }) => api.call<{ shifts: RosterShiftDto[] }>(`/rosters/shifts/${enc(id)}/cover`, { body }),
    removeShift: (id: string) => api.call<{ ok: true }>(`/rosters/shifts/${enc(id)}`, { method: 'DELETE' }),
    rosterSettings: (body: { institutionId: string; specialty: string; ownerClinicianId: string | null; escalationContactId: string | null }) =>
      api.call<{ ok: true }>('/rosters/settings', { body }),
    importRoster: (csv: string) => api.call<RosterImportReport>('/rosters/import', { body: { csv } }),
    /** Saves the CSV file the server names (text/csv with a BOM; the import's columns). */
    exportRoster: (r: RosterQuery) => api.download('/rosters/export', '', { query: q(r) }),
  };
}
