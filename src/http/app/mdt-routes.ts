import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { composeRouteDocs } from '../../contract/compose.js';
import { decisionBody, mdtDecidedDto, mdtIdParams, mdtMeetingDto, mdtOkDto, mdtStepsDto, mdtSummaryDto, myMdtActionsDto, summaryBody, transcriptBody } from '../../contract/mdt.js';
import type { MdtAction, MdtStep } from '../../domain/mdt/mdt-meeting.js';
import type { ArchiveDeps } from '../../usecases/mdt/archive-mdt.js';
import { markMdtActionDone, myMdtActionCounts } from '../../usecases/mdt/mdt-actions.js';
import { myMdtActions } from '../../usecases/mdt/my-mdt-actions.js';
import { attachTranscript, saveSummary, type MinutesDeps } from '../../usecases/mdt/mdt-minutes.js';
import { decideStep, submitSummary } from '../../usecases/mdt/mdt-signoff.js';
import { openMdtMeeting } from '../../usecases/mdt/mdt-view.js';
import { caseMdtMeetings } from '../../usecases/mdt/mdt-lists.js';
import { caseParams, pageQuery } from '../../contract/doctor.js';
import { caseMdtPageDto, mdtActionCountsDto } from '../../contract/mdt-lists.js';
import { personOf } from './people.js';

const { errors, security, tags } = composeRouteDocs;

export type MdtRouteDeps = ArchiveDeps & MinutesDeps;

/**
 * The MDT meeting screen and "My MDT actions" (issue 14 item 4). Signed-in, verified, active
 * clinicians only (the /api/app hook); each use case lets only the meeting's participants in (and an
 * action's owner). Never cached: minutes are clinical content, which goes nowhere else.
 */
export const mdtRoutes: FastifyPluginAsyncZod<MdtRouteDeps> = async (app, deps) => {
  const person = (id: string) => personOf(deps.directory, id);
  const stepDto = async (s: MdtStep) => ({ id: s.id, round: s.round, position: s.position, role: s.role, approver: await person(s.clinicianId), decision: s.decision, comment: s.comment, decidedAt: s.decidedAt });
  const actionDto = async (a: MdtAction & { caseCode: string; overdue: boolean }) =>
    ({ id: a.id, caseCode: a.caseCode, text: a.text, owner: await person(a.ownerId), dueAt: a.dueAt, status: a.status, doneAt: a.doneAt, overdue: a.overdue });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/api/app/mdt/:id', { schema: { tags, security, summary: 'An MDT meeting I take part in: people, minutes, sign-off and actions', params: mdtIdParams, response: { 200: mdtMeetingDto, ...errors } } }, async (req) => {
    const v = await openMdtMeeting(deps, req.clinician!, req.params.id);
    const now = deps.clock.now();
    return {
      id: v.meeting.id, caseCode: v.caseCode, scheduledAt: v.meeting.scheduledAt, status: v.meeting.status, round: v.meeting.round,
      organiser: await person(v.meeting.organiserId),
      participants: await Promise.all(v.participants.map(async (p) => ({ person: await person(p.clinicianId), kind: p.kind }))),
      transcript: v.transcript, summary: v.summary, editedBy: v.editedBy ? await person(v.editedBy.id) : null,
      steps: await Promise.all(v.steps.map(stepDto)),
      actions: await Promise.all(v.actions.map((a) => actionDto({ ...a, caseCode: v.caseCode, overdue: a.status === 'open' && a.dueAt !== null && a.dueAt < now }))),
      documentId: v.meeting.documentId, myStep: v.myStep, editable: v.editable,
    };
  });

  app.post('/api/app/mdt/:id/transcript', { schema: { tags, security, summary: 'Attach the transcript; answers the summary pre-filled from it by rules (no language model)', params: mdtIdParams, body: transcriptBody, response: { 200: mdtSummaryDto, ...errors } } }, async (req) =>
    attachTranscript(deps, req.clinician!, req.params.id, req.body.transcript));

  app.post('/api/app/mdt/:id/summary', { schema: { tags, security, summary: 'Save the edited structured summary', params: mdtIdParams, body: summaryBody, response: { 200: mdtSummaryDto, ...errors } } }, async (req) =>
    saveSummary(deps, req.clinician!, req.params.id, req.body.summary));

  app.post('/api/app/mdt/:id/submit', { schema: { tags, security, summary: 'Send the summary for sign-off (the configured chain starts from its first step)', params: mdtIdParams, response: { 200: mdtStepsDto, ...errors } } }, async (req) =>
    ({ steps: await Promise.all((await submitSummary(deps, req.clinician!, req.params.id)).map(stepDto)) }));

  app.post('/api/app/mdt/:id/decision', { schema: { tags, security, summary: 'Approve my sign-off step, or return the summary with a comment', params: mdtIdParams, body: decisionBody, response: { 200: mdtDecidedDto, ...errors } } }, async (req) => {
    const r = await decideStep(deps, req.clinician!, req.params.id, req.body);
    return { next: r.next, documentId: r.documentId ?? null };
  });

  app.get('/api/app/cases/:code/mdt', { schema: { tags, security, summary: 'The case’s MDT meetings, newest first (keyset pages): time, status, sign-off step; the care team sees all, an invited colleague theirs', params: caseParams, querystring: pageQuery, response: { 200: caseMdtPageDto, ...errors } } }, async (req) => {
    const page = await caseMdtMeetings(deps, req.clinician!, req.params.code, req.query);
    const items = await Promise.all(page.items.map(async (s) => ({
      id: s.meeting.id, caseCode: s.caseCode, status: s.meeting.status, scheduledAt: s.meeting.scheduledAt, since: s.since, canOpen: s.mine,
      step: s.step && { position: s.step.position, of: s.step.of, approver: await person(s.step.approverId) },
    })));
    return { items, nextCursor: page.nextCursor };
  });

  app.get('/api/app/mdt-actions', { schema: { tags, security, summary: 'My MDT actions, keyset pages: open first, soonest due first (undated last), then done, latest first', querystring: pageQuery, response: { 200: myMdtActionsDto, ...errors } } }, async (req) => {
    const page = await myMdtActions(deps, req.clinician!, req.query);
    return { items: await Promise.all(page.items.map(actionDto)), nextCursor: page.nextCursor };
  });

  app.get('/api/app/mdt-actions/counts', { schema: { tags, security, summary: 'How many of my MDT actions are open, and how many overdue (the inbox)', response: { 200: mdtActionCountsDto, ...errors } } }, async (req) =>
    myMdtActionCounts(deps, req.clinician!));

  app.post('/api/app/mdt-actions/:id/done', { schema: { tags, security, summary: 'Mark my MDT action done', params: mdtIdParams, response: { 200: mdtOkDto, ...errors } } }, async (req) => {
    await markMdtActionDone(deps, req.clinician!, req.params.id);
    return { ok: true as const };
  });
};
