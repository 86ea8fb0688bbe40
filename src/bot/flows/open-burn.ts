import { formatBurnDuration } from '../../domain/burn/burn-duration.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import { say, type Lang } from '../i18n.js';
import { appLink } from './app-link.js';
import { LINK_TEXTS as T } from '../texts/link-command-texts.js';
import { peekBurn } from '../../usecases/burn/peek-burn.js';

/**
 * "Open" on a burn-after-reading card: checks that the presser is a recipient who may still read it
 * (without starting their countdown), then sends the item's mini-app link. The link carries no
 * credential: the app signs them in and opens the item for them only; the countdown starts there.
 */
export async function openBurnText(deps: Pick<CommandDeps, 'burn' | 'clock' | 'publicUrl'>, clinician: ClinicianRow, itemId: string, lang: Lang): Promise<string> {
  const view = await peekBurn({ burn: deps.burn, clock: deps.clock }, clinician, itemId);
  const url = appLink(deps.publicUrl, 'burn', itemId);
  return say(lang, view.unopened ? T.burnOpenFirst : T.burnOpenAgain, url, formatBurnDuration(view.leftMs));
}
