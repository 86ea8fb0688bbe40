import { ApiErrorBlock } from '../screens/ApiErrorBlock.js';
import { DotLoading, Result } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { errorCode, useApi } from '../api/use-api.js';
import { useDoctorI18n } from './doctor-messages.js';
import { DoctorPage } from './DoctorPage.js';
import { SecureViewer } from './SecureViewer.js';
import { BurnWatermark } from './BurnWatermark.js';
import type { BurnOpened } from './doctor-api.js';

/**
 * A burn-after-reading item opened from the inbox. Opening starts my own countdown on the server;
 * the text is shown beside a live countdown and dropped from state (so from the DOM) at zero. The
 * server refuses it from the same instant, so reopening cannot bring it back.
 */
export function BurnViewer({ itemId }: { itemId: string }) {
  const { t } = useDoctorI18n();
  // Not on `lang`: switching language must not open (and record) the item again.
  const load = useApi('openBurn', [itemId]);
  let body;
  if (load.loading && !load.data) body = <div className="centered"><DotLoading color="primary" /></div>;
  else if (!load.data) body = errorCode(load.error) === 'burned' ? <Burned /> : <ApiErrorBlock error={load.error} />;
  else if (load.data.kind === 'text') body = <BurnText text={load.data.text ?? ''} seconds={load.data.remainingSeconds ?? 0} mark={load.data.watermark} />;
  else body = <BurnDocument url={load.data.url ?? ''} token={load.data.token ?? ''} />;
  return <DoctorPage title={t('burn.title')}>{body}</DoctorPage>;
}

function Burned() {
  const { t } = useDoctorI18n();
  return <Result status="info" title={t('burn.burned')} description={t('burn.burnedNote')} data-testid="burn-burned" />;
}

/** Seconds left until a deadline `seconds` from now (null: not started); measured on the monotonic clock so a slow tick cannot stretch it. */
function useCountdown(seconds: number | null): number | null {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (seconds === null) return;
    const deadline = performance.now() + seconds * 1000;
    const tick = () => setLeft(Math.max(0, Math.ceil((deadline - performance.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

/** The server's seconds left; anything unreadable counts as none left (fail closed: the document burns). */
function secondsIn(h: Headers): number {
  const n = Number(h.get('x-burn-remaining'));
  return Number.isFinite(n) ? Math.max(0, n) : 0;
}

/**
 * A burn document: my countdown starts when the watermarked PDF is fetched (the server says how long
 * in `x-burn-remaining`); at zero the viewer is unmounted, which clears its canvases and text layer.
 */
function BurnDocument({ url, token }: { url: string; token: string }) {
  const { t } = useDoctorI18n();
  const [seconds, setSeconds] = useState<number | null>(null);
  const left = useCountdown(seconds);
  if (left !== null && left <= 0) return <Burned />;
  return (
    <div>
      {left === null ? (
        <div className="hint" data-testid="burn-doc-hint">{t('burn.docHint')}</div>
      ) : (
        <div className="burn-countdown padded" data-testid="burn-countdown" role="timer" aria-live="off">{t('burn.left')} {left} {t('burn.seconds')}</div>
      )}
      <SecureViewer url={url} token={token} onFetched={(h) => setSeconds(secondsIn(h))} />
    </div>
  );
}

/** The text until the deadline, under the viewer's watermark. */
function BurnText({ text, seconds, mark }: { text: string; seconds: number; mark: BurnOpened['watermark'] }) {
  const { t } = useDoctorI18n();
  const left = useCountdown(seconds) ?? seconds;
  if (left <= 0) return <Burned />;
  return (
    <div className="secure-viewer padded stack" data-testid="burn-viewer" onContextMenu={(e) => e.preventDefault()}>
      <div className="burn-countdown" data-testid="burn-countdown" role="timer" aria-live="off">{t('burn.left')} {left} {t('burn.seconds')}</div>
      <div className="burn-text-frame">
        <div className="burn-text" data-testid="burn-text">{text}</div>
        {mark && <BurnWatermark mark={mark} />}
      </div>
      <div className="muted">{t('viewer.noCopy')}</div>
    </div>
  );
}
