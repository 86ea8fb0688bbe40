import type { BotContext } from '../context.js';
import { appLink } from '../flows/app-link.js';
import { readVerb } from './case-args.js';
import { bindCase, openCase } from './case-open-command.js';
import { addMembers, removeMembers } from './case-team-command.js';
import { TEXT, formLink } from './case-text.js';
import { caseFromArgs, showCase } from './case-view.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import { CASE_TEXTS as T } from '../texts/case-texts.js';
import { say } from '../i18n.js';

/**
 * `team C-XXXXX add|remove @name [role]`, or `team add C-XXXXX …`; `team C-XXXXX` alone shows the
 * case. In a group bound to a case the code may be left out.
 */
async function team(deps: Pick<CommandDeps, 'cases' | 'grants' | 'documents' | 'directoryRepo'>, ctx: BotContext): Promise<void> {
  const args = ctx.command?.args ?? [];
  const head = args.slice(0, 2);
  const verb = head.map(readVerb).find((v) => v !== undefined);
  const codeArg = head.find((a) => !readVerb(a) && !a.startsWith('@'));
  if (verb !== 'add' && verb !== 'remove') return showCase(deps, ctx, codeArg);
  const c = await caseFromArgs(deps, ctx, codeArg);
  return verb === 'add' ? addMembers(deps, ctx, c, args) : removeMembers(deps, ctx, c);
}

/** `consent C-XXXXX`: a one-time consent form link (mini-app, no credential) 1:1, for a treating member of the care team. */
async function consent(deps: Pick<CommandDeps, 'cases' | 'publicUrl'>, ctx: BotContext): Promise<void> {
  const c = await caseFromArgs(deps, ctx, ctx.command?.args[0]);
  const group = ctx.msg.conversationType === 'group' ? ctx.msg.conversationId : undefined;
  const { intentId } = await deps.cases.consent.startConsentForm(ctx.actor!, c.code, group);
  const { lang } = ctx;
  const link = formLink(T.consentLabel, appLink(deps.publicUrl, 'form/consent', intentId), lang);
  await ctx.reply({ title: say(lang, T.consentTitle), text: `${say(lang, T.consentLead, c.code)}\n\n${link}` }, { userId: ctx.msg.senderUserId });
  if (group) await ctx.reply(TEXT.formSent[lang]);
}

/** `case open` | `case bind C-XXXXX` | `case C-XXXXX`; 開案/开案 alone means `case open`. */
async function caseCommand(deps: Pick<CommandDeps, 'cases' | 'grants' | 'documents' | 'publicUrl'>, ctx: BotContext): Promise<void> {
  const args = ctx.command?.args ?? [];
  const typed = readVerb(ctx.command?.name);
  const verb = typed ?? readVerb(args[0]);
  const rest = typed ? args : args.slice(1);
  if (verb === 'open') return openCase(deps, ctx);
  if (verb === 'bind') return bindCase(deps, ctx, rest[0]);
  return showCase(deps, ctx, args[0]);
}

/** Case commands: `case open`, `case bind`, `case C-XXXXX`, `team`, `consent`. */
export function caseCommands(deps: Pick<CommandDeps, 'cases' | 'grants' | 'documents' | 'directoryRepo' | 'publicUrl'>): Command[] {
  return [
    {
      name: 'case',
      aliases: ['個案', '个案', '開案', '开案', 'opencase', '綁定', '绑定'],
      usage: 'open | C-XXXXX | bind C-XXXXX',
      summary: {
        en: 'open a case in a consult group (form sent 1:1), show a case’s team and documents, or link a group to a case',
        zh: '在會診群組開案（開案 / 开案，表格會私訊給你）、查看個案團隊及文件，或把群組連結到個案',
      },
      needsTrust: true,
      run: (ctx) => caseCommand(deps, ctx),
    },
    {
      name: 'team',
      aliases: ['團隊', '团队', '醫療團隊', '医疗团队', 'careteam'],
      usage: 'C-XXXXX add|remove @name [attending|consulting|referring|observer]',
      summary: {
        en: 'add or remove a colleague on a case’s care team (attending only)',
        zh: '在個案醫療團隊中加入或移除同事（只限主診醫生）',
      },
      needsTrust: true,
      run: (ctx) => team(deps, ctx),
    },
    {
      name: 'consent',
      aliases: ['同意', '同意書', '同意书'],
      usage: 'C-XXXXX',
      summary: { en: 'record the patient’s sharing consent (form sent 1:1)', zh: '記錄病人的資料分享同意（表格會私訊給你）' },
      needsTrust: true,
      run: (ctx) => consent(deps, ctx),
    },
  ];
}
