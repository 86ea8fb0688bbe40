import type { CaseRow } from '../../domain/cases/cases-repository.js';
import { DomainError } from '../../shared/errors.js';
import { hkDate } from '../format.js';
import type { BotContext } from '../context.js';
import { readCaseCode, withCaseCode } from './case-args.js';
import { documentLine, teamLine } from './case-text.js';
import type { CommandDeps } from './deps.js';
import { CASE_TEXTS as T } from '../texts/case-texts.js';
import { say } from '../i18n.js';

/**
 * Who may see a case's team and document list. It holds no patient data, but it is still
 * case-scoped: members of the care team, anyone writing from a group bound to the case, and a
 * clinician holding live break-glass access. Trust (verified, not suspended) is checked before.
 */
async function assertMayView(deps: Pick<CommandDeps, 'cases' | 'grants'>, ctx: BotContext, c: CaseRow): Promise<void> {
  const { queries } = deps.cases;
  const me = ctx.actor!.clinician.id;
  if ((await queries.teamRoleNow(c.id, me)) !== '') return;
  if (ctx.msg.conversationType === 'group' && (await queries.caseForConversation(ctx.msg.conversationId))?.id === c.id) return;
  if ((await deps.grants.activeGrantFor(me, '', c.id)).hasBreakGlass) return;
  throw new DomainError('access.denied');
}

/** The case a command names, or (no code given) the case of the group it was written in. */
export async function caseFromArgs(deps: Pick<CommandDeps, 'cases'>, ctx: BotContext, codeArg: string | undefined): Promise<CaseRow> {
  const { queries } = deps.cases;
  if (codeArg === undefined && ctx.msg.conversationType === 'group') {
    const own = await queries.caseForConversation(ctx.msg.conversationId);
    if (own) return own;
  }
  return withCaseCode(readCaseCode(codeArg), queries.findCase);
}

/** `case C-XXXXX`: code, status, care team with roles and badges, and the case's documents by date. */
export async function showCase(deps: Pick<CommandDeps, 'cases' | 'grants' | 'documents'>, ctx: BotContext, codeArg: string | undefined): Promise<void> {
  const { lang } = ctx;
  const c = await caseFromArgs(deps, ctx, codeArg);
  await assertMayView(deps, ctx, c);
  const { queries } = deps.cases;
  const team = await queries.teamOf(c.id);
  const docs = await deps.documents.listByCase(c.id);
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
  if ((await queries.teamRoleNow(c.id, ctx.actor!.clinician.id)) === 'attending') {
    lines.push(
      '',
      say(lang, T.addColleague, c.code),
    );
  }
  await ctx.reply({ title: `${say(lang, T.caseWord)} ${c.code}`, text: lines.join('\n') });
}
