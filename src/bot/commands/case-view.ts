import type { CaseRow } from '../../domain/cases/cases-repository.js';
import { caseOverview } from '../../usecases/cases/case-overview.js';
import { hkDate } from '../format.js';
import type { BotContext } from '../context.js';
import { readCaseCode, withCaseCode } from './case-args.js';
import { documentLine, teamLine } from './case-text.js';
import type { CommandDeps } from './deps.js';
import { CASE_TEXTS as T } from '../texts/case-texts.js';
import { say } from '../i18n.js';

/** The case a command names, or (no code given) the case of the group it was written in. */
export async function caseFromArgs(deps: Pick<CommandDeps, 'cases'>, ctx: BotContext, codeArg: string | undefined): Promise<CaseRow> {
  const { queries } = deps.cases;
  if (codeArg === undefined && ctx.msg.conversationType === 'group') {
    const own = await queries.caseForConversation(ctx.msg.conversationId);
    if (own) return own;
  }
  return withCaseCode(readCaseCode(codeArg), queries.findCase);
}

/**
 * `case C-XXXXX`: code, status, care team with roles and badges, and the case's documents by date,
 * for whom the case-overview use case lets see it (team, the case's group, break-glass). Trust
 * (verified, not suspended) is checked before.
 */
export async function showCase(deps: Pick<CommandDeps, 'cases' | 'grants' | 'documents'>, ctx: BotContext, codeArg: string | undefined): Promise<void> {
  const { lang } = ctx;
  const c = await caseFromArgs(deps, ctx, codeArg);
  const fromGroup = ctx.msg.conversationType === 'group' ? ctx.msg.conversationId : undefined;
  const { team, documents: docs, myRole } = await caseOverview({ queries: deps.cases.queries, grants: deps.grants, documents: deps.documents }, ctx.actor!.clinician.id, c, fromGroup);
  const status = c.status === 'open' ? '' : say(lang, T.closed);
  const lines = [
    `**${say(lang, T.caseWord)} ${c.code}**${status} · ${say(lang, T.opened)} ${hkDate(c.openedAt)}`,
    '',
    `**${say(lang, T.careTeam)}**`,
    ...team.map((m) => teamLine(m, lang)),
    '',
    `**${say(lang, T.documents)}**`,
    ...(docs.length ? docs.map((d) => documentLine(d, lang)) : [say(lang, T.noneYet)]),
  ];
  if (myRole === 'attending') {
    lines.push(
      '',
      say(lang, T.addColleague, c.code),
    );
  }
  await ctx.reply({ title: `${say(lang, T.caseWord)} ${c.code}`, text: lines.join('\n') });
}
