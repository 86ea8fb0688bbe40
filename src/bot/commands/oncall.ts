import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { whoIsOnCall, type OnCallPerson } from '../../usecases/rosters/who-is-on-call.js';
import { rosterByWords, type RosterDeps } from '../../usecases/rosters/roster-deps.js';
import { hkDateTime } from '../../shared/hk-time.js';
import { clinicianName, roleName } from '../format.js';
import type { BotContext } from '../context.js';
import { say, type Lang } from '../i18n.js';
import { ROSTER_TEXTS as T } from '../texts/roster-texts.js';
import type { Command } from './command.js';
import { coverByChat, swapByChat } from './oncall-edit.js';
import { rosterName, specialtyAndCode } from './oncall-words.js';

/** "Dr CHAN (Associate Consultant)": how a rostered colleague is named in chat. */
export function personRole(c: ClinicianRow, lang: Lang): string {
  return c.title ?? roleName(c.role, lang) ?? '';
}

function levelLines(people: OnCallPerson[], level: string, lang: Lang): string {
  const head = `**${say(lang, T.level, level)}**`;
  if (people.length === 0) return `${head}: ${say(lang, T.nobody)}`;
  return [head, ...people.map((p) => `- ${say(lang, T.person, clinicianName(p.clinician), personRole(p.clinician, lang), hkDateTime(p.until))}`)].join('\n');
}

async function answerWho(deps: { rosters: RosterDeps }, ctx: BotContext, words: string[]): Promise<void> {
  const { lang } = ctx;
  const named = specialtyAndCode(words);
  if (!named) return ctx.reply(say(lang, T.usage));
  const key = await rosterByWords(deps.rosters, named.code, named.specialty);
  const now = await whoIsOnCall(deps.rosters, key);
  const lines = [levelLines(now.first, 'first', lang), levelLines(now.second, 'second', lang)];
  if (now.shift.length > 0) lines.push(levelLines(now.shift, 'shift', lang));
  if (now.escalationContact) lines.push(say(lang, T.escalation, clinicianName(now.escalationContact)));
  lines.push(say(lang, T.asOf, hkDateTime(now.at)));
  await ctx.reply({ title: say(lang, T.title, rosterName(key.specialty, key.institution, lang)), text: lines.join('\n\n') });
}

/**
 * `oncall <specialty> <hospital>`: who is on call there now (first, second, on shift; names, roles,
 * until when in HKT; no patient data). The roster's owner (or an admin) also edits it by chat:
 * `oncall cover …` and `oncall swap …` (oncall-edit.ts).
 */
export function oncallCommand(deps: { rosters: RosterDeps }): Command {
  return {
    name: 'oncall',
    usage: '<specialty> <hospital> | cover … | swap …',
    aliases: ['on-call', '當值', '当值'],
    summary: { en: 'who is on call now at a hospital (roster owners: cover, swap)', zh: '查詢醫院現時的當值醫生（當值表負責人：代班、互換）' },
    needsTrust: true,
    async run(ctx) {
      const [first = '', ...rest] = ctx.command?.args ?? [];
      const sub = first.toLowerCase();
      if (sub === 'cover' || sub === '代班') return coverByChat(deps, ctx, rest);
      if (sub === 'swap' || sub === '互換' || sub === '互换') return swapByChat(deps, ctx, rest);
      return answerWho(deps, ctx, ctx.command?.args ?? []);
    },
  };
}
