import { formatBurnDuration } from '../../domain/ephemeral/burn-duration.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDateTime } from '../format.js';
import type { Lang } from '../i18n.js';

/**
 * "Open" on a burn-after-reading card: checks that the presser is a recipient who may still read it
 * (without starting their countdown), then sends a viewer link bound to them and this item. The
 * countdown starts when the viewer page actually fetches the content.
 */
export function openBurnText(deps: CommandDeps, clinician: ClinicianRow, itemId: string, lang: Lang): string {
  const view = deps.burn.service.peek(clinician, itemId);
  const now = deps.clock.now();
  const { token, expiresAt } = deps.burn.viewTokens.issue(itemId, clinician.id, now);
  const url = `${deps.publicUrl}/burn/view/${token}`;
  const left = view.burnAt === null ? formatBurnDuration(view.burnAfterMs) : formatBurnDuration(Math.max(1000, Math.ceil((view.burnAt - now) / 1000) * 1000));
  if (lang === 'zh') {
    return view.burnAt === null
      ? `[開啟閱後即焚訊息](${url})（開啟後 ${left} 銷毀；連結只供你使用，有效至 ${hkDateTime(expiresAt)}）`
      : `[再次開啟](${url})（尚餘約 ${left}；連結只供你使用）`;
  }
  return view.burnAt === null
    ? `[Open burn-after-reading message](${url}) (burns ${left} after you open it; link for you only, valid until ${hkDateTime(expiresAt)})`
    : `[Open again](${url}) (about ${left} left; link for you only)`;
}
