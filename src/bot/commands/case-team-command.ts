import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { CareRole } from '../../domain/cases/cases-tables.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { DomainError } from '../../shared/errors.js';
import type { BotContext } from '../context.js';
import type { Lang } from '../i18n.js';
import { findRole } from './case-args.js';
import { careRoleName, clinicianShort, langOf } from './case-text.js';
import type { CommandDeps } from './deps.js';

const ROLE_HINT = {
  en: (code: string) => `Which role? attending, consulting, referring or observer — e.g. \`@ConsultBridge team ${code} add @name consulting\``,
  zh: (code: string) => `請註明角色：主診、會診、轉介或觀察，例如 @ConsultBridge 團隊 ${code} 加入 @姓名 會診`,
};

const MENTION_HINT = {
  add: {
    en: (code: string) => `Mention the colleague with @, e.g. \`@ConsultBridge team ${code} add @name consulting\``,
    zh: (code: string) => `請用 @ 提及該同事，例如 @ConsultBridge 團隊 ${code} 加入 @姓名 會診`,
  },
  remove: {
    en: (code: string) => `Mention the colleague with @, e.g. \`@ConsultBridge team ${code} remove @name\``,
    zh: (code: string) => `請用 @ 提及該同事，例如 @ConsultBridge 團隊 ${code} 移除 @姓名`,
  },
};

const UNKNOWN_USER = {
  en: 'I can’t find the colleague you mentioned in the ConsultBridge directory. Ask them to send `@ConsultBridge whoami` once, then try again.',
  zh: 'ConsultBridge 名錄中找不到你提及的同事。請他先傳送一次 @ConsultBridge whoami，然後再試。',
};

/** The @-mentioned colleagues as directory rows; all must be known before anything changes. */
function mentionedMembers(deps: CommandDeps, ctx: BotContext): ClinicianRow[] | undefined {
  const ids = [...new Set(ctx.msg.mentionedUserIds)];
  const rows = ids.map((id) => deps.directoryRepo.findByDingTalkId(id));
  return rows.every((r) => r !== undefined) ? (rows as ClinicianRow[]) : undefined;
}

function onlyAttendingText(c: CaseRow, who: string, lang: Lang): string {
  return lang === 'zh'
    ? `${who} 是 ${c.code} 唯一的主診醫生；請先加入另一位主診醫生。`
    : `${who} is the only attending of ${c.code}; add another attending first.`;
}

/** Why an add was refused after the policy allowed it, in words (the domain's conflict is generic). */
function addConflictText(deps: CommandDeps, c: CaseRow, who: string, member: ClinicianRow, role: CareRole, lang: Lang): string {
  if (deps.secure.cases.queries.teamRoleNow(c.id, member.id) !== role) return onlyAttendingText(c, who, lang);
  return lang === 'zh' ? `${who} 已是 ${c.code} 的${careRoleName(role, lang)}。` : `${who} is already ${careRoleName(role, lang)} on ${c.code}.`;
}

/**
 * `team C-XXXXX add @Dr Y consulting`: each mentioned colleague joins the care team through this
 * group (leaving the group ends the role). The group sees one line each; the colleague is told 1:1.
 */
export async function addMembers(deps: CommandDeps, ctx: BotContext, c: CaseRow, words: readonly string[]): Promise<void> {
  const lang = ctx.lang;
  const members = mentionedMembers(deps, ctx);
  if (!members) return ctx.reply(UNKNOWN_USER[lang]);
  if (members.length === 0) return ctx.reply(MENTION_HINT.add[lang](c.code));
  const role = findRole(words);
  if (!role) return ctx.reply(ROLE_HINT[lang](c.code));
  const via = ctx.msg.conversationType === 'group' ? ctx.msg.conversationId : undefined;
  for (const m of members) {
    const who = clinicianShort(deps.directoryRepo, m, lang);
    try {
      await deps.secure.cases.team.addMember(ctx.actor!, c.code, m.dingtalkUserId, role, via);
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
      ctx.reply(addConflictText(deps, c, who, m, role, lang));
      continue;
    }
    ctx.reply(lang === 'zh' ? `✔ ${who} 已加入 ${c.code}，角色：${careRoleName(role, lang)}` : `✔ ${who} added to ${c.code} as ${careRoleName(role, lang)}`);
    if (m.id === ctx.actor!.clinician.id) continue;
    const ml = langOf(m);
    const byThem = clinicianShort(deps.directoryRepo, ctx.actor!.clinician, ml);
    const note =
      ml === 'zh'
        ? `${byThem} 已把你加入個案 ${c.code} 的醫療團隊，角色：${careRoleName(role, ml)}。查看：@ConsultBridge 個案 ${c.code}`
        : `${byThem} added you to the care team of case ${c.code} as ${careRoleName(role, ml)}. See it: \`@ConsultBridge case ${c.code}\``;
    ctx.reply({ title: `${c.code}`, text: note }, { userId: m.dingtalkUserId });
  }
}

/** `team C-XXXXX remove @Dr Y`: ends every open role of each mentioned colleague on the case. */
export async function removeMembers(deps: CommandDeps, ctx: BotContext, c: CaseRow): Promise<void> {
  const lang = ctx.lang;
  const members = mentionedMembers(deps, ctx);
  if (!members) return ctx.reply(UNKNOWN_USER[lang]);
  if (members.length === 0) return ctx.reply(MENTION_HINT.remove[lang](c.code));
  for (const m of members) {
    const who = clinicianShort(deps.directoryRepo, m, lang);
    try {
      await deps.secure.cases.team.removeMember(ctx.actor!, c.code, m.dingtalkUserId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') {
        ctx.reply(lang === 'zh' ? `${who} 不在 ${c.code} 的醫療團隊中。` : `${who} is not on the care team of ${c.code}.`);
        continue;
      }
      if (e instanceof DomainError && e.code === 'conflict') {
        ctx.reply(onlyAttendingText(c, who, lang));
        continue;
      }
      throw e;
    }
    ctx.reply(lang === 'zh' ? `${who} 已從 ${c.code} 的醫療團隊移除。` : `${who} removed from the care team of ${c.code}.`);
  }
}
