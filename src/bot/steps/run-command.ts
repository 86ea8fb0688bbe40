import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { findCommand, type Command } from '../commands/command.js';
import type { Step } from '../context.js';
import { replyForError } from '../reply-for-error.js';

/**
 * Last step: finds the command (unknown → help), checks that commands touching patient data come
 * from a verified, non-suspended clinician, runs it, and audits the outcome.
 */
export function runCommand(deps: { commands: () => readonly Command[]; fallback: Command; audit: AuditSink; logger: Logger }): Step {
  return async (ctx) => {
    const word = ctx.command?.name ?? '';
    const command = (word && findCommand(deps.commands(), word)) || deps.fallback;
    const actor = ctx.actor!;
    const entry = { actor: actor.clinician.id, action: AUDIT_ACTIONS.commandRun, target: command.name };
    try {
      if (command.needsTrust && !actor.trusted) {
        throw new DomainError(actor.clinician.suspended ? 'actor.suspended' : 'actor.unverified');
      }
      await command.run(ctx);
      deps.audit.append({ ...entry, outcome: 'success' });
    } catch (err) {
      const code = err instanceof DomainError ? err.code : 'internal';
      deps.audit.append({ ...entry, outcome: code === 'internal' ? 'failure' : 'denied', reason: code });
      await ctx.reply(replyForError(err, ctx.lang, deps.logger));
    }
  };
}
