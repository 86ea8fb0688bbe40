import { oldestPendingRequest } from '../../usecases/access/pending-requests.js';
import { decideRequest, type DecideRequestDeps } from '../flows/decide-request.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';

/**
 * `approve C-7KQ2M [@requester]` / `deny C-7KQ2M [@requester]`: the text fallback for the card
 * buttons; decides the oldest pending request on the case that the sender may decide now.
 */
type Deps = DecideRequestDeps & Pick<CommandDeps, 'cases'>;

function decideCommand(deps: Deps, decision: 'approve' | 'deny'): Command {
  const approve = decision === 'approve';
  const pending = { documents: deps.documents, approvals: deps.approvals, directory: deps.directoryRepo };
  return {
    name: decision,
    usage: 'C-XXXXX [@requester]',
    aliases: approve ? ['批准', '批核'] : ['拒絕', '拒绝'],
    summary: approve
      ? { en: 'approve a pending access request (same as the card button)', zh: '批准待決的存取申請（與卡片按鈕相同）' }
      : { en: 'deny a pending access request', zh: '拒絕待決的存取申請' },
    needsTrust: true,
    async run(ctx) {
      const me = ctx.actor!.clinician;
      const { caseRow } = await caseFromArgs(deps, ctx);
      const first = await oldestPendingRequest(pending, me.id, caseRow.id, ctx.msg.mentionedUserIds);
      await ctx.reply((await decideRequest(deps, me, first.id, decision, ctx.lang)).text);
    },
  };
}

export const approveCommand = (deps: Deps) => decideCommand(deps, 'approve');
export const denyCommand = (deps: Deps) => decideCommand(deps, 'deny');
