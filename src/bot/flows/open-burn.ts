import { formatBurnDuration } from '../../domain/ephemeral/burn-duration.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import type { Lang } from '../i18n.js';
import { appLink } from './app-link.js';

/**
 * "Open" on a burn-after-reading card: checks that the presser is a recipient who may still read it
 * (without starting their countdown), then sends the item's mini-app link. The link carries no
 * credential: the app signs them in and opens the item for them only; the countdown starts there.
 */
export function openBurnText(deps: CommandDeps, clinician: ClinicianRow, itemId: string, lang: Lang): string {
  const view = deps.burn.service.peek(clinician, itemId);
  const now = deps.clock.now();
  const url = appLink(deps.publicUrl, 'burn', itemId);
  const left = view.burnAt === null ? formatBurnDuration(view.burnAfterMs) : formatBurnDuration(Math.max(1000, Math.ceil((view.burnAt - now) / 1000) * 1000));
  if (lang === 'zh') {
    return view.burnAt === null
      ? `[開啟閱後即焚訊息](${url})（開啟後 ${left} 銷毀；只有你本人登入後可開啟）`
      : `[再次開啟](${url})（尚餘約 ${left}；連結只供你使用）`;
  }
  return view.burnAt === null
    ? `[Open burn-after-reading message](${url}) (burns ${left} after you open it; only you can open it, signed in)`
    : `[Open again](${url}) (about ${left} left; link for you only)`;
}
