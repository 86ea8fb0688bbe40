import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { findCommand, type Command } from '../commands/command.js';
import type { Step } from '../context.js';
import { say } from '../i18n.js';
import { PERSONAL_ERRORS, privateReply } from '../private-reply.js';
import { replyForError } from '../reply-for-error.js';
import { ROOM_TEXTS } from '../texts/room-texts.js';
import { suggestCommands } from '../commands/suggest.js';

/**
 * Last step: finds the command (nothing typed → help; an unknown word → "did you mean …"), checks that
 * commands touching patient data come from a verified, non-suspended clinician, runs it, and audits the
 * outcome. Personal answers and refusals about the sender go to them 1:1 (private-reply.ts).
 */
export function runCommand(deps: { commands: () => readonly Command[]; fallback: Command; audit: AuditSink; logger: Logger }): Step {
  return async (ctx) => {
    const word = ctx.command?.name ?? '';
    const found = word ? findCommand(deps.commands(), word) : deps.fallback;
    const actor = ctx.actor!;
    if (!found) {
      deps.audit.append({ actor: actor.clinician.id, action: AUDIT_ACTIONS.commandRun, target: 'unknown', outcome: 'denied', reason: 'unknown_command' });
      await ctx.reply(say(ctx.lang, ROOM_TEXTS.unknownCommand, suggestCommands(deps.commands(), word)));
      return;
    }
    const command = found;
    const entry = { actor: actor.clinician.id, action: AUDIT_ACTIONS.commandRun, target: command.name };
    const privately = privateReply(ctx);
    if (command.personal) ctx.reply = privately;
    try {
      if (command.needsTrust && !actor.trusted) {
        throw new DomainError(actor.clinician.suspended ? 'actor.suspended' : 'actor.unverified');
      }
      await command.run(ctx);
      deps.audit.append({ ...entry, outcome: 'success' });
    } catch (err) {
      const code = err instanceof DomainError ? err.code : 'internal';
      deps.audit.append({ ...entry, outcome: code === 'internal' ? 'failure' : 'denied', reason: code });
      const text = replyForError(err, ctx.lang, deps.logger);
      await (err instanceof DomainError && PERSONAL_ERRORS.has(err.code) ? privately : ctx.reply)(text);
    }
  };
}
