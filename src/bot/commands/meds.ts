import { mayReadMedications } from '../../usecases/medications/may-read-medications.js';
import { doctorPageLink } from '../flows/app-link.js';
import { say } from '../i18n.js';
import { LINK_TEXTS as T } from '../texts/link-command-texts.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';

/**
 * `meds C-7KQ2M`: a link 1:1 to the case's medication list in the mini-app, for someone the policy lets
 * read it. Chat never carries a drug: the list, the form and the import are in the mini-app only.
 */
export function medsCommand(deps: Pick<CommandDeps, 'cases' | 'medications' | 'publicUrl'>): Command {
  return {
    name: 'meds',
    usage: 'C-XXXXX',
    aliases: ['medications', '藥物', '药物', '藥物清單'],
    summary: { en: 'get a link to a case’s medication list', zh: '取得個案藥物清單的連結' },
    needsTrust: true,
    async run(ctx) {
      const me = ctx.actor!.clinician;
      const { caseRow } = await caseFromArgs(deps, ctx);
      await mayReadMedications(deps.medications, me, caseRow.code);
      const url = doctorPageLink(deps.publicUrl, 'cases', caseRow.code, 'medications');
      const { lang } = ctx;
      await ctx.reply({ title: say(lang, T.medsTitle), text: say(lang, T.medsText, caseRow.code, url) }, { userId: ctx.msg.senderUserId });
      if (ctx.msg.conversationType === 'group') await ctx.reply(say(lang, T.sentLink));
    },
  };
}
