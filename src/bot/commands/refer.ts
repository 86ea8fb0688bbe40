import { REFERRAL_SEVERITIES, REFERRAL_SEVERITY_CODES, type ReferralSeverity } from '../../contract/referrals.js';
import { specialtyFromWord } from '../../contract/specialties.js';
import { requestReferral, type ReferralRequest } from '../../usecases/referrals/request-referral.js';
import { cancelReferralOnCase } from '../../usecases/referrals/cancel-on-case.js';
import type { BotContext } from '../context.js';
import { say } from '../i18n.js';
import { personLine } from '../people.js';
import { REFERRAL_TEXTS as T } from '../texts/referral-texts.js';
import { severityWord, specialtyWord } from '../flows/referral-cards.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import { parseReason } from './request.js';

type Deps = Pick<CommandDeps, 'cases' | 'directoryRepo' | 'audit' | 'referrals'>;

function severityFrom(word: string | undefined): ReferralSeverity | undefined {
  if (!word) return undefined;
  const w = word.trim().toLowerCase();
  return REFERRAL_SEVERITY_CODES.find((c) => c === w || REFERRAL_SEVERITIES[c].zh === word.trim());
}

/** `<specialty> [institution] <severity> <purpose>`, nothing more (no free text in chat); undefined when it does not fit. */
export function parseReferArgs(args: readonly string[]): ReferralRequest | undefined {
  if (args.length !== 3 && args.length !== 4) return undefined;
  const [spec, ...rest] = args;
  const institutionCode = rest.length === 3 ? rest.shift() : undefined;
  const specialty = specialtyFromWord(spec ?? '');
  const severity = severityFrom(rest[0]);
  const purposeCode = parseReason(rest[1]);
  if (!specialty || !severity || !purposeCode) return undefined;
  if (institutionCode !== undefined && !/^[A-Za-z0-9_-]{1,16}$/.test(institutionCode)) return undefined;
  return { specialty, institutionCode, severity, purposeCode };
}

/** The words that make `refer` a cancel: `refer cancel C-XXXXX [specialty]`. */
const CANCEL_WORDS = ['cancel', 'withdraw', '取消', '撤回'];

/** `refer cancel C-7KQ2M [cardiology]`: the sender's open referral on the case is withdrawn (cancel-on-case.ts). */
async function cancelByChat(deps: Deps, ctx: BotContext, args: string[]): Promise<void> {
  const { caseRow, rest } = await caseFromArgs(deps, { ...ctx, command: { ...ctx.command!, args } });
  const specialty = rest.length > 0 ? specialtyFromWord(rest.join(' ')) : undefined;
  if (rest.length > 0 && !specialty) return ctx.reply(say(ctx.lang, T.usage));
  const out = await cancelReferralOnCase(deps.referrals.respond, ctx.actor!.clinician, caseRow.id, specialty);
  if (out.kind === 'which') return ctx.reply(say(ctx.lang, T.cancelWhich, caseRow.code, out.specialties.map((s) => specialtyWord(s, ctx.lang)).join(', ')));
  await ctx.reply(say(ctx.lang, T.cancelled, caseRow.code, specialtyWord(out.referral.specialty, ctx.lang)));
}

/**
 * `refer C-7KQ2M cardiology PWH urgent referral`: a care-team member asks the on-call clinician of a
 * specialty (at an institution, or the configured fallback order) for a consult. Codes only; the
 * clinical reason is written in the mini-app. The assignee gets a 1:1 card; the requester a live
 * status card; the reply says who it went to. `refer cancel C-7KQ2M [specialty]` withdraws the
 * sender's own open referral on the case.
 */
export function referCommand(deps: Deps): Command {
  // Built at the first use: the command list is also built for parsing alone, without services.
  const useCase = () => ({ open: deps.referrals.open, queries: deps.cases.queries, directory: deps.directoryRepo, audit: deps.audit });
  return {
    name: 'refer',
    usage: 'C-XXXXX <specialty> [institution] <emergency|urgent|routine> <purpose> · cancel C-XXXXX [specialty]',
    aliases: ['referral', '轉介', '转介'],
    summary: { en: 'refer a case to the on-call specialist (by severity and load)', zh: '將個案轉介予當值專科醫生（按嚴重程度及工作量）' },
    needsTrust: true,
    async run(ctx) {
      const [first, ...more] = ctx.command?.args ?? [];
      if (first && CANCEL_WORDS.includes(first.toLowerCase())) return cancelByChat(deps, ctx, more);
      const { caseRow, rest } = await caseFromArgs(deps, ctx);
      const req = parseReferArgs(rest);
      if (!req) return ctx.reply(say(ctx.lang, T.usage));
      const out = await requestReferral(useCase(), ctx.actor!.clinician, caseRow.id, req);
      if (out.kind === 'unknown_institution') return ctx.reply(say(ctx.lang, T.unknownInstitution, out.code));
      const spec = specialtyWord(req.specialty, ctx.lang);
      if (!out.assigneeId) return ctx.reply(say(ctx.lang, T.nobody, caseRow.code, spec));
      await ctx.reply(say(ctx.lang, T.sent, caseRow.code, spec, severityWord(req, ctx.lang), await personLine(deps.directoryRepo, out.assigneeId, ctx.lang)));
    },
  };
}
