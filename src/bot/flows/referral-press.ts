import { REFERRAL_DECLINE_REASONS, isReferralDeclineReason } from '../../contract/referrals.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { acceptReferral, declineReferral } from '../../usecases/referrals/respond-referral.js';
import { DomainError } from '../../shared/errors.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDateTime } from '../format.js';
import { say, type Lang } from '../i18n.js';
import { REFERRAL_TEXTS as T } from '../texts/referral-texts.js';
import { appLink } from './app-link.js';

export const REFERRAL_OPEN_ACTION = 'referral_open';

type Deps = Pick<CommandDeps, 'referrals' | 'casesRepo' | 'publicUrl'>;

/** [Accept] or [Decline: …] on the assignee's card: the use case, then the words for the card and the 1:1 answer. */
export async function pressReferral(deps: Deps, me: ClinicianRow, action: 'accept' | 'decline', referralId: string, reason: string, lang: Lang): Promise<string> {
  if (action === 'accept') {
    const { referral, until } = await acceptReferral(deps.referrals.respond, me.id, referralId);
    const code = (await deps.casesRepo.caseById(referral.caseId))?.code ?? '';
    return say(lang, T.accepted, code, hkDateTime(until));
  }
  if (!isReferralDeclineReason(reason)) throw new DomainError('request.invalid');
  const referral = await declineReferral(deps.referrals.respond, me.id, referralId, reason);
  const code = (await deps.casesRepo.caseById(referral.caseId))?.code ?? '';
  return say(lang, T.declined, code, REFERRAL_DECLINE_REASONS[reason][lang]);
}

/** The 1:1 link to the referral screen, when DingTalk's in-place link is not used. */
export function referralLink(deps: Pick<CommandDeps, 'publicUrl'>, referralId: string, lang: Lang): string {
  return `[${say(lang, T.open)}](${appLink(deps.publicUrl, 'referral', referralId)})`;
}
