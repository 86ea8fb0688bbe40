import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { clinicianName } from '../../domain/directory/clinician-names.js';
import type { MdtSummary } from '../../domain/mdt/mdt-meeting.js';
import { prefillSummary, type PrefillContext } from '../../domain/mdt/minutes-prefill.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { meetingFor } from './mdt-access.js';
import type { MdtDeps } from './mdt-ports.js';
import { checkSummary } from './mdt-summary-check.js';

/** The longest transcript kept (a one-hour meeting's minutes are far shorter). */
export const TRANSCRIPT_MAX_CHARS = 60_000;

export type MinutesDeps = MdtDeps & { normalise: PrefillContext['normalise'] };

/** The stages at which the minutes may be edited: before sign-off, and after a return. */
const EDITABLE = ['scheduled', 'drafted', 'returned'] as const;

/**
 * A participant attaches the meeting's transcript (pasted, or a .txt upload read by the mini-app):
 * it is kept sealed, and the structured summary is pre-filled from it by rules (minutes-prefill.ts —
 * no language model), to be edited before it goes for sign-off. A new transcript replaces the
 * summary with a fresh pre-fill.
 */
export async function attachTranscript(deps: MinutesDeps, me: ClinicianRow, meetingId: string, transcript: string): Promise<MdtSummary> {
  const text = transcript.replace(/\r\n/g, '\n').trim();
  if (text.length === 0 || text.length > TRANSCRIPT_MAX_CHARS) throw new DomainError('request.invalid', 'transcript is empty or too long');
  const { meeting, participants } = await meetingFor(deps, me, meetingId);
  const people: { id: string; names: string[] }[] = [];
  for (const p of participants) {
    const c = await deps.directory.findById(p.clinicianId);
    if (c) people.push({ id: c.id, names: [c.nameZh, c.nameEn, c.displayName, clinicianName(c)].filter((n): n is string => !!n) });
  }
  const summary = prefillSummary(text, { people, meetingAt: meeting.scheduledAt, normalise: deps.normalise });
  await save(deps, me, meetingId, { transcript: text, summary }, 'transcript');
  return summary;
}

/** The participant's edited summary replaces the stored one (the transcript stays). */
export async function saveSummary(deps: MdtDeps, me: ClinicianRow, meetingId: string, summary: MdtSummary): Promise<MdtSummary> {
  const { participants } = await meetingFor(deps, me, meetingId);
  const checked = checkSummary(summary, participants.map((p) => p.clinicianId));
  const minutes = await deps.mdt.findMinutes(meetingId);
  if (!minutes) throw new DomainError('mdt.state_changed', 'attach the transcript first');
  await save(deps, me, meetingId, { transcript: minutes.transcript, summary: checked }, 'summary');
  return checked;
}

async function save(deps: MdtDeps, me: ClinicianRow, meetingId: string, m: { transcript: string; summary: MdtSummary }, what: 'transcript' | 'summary'): Promise<void> {
  await deps.transaction(async () => {
    // The stage is checked and moved in the same transaction as the write, so a submit cannot slip between.
    if (!(await deps.mdt.moveStatus(meetingId, [...EDITABLE], 'drafted', { statusAt: deps.clock.now() }))) throw new DomainError('mdt.state_changed');
    await deps.mdt.saveMinutes({ meetingId, transcript: m.transcript, summary: m.summary, editedBy: me.id, updatedAt: deps.clock.now() });
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.mdtMinutesSaved, target: meetingId, outcome: 'success', reason: what });
  });
}
