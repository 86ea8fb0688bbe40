import type { CaseStatus } from '../../domain/cases/cases-tables.js';
import { setCaseStatus } from '../../usecases/cases/case-lifecycle.js';
import { createGrantNotices } from '../flows/grant-notices.js';
import { revokeByName, type RevokeByCardDeps } from '../flows/revoke-grant.js';
import { say } from '../i18n.js';
import { GRANT_TEXTS as T } from '../texts/grant-texts.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';

type Deps = RevokeByCardDeps & Pick<CommandDeps, 'lifecycle'>;

/** `revoke C-XXXXX @Dr X`: the attending (or the approver of a grant) ends a colleague's access now. */
function revokeCommand(deps: Deps): Command {
  return {
    name: 'revoke',
    usage: 'C-XXXXX @colleague',
    aliases: ['撤銷', '撤销'],
    summary: { en: 'end a colleague’s access grant on a case now (attending or approver)', zh: '即時撤銷同事在個案的存取權（主診醫生或批核人）' },
    needsTrust: true,
    async run(ctx) {
      const me = ctx.actor!.clinician;
      const { caseRow } = await caseFromArgs(deps, ctx);
      const [mentioned] = ctx.msg.mentionedUserIds;
      const grantee = mentioned ? await deps.directoryRepo.findByDingTalkId(mentioned) : undefined;
      if (!grantee) return ctx.reply(say(ctx.lang, T.revokeHint, caseRow.code));
      await ctx.reply(await revokeByName(deps, me, caseRow.id, grantee.id, ctx.lang));
    },
  };
}

/** `close C-XXXXX` / `reopen C-XXXXX`: the attending closes a case (read-only, grants end) or re-opens it. */
function statusCommand(deps: Deps, status: CaseStatus): Command {
  const closing = status === 'closed';
  return {
    name: closing ? 'close' : 'reopen',
    usage: 'C-XXXXX',
    aliases: closing ? ['結束個案', '结束个案'] : ['重開個案', '重开个案'],
    summary: closing
      ? { en: 'close a case: read-only, access grants end (attending)', zh: '結束個案：改為唯讀，存取權結束（主診醫生）' }
      : { en: 're-open a closed case (attending)', zh: '重新開啟已結束的個案（主診醫生）' },
    needsTrust: true,
    async run(ctx) {
      const { caseRow } = await caseFromArgs(deps, ctx);
      const lifecycleDeps = { lifecycle: deps.lifecycle, cases: deps.cases.queries, directory: deps.directoryRepo, notices: createGrantNotices(deps) };
      const out = await setCaseStatus(lifecycleDeps, ctx.actor!, caseRow.code, status);
      await ctx.reply(closing ? say(ctx.lang, T.closedReply, out.caseCode, out.grantsEnded) : say(ctx.lang, T.reopenedReply, out.caseCode));
    },
  };
}

export const grantCaseCommands = (deps: Deps): Command[] => [revokeCommand(deps), statusCommand(deps, 'closed'), statusCommand(deps, 'open')];
