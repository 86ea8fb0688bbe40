import { DomainError } from '../../shared/errors.js';
import type { BotContext } from '../context.js';
import { appLink } from '../flows/app-link.js';
import type { Lang } from '../i18n.js';
import { readCaseCode, withCaseCode } from './case-args.js';
import { TEXT, formLink } from './case-text.js';
import type { CommandDeps } from './deps.js';

function groupAlreadyBound(code: string, lang: Lang): string {
  return lang === 'zh'
    ? `此群組已屬於個案 ${code}。如要為另一位病人開案，請另開一個會診群組。`
    : `This group already belongs to case ${code}. For another patient, start a new consult group.`;
}

/**
 * A conflict from opening or binding usually means the group already has a case: say which (the
 * group's members may know its code), or let the generic text through.
 */
function explainConflict(deps: CommandDeps, ctx: BotContext, e: unknown): void {
  const bound = e instanceof DomainError && e.code === 'conflict' ? deps.secure.cases.queries.caseForConversation(ctx.msg.conversationId) : undefined;
  if (!bound) throw e;
  ctx.reply(groupAlreadyBound(bound.code, ctx.lang));
}

/**
 * `case open` / 開案 in a consult group: a one-time form link goes to the opener 1:1; the group is
 * only told that a form was sent. The link opens the mini-app with a link intent id (no credential):
 * only the opener, signed in, can fill it in. The patient's identity is typed into the form, never into chat.
 */
export function openCase(deps: CommandDeps, ctx: BotContext): void {
  const zh = ctx.lang === 'zh';
  if (ctx.msg.conversationType !== 'group') {
    ctx.reply(zh ? '請在會診群組中 @ConsultBridge 開案，個案會與該群組連結。' : 'Please use `@ConsultBridge case open` in the consult group: the case is linked to that group.');
    return;
  }
  let intentId: string;
  try {
    ({ intentId } = deps.secure.cases.open.startCaseOpen(ctx.actor!, ctx.msg.conversationId));
  } catch (e) {
    return explainConflict(deps, ctx, e);
  }
  const url = appLink(deps.publicUrl, 'form/case-open', intentId);
  const label = { en: 'Open the case form', zh: '開啟開案表格' };
  const lead = zh ? '請在表格中輸入病人資料以開案（請勿在聊天中輸入）：' : 'Enter the patient’s details in the form to open the case (never in chat):';
  ctx.reply({ title: zh ? '開案表格' : 'Open a case', text: `${lead}\n\n${formLink(label, url, ctx.lang)}` }, { userId: ctx.msg.senderUserId });
  ctx.reply(
    zh
      ? `${TEXT.formSent.zh}個案開立後，個案編號會在此公布，不會顯示病人資料。`
      : `${TEXT.formSent.en} Once the case is open its code will be posted here — no patient details.`,
  );
}

/**
 * `case bind C-XXXXX` in a group: links an existing case to this group (the attending, or the
 * doctor whose case-open form just found that case).
 */
export async function bindCase(deps: CommandDeps, ctx: BotContext, codeArg: string | undefined): Promise<void> {
  const zh = ctx.lang === 'zh';
  if (ctx.msg.conversationType !== 'group') {
    ctx.reply(TEXT.groupOnly[ctx.lang]);
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
    ctx.reply(zh ? `此群組已連結個案 ${code}。` : `This group is already linked to case ${code}.`);
    return;
  }
  ctx.reply(
    zh
      ? `✔ 此群組現已連結個案 ${code}。查看醫療團隊：@ConsultBridge 個案 ${code}`
      : `✔ This group is now linked to case ${code}. See the care team: \`@ConsultBridge case ${code}\``,
  );
}
