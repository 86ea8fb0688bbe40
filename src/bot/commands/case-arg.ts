import type { CaseRow } from '../../domain/cases/cases-repository.js';
import { DomainError } from '../../shared/errors.js';
import { readCaseCode } from './case-args.js';
import type { BotContext } from '../context.js';
import type { CommandDeps } from './deps.js';

/** The case named by the first argument; in a group bound to a case the code may be left out. */
export async function caseFromArgs(deps: Pick<CommandDeps, 'cases'>, ctx: BotContext): Promise<{ caseRow: CaseRow; rest: string[] }> {
  const [first, ...rest] = ctx.command?.args ?? [];
  if (first && /^c-/i.test(first)) {
    const code = readCaseCode(first);
    try {
      return { caseRow: await deps.cases.queries.findCase(code), rest };
    } catch (e) {
      // An unknown code passed the shape check, so it is safe to name in the reply.
      if (e instanceof DomainError && e.code === 'case.not_found') throw new DomainError('case.not_found', undefined, { details: { caseCode: code } });
      throw e;
    }
  }
  const bound = ctx.msg.conversationType === 'group' ? await deps.cases.queries.caseForConversation(ctx.msg.conversationId) : undefined;
  // No code at all is a question to ask ("which case?"), not a case that could not be found.
  if (!bound) throw new DomainError(first ? 'case.code_invalid' : 'case.code_missing', undefined, { details: { command: ctx.command?.name } });
  return { caseRow: bound, rest: first ? [first, ...rest] : rest };
}

