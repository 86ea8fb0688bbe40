import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { addTeamMember } from '../../usecases/team/add-team-member.js';
import { removeTeamMember } from '../../usecases/team/remove-team-member.js';
import type { BotContext } from '../context.js';
import { say, type Lang } from '../i18n.js';
import { TEAM_TEXTS as T } from '../texts/team-texts.js';
import { findRole } from './case-args.js';
import { careRoleName, clinicianShort, langOf } from './case-text.js';
import type { CommandDeps } from './deps.js';

type Deps = Pick<CommandDeps, 'cases' | 'directoryRepo'>;

const shortName = async (deps: Pick<CommandDeps, 'directoryRepo'>, c: ClinicianRow, lang: Lang): Promise<string> =>
  clinicianShort(c, c.institutionId ? await deps.directoryRepo.institution(c.institutionId) : undefined, lang);

/** The @-mentioned colleagues as directory rows; all must be known before anything changes. */
async function mentionedMembers(deps: Pick<CommandDeps, 'directoryRepo'>, ctx: BotContext): Promise<ClinicianRow[] | undefined> {
  const rows: (ClinicianRow | undefined)[] = [];
  for (const id of new Set(ctx.msg.mentionedUserIds)) rows.push(await deps.directoryRepo.findByDingTalkId(id));
  return rows.every((r) => r !== undefined) ? (rows as ClinicianRow[]) : undefined;
}

function onlyAttendingText(c: CaseRow, who: string, lang: Lang): string {
  return say(lang, T.onlyAttending, who, c.code);
}

/**
 * `team C-XXXXX add @Dr Y consulting`: each mentioned colleague joins the care team through this
 * group (leaving the group ends the role). The group sees one line each; the colleague is told 1:1.
 */
export async function addMembers(deps: Deps, ctx: BotContext, c: CaseRow, words: readonly string[]): Promise<void> {
  const lang = ctx.lang;
  const members = await mentionedMembers(deps, ctx);
  if (!members) return ctx.reply(say(lang, T.unknownUser));
  if (members.length === 0) return ctx.reply(say(lang, T.mentionHintAdd, c.code));
  const role = findRole(words);
  if (!role) return ctx.reply(say(lang, T.roleHint, c.code));
  const via = ctx.msg.conversationType === 'group' ? ctx.msg.conversationId : undefined;
  for (const m of members) {
    const who = await shortName(deps, m, lang);
    const added = await addTeamMember(deps.cases, ctx.actor!, c, m, role, via);
    // Why an add was refused after the policy allowed it, in words (the domain's conflict is generic).
    if (added.kind === 'keeps_attending') {
      await ctx.reply(onlyAttendingText(c, who, lang));
      continue;
    }
    if (added.kind === 'already_in_role') {
      await ctx.reply(say(lang, T.alreadyMember, who, c.code, careRoleName(role, lang)));
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
export async function removeMembers(deps: Deps, ctx: BotContext, c: CaseRow): Promise<void> {
  const lang = ctx.lang;
  const members = await mentionedMembers(deps, ctx);
  if (!members) return ctx.reply(say(lang, T.unknownUser));
  if (members.length === 0) return ctx.reply(say(lang, T.mentionHintRemove, c.code));
  for (const m of members) {
    const who = await shortName(deps, m, lang);
    const removed = await removeTeamMember(deps.cases, ctx.actor!, c, m);
    if (removed.kind === 'not_member') {
      await ctx.reply(say(lang, T.notMember, who, c.code));
      continue;
    }
    if (removed.kind === 'keeps_attending') {
      await ctx.reply(onlyAttendingText(c, who, lang));
      continue;
    }
    await ctx.reply(say(lang, T.removed, who, c.code));
  }
}
