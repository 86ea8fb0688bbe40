import { DomainError } from '../../shared/errors.js';
import type { BotContext } from '../context.js';
import { appLink } from '../flows/app-link.js';
import { say } from '../i18n.js';
import { readCaseCode, withCaseCode } from './case-args.js';
import { TEXT, formLink } from './case-text.js';
import type { CommandDeps } from './deps.js';
import { CASE_TEXTS as T } from '../texts/case-texts.js';

/**
 * A conflict from opening or binding usually means the group already has a case: say which (the
 * group's members may know its code), or let the generic text through.
 */
async function explainConflict(deps: CommandDeps, ctx: BotContext, e: unknown): Promise<void> {
  const bound = e instanceof DomainError && e.code === 'conflict' ? await deps.secure.cases.queries.caseForConversation(ctx.msg.conversationId) : undefined;
  if (!bound) throw e;
  await ctx.reply(say(ctx.lang, T.groupAlreadyBound, bound.code));
}

/**
 * `case open` / 開案 in a consult group: a one-time form link goes to the opener 1:1; the group is
 * only told that a form was sent. The link opens the mini-app with a link intent id (no credential):
 * only the opener, signed in, can fill it in. The patient's identity is typed into the form, never into chat.
 */
export async function openCase(deps: CommandDeps, ctx: BotContext): Promise<void> {
  const { lang } = ctx;
  if (ctx.msg.conversationType !== 'group') {
    await ctx.reply(say(lang, T.openInGroup));
    return;
  }
  let intentId: string;
  try {
    ({ intentId } = await deps.secure.cases.open.startCaseOpen(ctx.actor!, ctx.msg.conversationId));
  } catch (e) {
    return explainConflict(deps, ctx, e);
  }
  const url = appLink(deps.publicUrl, 'form/case-open', intentId);
  await ctx.reply({ title: say(lang, T.openFormTitle), text: `${say(lang, T.openFormLead)}\n\n${formLink(T.openFormLabel, url, lang)}` }, { userId: ctx.msg.senderUserId });
  await ctx.reply(say(lang, T.openFormSent, TEXT.formSent[lang]));
}

/**
 * `case bind C-XXXXX` in a group: links an existing case to this group (the attending, or the
 * doctor whose case-open form just found that case).
 */
export async function bindCase(deps: CommandDeps, ctx: BotContext, codeArg: string | undefined): Promise<void> {
  const { lang } = ctx;
  if (ctx.msg.conversationType !== 'group') {
    await ctx.reply(TEXT.groupOnly[lang]);
    return;
  }
  const code = readCaseCode(codeArg);
  let bound: boolean;
  try {
    ({ bound } = await withCaseCode(code, (c) => deps.secure.cases.open.bindExistingCase(ctx.actor!, c, ctx.msg.conversationId)));
  } catch (e) {
    return explainConflict(deps, ctx, e);
  }
  if (!bound) {
    await ctx.reply(say(lang, T.alreadyLinked, code));
    return;
  }
  await ctx.reply(say(lang, T.nowLinked, code));
}
