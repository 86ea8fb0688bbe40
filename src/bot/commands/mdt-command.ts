import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { parseHkDateTime } from '../../domain/mdt/hk-dates.js';
import { DomainError } from '../../shared/errors.js';
import { hkDateTime } from '../../shared/hk-time.js';
import { scheduleMdt } from '../../usecases/mdt/schedule-mdt.js';
import { say } from '../i18n.js';
import { MDT_TEXTS as T } from '../texts/mdt-texts.js';
import { TEAM_TEXTS } from '../texts/team-texts.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';

/**
 * `mdt C-XXXXX YYYY-MM-DD HH:mm @Name …`: books an MDT meeting (Hong Kong time) with the care team and
 * the @-mentioned colleagues (invited through a consult grant). The group hears the booking — code,
 * time, how many — and each participant gets the meeting's link 1:1. Nothing clinical in chat.
 */
export function mdtCommand(deps: Pick<CommandDeps, 'cases' | 'directoryRepo' | 'mdt'>): Command {
  return {
    name: 'mdt',
    usage: 'C-XXXXX YYYY-MM-DD HH:mm @…',
    aliases: ['mdm', '多專科會議', '多专科会议', '會診會議', '会诊会议'],
    summary: { en: 'book an MDT meeting with sign-off of its minutes', zh: '安排多專科會議並簽核會議紀錄' },
    needsTrust: true,
    async run(ctx) {
      const { caseRow, rest } = await caseFromArgs(deps, ctx);
      const words = rest.filter((w) => !w.startsWith('@') && !/^hkt$/i.test(w));
      if (words.length < 2) return ctx.reply(say(ctx.lang, T.usage));
      const at = parseHkDateTime(`${words[0]} ${words[1]}`);
      if (at === null) throw new DomainError('mdt.time_invalid');
      const invitees: ClinicianRow[] = [];
      for (const id of new Set(ctx.msg.mentionedUserIds)) {
        const c = await deps.directoryRepo.findByDingTalkId(id);
        if (!c) return ctx.reply(say(ctx.lang, TEAM_TEXTS.unknownUser));
        invitees.push(c);
      }
      const booked = await scheduleMdt(deps.mdt, ctx.actor!.clinician, caseRow, { at, invitees });
      await ctx.reply({ title: say(ctx.lang, T.title), text: say(ctx.lang, T.scheduled, caseRow.code, hkDateTime(at), booked.participants.length, booked.invited.length) });
    },
  };
}
