import { bindCaseToGroup, startCaseOpen, type GroupTaken } from '../../usecases/cases/open-case.js';
import type { BotContext } from '../context.js';
import { appLink } from '../flows/app-link.js';
import { say } from '../i18n.js';
import { readCaseCode, withCaseCode } from './case-args.js';
import { TEXT, formLink } from './case-text.js';
import type { CommandDeps } from './deps.js';
import { CASE_TEXTS as T } from '../texts/case-texts.js';

type Deps = Pick<CommandDeps, 'cases' | 'publicUrl'>;

const openDeps = (deps: Deps) => ({ open: deps.cases.open, queries: deps.cases.queries });

/** The group already has a case: say which (the group's members may know its code). */
const groupTaken = (ctx: BotContext, r: GroupTaken) => ctx.reply(say(ctx.lang, T.groupAlreadyBound, r.caseCode));

/**
 * `case open` / 開案 in a consult group: a one-time form link goes to the opener 1:1; the group is
 * only told that a form was sent. The link opens the mini-app with a link intent id (no credential):
 * only the opener, signed in, can fill it in. The patient's identity is typed into the form, never into chat.
 */
export async function openCase(deps: Deps, ctx: BotContext): Promise<void> {
  const { lang } = ctx;
  if (ctx.msg.conversationType !== 'group') {
    await ctx.reply(say(lang, T.openInGroup));
    return;
  }
  const started = await startCaseOpen(openDeps(deps), ctx.actor!, ctx.msg.conversationId);
  if (started.kind === 'group_taken') return groupTaken(ctx, started);
  const url = appLink(deps.publicUrl, 'form/case-open', started.intentId);
  await ctx.reply({ title: say(lang, T.openFormTitle), text: `${say(lang, T.openFormLead)}\n\n${formLink(T.openFormLabel, url, lang)}` }, { userId: ctx.msg.senderUserId });
  await ctx.reply(say(lang, T.openFormSent, TEXT.formSent[lang]));
}

/**
 * `case bind C-XXXXX` in a group: links an existing case to this group (the attending, or the
 * doctor whose case-open form just found that case).
 */
export async function bindCase(deps: Deps, ctx: BotContext, codeArg: string | undefined): Promise<void> {
  const { lang } = ctx;
  if (ctx.msg.conversationType !== 'group') {
    await ctx.reply(TEXT.groupOnly[lang]);
    return;
  }
  const code = readCaseCode(codeArg);
  const r = await withCaseCode(code, (c) => bindCaseToGroup(openDeps(deps), ctx.actor!, c, ctx.msg.conversationId));
  if (r.kind === 'group_taken') return groupTaken(ctx, r);
  await ctx.reply(say(lang, r.kind === 'already_linked' ? T.alreadyLinked : T.nowLinked, code));
}
