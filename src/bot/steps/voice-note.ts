import type { MatchHow } from '../../domain/clinical/drug-resolver.js';
import { DomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { reviewVoiceNote, voiceNoteInGroup, type VoiceNoteDeps, type VoiceNoteReview } from '../../usecases/clinical/review-voice-note.js';
import { careRoleName } from '../commands/case-text.js';
import { doctorPageLink } from '../flows/app-link.js';
import type { Step } from '../context.js';
import { say, type Lang } from '../i18n.js';
import { replyForError } from '../reply-for-error.js';
import { VOICE_TEXTS as T } from '../texts/voice-texts.js';

const HOW = { exact: T.howExact, converted: T.howConverted, 'sound-alike': T.howSoundAlike } satisfies Record<MatchHow, unknown>;

function render(review: VoiceNoteReview, lang: Lang, publicUrl: string): string {
  const lines: string[] = [];
  if (review.terms.length === 0) lines.push(say(lang, T.noTerms));
  else {
    lines.push(say(lang, T.heardTitle));
    for (const m of review.terms) lines.push(say(lang, T.heard, m.heard, m.canonical, say(lang, HOW[m.how]), m.score.toFixed(2)));
  }
  lines.push('', say(lang, T.casesTitle));
  if (review.cases.length === 0) lines.push(say(lang, T.noCases));
  // The link names the kept note's id and the case code only: the transcript stays on the server.
  const page = doctorPageLink(publicUrl, 'voice', review.draftId);
  const confirmUrl = (code: string) => `${page}?case=${encodeURIComponent(code)}`;
  for (const c of review.cases) lines.push(say(lang, T.caseLine, c.code, careRoleName(c.role, lang), confirmUrl(c.code)));
  if (review.moreCases) lines.push(say(lang, T.moreCases, page));
  if (review.cases.length > 0) lines.push('', say(lang, T.confirmFirst));
  return lines.join('\n');
}

/**
 * A voice note (`msgtype: "audio"`) is never a command. In a group it is not read: the sender alone is
 * told, 1:1, that voice notes are taken 1:1 only (the group hears nothing). 1:1, from a verified
 * clinician, its transcript is normalised and the matched terms and the sender's cases are answered
 * 1:1 (review-voice-note.ts), each case with a link to the confirm page where the sender saves it to the
 * case as a note or as a medication (save-voice-note.ts). Other messages go on to the command steps.
 */
export function voiceNote(deps: VoiceNoteDeps & { publicUrl: string; logger: Logger }): Step {
  return async (ctx, next) => {
    const voice = ctx.msg.voice;
    if (!voice) return next();
    const actor = ctx.actor!;
    const toSender = { userId: ctx.msg.senderUserId };
    if (ctx.msg.conversationType !== 'direct') {
      voiceNoteInGroup(deps, actor.clinician.id, ctx.msg.msgId);
      return ctx.reply({ title: say(ctx.lang, T.title), text: say(ctx.lang, T.inGroup) }, toSender);
    }
    if (!actor.trusted) {
      const err = new DomainError(actor.clinician.suspended ? 'actor.suspended' : 'actor.unverified');
      return ctx.reply(replyForError(err, ctx.lang, deps.logger), toSender);
    }
    const review = await reviewVoiceNote(deps, actor.clinician, { msgId: ctx.msg.msgId, recognition: voice.recognition });
    await ctx.reply({ title: say(ctx.lang, T.title), text: render(review, ctx.lang, deps.publicUrl) }, toSender);
  };
}
