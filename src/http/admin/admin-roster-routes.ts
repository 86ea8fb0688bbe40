import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { clinicianName, roleName } from '../../domain/directory/clinician-names.js';
import type { RosterShift } from '../../domain/rosters/roster-port.js';
import { addShift, removeShift } from '../../usecases/rosters/edit-shifts.js';
import { exportRoster, listRoster } from '../../usecases/rosters/export-roster.js';
import { importRoster } from '../../usecases/rosters/import-roster.js';
import { rosterById, type RosterDeps } from '../../usecases/rosters/roster-deps.js';
import { rosterSettings, setRosterSettings } from '../../usecases/rosters/roster-settings.js';
import { coverShift, swapShifts } from '../../usecases/rosters/swap-cover.js';
import { hkDate } from '../../shared/hk-time.js';
import { sectionRoute } from './admin-auth.js';
import { iso } from './admin-console-schemas.js';
import * as S from './admin-roster-schemas.js';
import { errorResponses } from './admin-schemas.js';

export type AdminRosterDeps = RosterDeps;

const at = (s: string) => Date.parse(s);
/** The byte-order mark that tells Excel the file is UTF-8. */
export const CSV_BOM = '\uFEFF';
const personDto = (c: ClinicianRow | null | undefined) => (c ? { id: c.id, name: clinicianName(c), role: c.title ?? roleName(c.role, 'en') ?? null } : null);

/**
 * The console's Rosters page: a week (any range) of one institution × specialty with its settings, add /
 * swap / cover / remove, settings, CSV import (all rows checked, all or nothing) and export. Thin: each
 * route validates and calls a use case (src/usecases/rosters), which checks the admin again and audits.
 */
export const adminRosterRoutes: FastifyPluginAsyncZod<AdminRosterDeps> = async (app, deps) => {
  const admins = sectionRoute('rosters');
  const shiftOut = async (s: RosterShift) => ({
    id: s.id, level: s.level, clinician: personDto(await deps.directory.findById(s.clinicianId)), startsAt: iso(s.startsAt), endsAt: iso(s.endsAt),
  });
  const ok = { 200: z.object({ ok: z.literal(true) }), ...errorResponses };

  app.get('/rosters/shifts', { config: admins, schema: { querystring: S.rosterRangeQuery, response: { 200: S.rosterWeekDto, ...errorResponses } } }, async (req) => {
    const q = req.query;
    const shifts = await listRoster(deps, { institutionId: q.institutionId, specialty: q.specialty, from: at(q.from), to: at(q.to) });
    const settings = await rosterSettings(deps, q.institutionId, q.specialty);
    return { shifts: await Promise.all(shifts.map(shiftOut)), owner: personDto(settings.owner), escalationContact: personDto(settings.escalationContact) };
  });

  app.post('/rosters/shifts', { config: admins, schema: { body: S.newShiftBody, response: { 201: S.shiftDto, ...errorResponses } } }, async (req, reply) => {
    const b = req.body;
    const shift = await addShift(deps, req.admin!, { ...b, startsAt: at(b.startsAt), endsAt: at(b.endsAt) });
    return reply.status(201).send(await shiftOut(shift));
  });

  app.post('/rosters/shifts/swap', { config: admins, schema: { body: S.swapBody, response: ok } }, async (req) => {
    await swapShifts(deps, req.admin!, req.body.a, req.body.b);
    return { ok: true as const };
  });

  app.post('/rosters/shifts/:id/cover', { config: admins, schema: { params: S.shiftParams, body: S.coverBody, response: { 200: z.object({ shifts: z.array(S.shiftDto) }), ...errorResponses } } }, async (req) => {
    const b = req.body;
    const pieces = await coverShift(deps, req.admin!, { shiftId: req.params.id, clinicianId: b.clinicianId, from: b.from ? at(b.from) : undefined, to: b.to ? at(b.to) : undefined });
    return { shifts: await Promise.all(pieces.map(shiftOut)) };
  });

  app.delete('/rosters/shifts/:id', { config: admins, schema: { params: S.shiftParams, response: ok } }, async (req) => {
    await removeShift(deps, req.admin!, req.params.id);
    return { ok: true as const };
  });

  app.post('/rosters/settings', { config: admins, schema: { body: S.settingsBody, response: ok } }, async (req) => {
    await setRosterSettings(deps, req.admin!, req.body);
    return { ok: true as const };
  });

  app.post('/rosters/import', { config: admins, bodyLimit: 1_200_000, schema: { body: S.importBody, response: { 200: S.importReportDto, ...errorResponses } } }, async (req) =>
    importRoster(deps, req.admin!, req.body.csv),
  );

  // A real file: text/csv with a UTF-8 byte-order mark (Excel then reads Chinese names right), the
  // import's own columns, so an exported week can be edited and imported again.
  app.get('/rosters/export', { config: admins, schema: { querystring: S.rosterRangeQuery, response: { 200: z.string().describe('text/csv, UTF-8 with a BOM'), ...errorResponses } } }, async (req, reply) => {
    const q = req.query;
    const key = await rosterById(deps, q.institutionId, q.specialty);
    const csv = await exportRoster(deps, key, at(q.from), at(q.to));
    return reply
      .header('content-disposition', `attachment; filename="roster-${key.institution.code}-${key.specialty}-${hkDate(at(q.from))}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(`${CSV_BOM}${csv}`);
  });
};
