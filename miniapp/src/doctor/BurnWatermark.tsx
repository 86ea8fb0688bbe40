import type { BurnOpened } from './doctor-api.js';
import { useWatermarkI18n, type WatermarkKey } from './watermark-messages.js';

type Watermark = NonNullable<BurnOpened['watermark']>;

/**
 * The viewer's watermark over a burn text, as DingTalk's 密聊 does: name, role and the Hong Kong
 * time of opening, tiled diagonally across the text (a photo of the screen names who took it) and
 * once in plain words under it. It does not catch clicks, and is drawn with the text, never without.
 */
export function BurnWatermark({ mark }: { mark: Watermark }) {
  const { t } = useWatermarkI18n();
  const roleKey = `role.${mark.role ?? 'other'}` as WatermarkKey;
  const line = [mark.name, t(roleKey) ?? mark.role, mark.at].filter(Boolean).join(' · ');
  return (
    <>
      <div className="burn-watermark" aria-hidden="true" data-testid="burn-watermark">
        {Array.from({ length: 12 }, (_, i) => (
          <span key={i}>{line}</span>
        ))}
      </div>
      <div className="muted" data-testid="burn-watermark-line">{t('viewedBy')} {line}</div>
    </>
  );
}
