import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseSummaryDto, confirmProblemBody, createdDto, draftParams, saveVoiceBody, voiceNoteDto, voiceSavedDto } from '../../contract/clinical-notes.js';
import { caseCodeParams, composeRouteDocs } from '../../contract/compose.js';
import { errorBody } from '../../contract/errors.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { openVoiceNote, saveVoiceNote, type SaveVoiceNoteDeps } from '../../usecases/clinical/save-voice-note.js';
import { confirmProblem, type ConfirmProblemDeps } from '../../usecases/notes/case-notes.js';
import { caseSummary, type CaseSummaryDeps } from '../../usecases/summary/case-summary.js';
import { composeCase } from './compose-options.js';
import { personOf } from './people.js';

const { errors, security, tags } = composeRouteDocs;

export type ClinicalNotesRouteDeps = SaveVoiceNoteDeps & ConfirmProblemDeps & CaseSummaryDeps & { directory: Pick<DirectoryRepository, 'findById' | 'institution'> };

/**
 * The voice-note confirm page and the case key points (issue 13 items 4 and 5). Signed-in, verified,
 * active clinicians only (the /api/app hook); the use cases ask the policy. Never cached: they carry
 * clinical content, which goes nowhere else (not chat, not the links).
 */
export const clinicalNotesRoutes: FastifyPluginAsyncZod<ClinicalNotesRouteDeps> = async (app, deps) => {
  const person = (id: string) => personOf(deps.directory, id);

  app.get(
    '/api/app/voice/:id',
    { schema: { tags, security, summary: 'My kept voice note: transcript and matched terms to confirm, and my cases', params: draftParams, response: { 200: voiceNoteDto, ...errors, 410: errorBody } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return openVoiceNote(deps, req.clinician!, req.params.id);
    },
  );

  app.post(
    '/api/app/voice/:id/save',
    { schema: { tags, security, summary: 'Save my kept voice note to one of my cases, as a note or as medication entries', params: draftParams, body: saveVoiceBody, response: { 201: voiceSavedDto, ...errors, 410: errorBody, 503: errorBody } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await saveVoiceNote(deps, req.clinician!, req.params.id, req.body));
    },
  );

  app.get(
    '/api/app/cases/:code/summary',
    { schema: { tags, security, summary: 'A case’s key points, for a clinician the policy lets open its records now', params: caseCodeParams, response: { 200: caseSummaryDto, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const s = await caseSummary(deps, req.clinician!, await composeCase(deps, req.params.code));
      return {
        ...s,
        problems: await Promise.all(s.problems.map(async (p) => ({ ...p, confirmedBy: await person(p.confirmedBy) }))),
        medications: s.medications && (await Promise.all(s.medications.map(async (m) => ({ ...m, prescriber: m.prescriberId ? await person(m.prescriberId) : null })))),
        openRequests: await Promise.all(s.openRequests.map(async (r) => ({ id: r.id, requester: await person(r.requesterId), createdAt: r.createdAt }))),
        notes: await Promise.all(s.notes.map(async (n) => ({ ...n, author: await person(n.createdBy) }))),
      };
    },
  );

  app.post(
    '/api/app/cases/:code/problems',
    { schema: { tags, security, summary: 'Confirm a suggested problem (a lexicon diagnosis or symptom) on the case', params: caseCodeParams, body: confirmProblemBody, response: { 201: createdDto, ...errors } } },
    async (req, reply) => {
      const note = await confirmProblem(deps, req.clinician!, await composeCase(deps, req.params.code), req.body);
      return reply.status(201).send({ id: note.id });
    },
  );
};
