import { explainOwnDecision } from '../../usecases/explain/explain-decision.js';
import { latestReport } from '../../usecases/sharing/latest-report.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import { ACCESS_TEXTS as T } from '../texts/access-texts.js';
import { say } from '../i18n.js';

/** `why C-7KQ2M`: which rule decides whether you may open the case's newest report, in plain words. */
export function whyCommand(deps: Pick<CommandDeps, 'cases' | 'documents' | 'access'>): Command {
  return {
    name: 'why',
    usage: 'C-XXXXX',
    aliases: ['explain', '為何', '为何', '原因'],
    summary: { en: 'explain whether and why you may open a case’s report', zh: '解釋你能否開啟個案報告及原因' },
    needsTrust: false,
    personal: true,
    async run(ctx) {
      const { caseRow } = await caseFromArgs(deps, ctx);
      const doc = await latestReport(deps, caseRow.id);
      // A stranger to the patient (unverified, or neither on the team nor granted) hears only about themselves.
      const { reasons } = await explainOwnDecision({ access: deps.access }, ctx.actor!.clinician, doc.id, ctx.lang);
      await ctx.reply({ title: say(ctx.lang, T.whyTitle), text: reasons.join('\n') });
    },
  };
}
