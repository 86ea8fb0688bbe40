import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleMdtPageDto, consoleMdtQuery } from '../../contract/mdt-lists.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { consoleMdtMeetings } from '../../usecases/mdt/mdt-lists.js';
import type { MdtDeps } from '../../usecases/mdt/mdt-ports.js';
import { peopleOf } from '../app/people.js';
import { sectionRoute } from './admin-auth.js';
import { iso } from './admin-console-schemas.js';
import { errorResponses } from './admin-schemas.js';

export type AdminMdtDeps = Pick<MdtDeps, 'mdt' | 'casesRepo' | 'clock'> & { directory: Pick<DirectoryRepository, 'findById' | 'institution'> };

/**
 * The console's MDT page (issue 14 item 4): every meeting of the service, newest first in keyset pages,
 * filtered by status, those in approval longer than `stuckDays` flagged with whom they wait on. Case
 * codes, times, statuses and names only: never a word of the minutes. Section `mdt` (admin).
 */
export const adminMdtRoutes: FastifyPluginAsyncZod<AdminMdtDeps> = async (app, deps) => {
  app.get('/mdt', { config: sectionRoute('mdt'), schema: { querystring: consoleMdtQuery, response: { 200: consoleMdtPageDto, ...errorResponses } } }, async (req) => {
    const page = await consoleMdtMeetings(deps, req.query);
    const person = peopleOf(deps.directory);
    const items = await Promise.all(page.items.map(async (s) => ({
      id: s.meeting.id, caseCode: s.caseCode, status: s.meeting.status, scheduledAt: iso(s.meeting.scheduledAt), since: iso(s.since),
      organiser: await person(s.meeting.organiserId), stuck: s.stuck,
      step: s.step && { position: s.step.position, of: s.step.of, approver: await person(s.step.approverId) },
    })));
    return { items, nextCursor: page.nextCursor };
  });
};
