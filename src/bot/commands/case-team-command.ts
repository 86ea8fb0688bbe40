import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { CareRole } from '../../domain/cases/cases-tables.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { DomainError } from '../../shared/errors.js';
import type { BotContext } from '../context.js';
import { say, type Lang } from '../i18n.js';
import { TEAM_TEXTS as T } from '../texts/team-texts.js';
import { findRole } from './case-args.js';
import { careRoleName, clinicianShort, langOf } from './case-text.js';
import type { CommandDeps } from './deps.js';

/** The @-mentioned colleagues as directory rows; all must be known before anything changes. */
const shortName = async (deps: CommandDeps, c: ClinicianRow, lang: Lang): Promise<string> =>
  clinicianShort(c, c.institutionId ? await deps.directoryRepo.institution(c.institutionId) : undefined, lang);

async function mentionedMembers(deps: CommandDeps, ctx: BotContext): Promise<ClinicianRow[] | undefined> {
  const rows: (ClinicianRow | undefined)[] = [];
  for (const id of new Set(ctx.msg.mentionedUserIds)) rows.push(await deps.directoryRepo.findByDingTalkId(id));
  return rows.every((r) => r !== undefined) ? (rows as ClinicianRow[]) : undefined;
}

function onlyAttendingText(c: CaseRow, who: string, lang: Lang): string {
  return say(lang, T.onlyAttending, who, c.code);
}

/** Why an add was refused after the policy allowed it, in words (the domain's conflict is generic). */
async function addConflictText(deps: CommandDeps, c: CaseRow, who: string, member: ClinicianRow, role: CareRole, lang: Lang): Promise<string> {
  if ((await deps.secure.cases.queries.teamRoleNow(c.id, member.id)) !== role) return onlyAttendingText(c, who, lang);
  return say(lang, T.alreadyMember, who, c.code, careRoleName(role, lang));
}

/**
 * `team C-XXXXX add @Dr Y consulting`: each mentioned colleague joins the care team through this
 * group (leaving the group ends the role). The group sees one line each; the colleague is told 1:1.
 */
export async function addMembers(deps: CommandDeps, ctx: BotContext, c: CaseRow, words: readonly string[]): Promise<void> {
  const lang = ctx.lang;
  const members = await mentionedMembers(deps, ctx);
  if (!members) return ctx.reply(say(lang, T.unknownUser));
  if (members.length === 0) return ctx.reply(say(lang, T.mentionHintAdd, c.code));
  const role = findRole(words);
  if (!role) return ctx.reply(say(lang, T.roleHint, c.code));
  const via = ctx.msg.conversationType === 'group' ? ctx.msg.conversationId : undefined;
  for (const m of members) {
    const who = await shortName(deps, m, lang);
    try {
      await deps.secure.cases.team.addMember(ctx.actor!, c.code, m.dingtalkUserId, role, via);
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
      await ctx.reply(await addConflictText(deps, c, who, m, role, lang));
      continue;
    }
    await ctx.reply(say(lang, T.added, who, c.code, careRoleName(role, lang)));
    if (m.id === ctx.actor!.clinician.id) continue;
    const ml = langOf(m);
    const byThem = await shortName(deps, ctx.actor!.clinician, ml);
    const note = say(ml, T.addedNote, byThem, c.code, careRoleName(role, ml));
    await ctx.reply({ title: `${c.code}`, text: note }, { userId: m.dingtalkUserId });
  }
}

/** `team C-XXXXX remove @Dr Y`: ends every open role of each mentioned colleague on the case. */
export async function removeMembers(deps: CommandDeps, ctx: BotContext, c: CaseRow): Promise<void> {
  const lang = ctx.lang;
  const members = await mentionedMembers(deps, ctx);
  if (!members) return ctx.reply(say(lang, T.unknownUser));
  if (members.length === 0) return ctx.reply(say(lang, T.mentionHintRemove, c.code));
  for (const m of members) {
    const who = await shortName(deps, m, lang);
    try {
      await deps.secure.cases.team.removeMember(ctx.actor!, c.code, m.dingtalkUserId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') {
        await ctx.reply(say(lang, T.notMember, who, c.code));
        continue;
      }
      if (e instanceof DomainError && e.code === 'conflict') {
        await ctx.reply(onlyAttendingText(c, who, lang));
        continue;
      }
      throw e;
    }
    await ctx.reply(say(lang, T.removed, who, c.code));
  }
}
