import { z } from 'zod';
import { CALL_LEVELS, ROSTER_CSV_COLUMNS, ROSTER_ROW_PROBLEMS } from '../../contract/rosters.js';
import { SPECIALTY_CODES } from '../../contract/specialties.js';

/** Request and response shapes of the console's Rosters page (admin-roster-routes.ts). Times are ISO 8601. */
const id = z.string().min(1).max(64);
const when = z.string().datetime();
export const rosterRef = z.object({ institutionId: id, specialty: z.enum(SPECIALTY_CODES) });
export const rosterRangeQuery = rosterRef.extend({ from: when, to: when });
export const person = z.object({ id: z.string(), name: z.string(), role: z.string().nullable() }).nullable();
export const shiftDto = z.object({ id: z.string(), level: z.enum(CALL_LEVELS), clinician: person, startsAt: z.string(), endsAt: z.string() });
export const rosterWeekDto = z.object({ shifts: z.array(shiftDto), owner: person, escalationContact: person });
export const newShiftBody = rosterRef.extend({ clinicianId: id, level: z.enum(CALL_LEVELS), startsAt: when, endsAt: when });
export const swapBody = z.object({ a: id, b: id });
export const coverBody = z.object({ clinicianId: id, from: when.optional(), to: when.optional() });
export const settingsBody = rosterRef.extend({ ownerClinicianId: id.nullable(), escalationContactId: id.nullable() });
export const shiftParams = z.object({ id });
export const importBody = z.object({ csv: z.string().min(1).max(1_000_000) });
export const importReportDto = z.object({
  imported: z.number(),
  errors: z.number(),
  rows: z.array(z.object({ line: z.number(), problems: z.array(z.object({ code: z.enum(ROSTER_ROW_PROBLEMS), column: z.enum(ROSTER_CSV_COLUMNS).optional() })) })),
});
