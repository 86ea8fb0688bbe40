import { DotLoading, ErrorBlock } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { readMe, nameIn, type Me } from '../api/types.js';
import { useEndpoints } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { useDoctorI18n } from './doctor-messages.js';

/**
 * The watermarked PDF drawn into canvases with pdf.js, with its text layer for the stamped viewer
 * line. No download, print or share control; right-click and selection are off, and a translucent
 * overlay repeats the viewer's name over every page. The bytes live only in this component's memory.
 * The view token is POSTed to `url` in the body (never put in a URL), and pdf.js gets the bytes.
 */
export function SecureViewer({ url, token, onFetched }: { url: string; token: string; onFetched?: (headers: Headers) => void }) {
  const ep = useEndpoints();
  const { lang } = useI18n();
  const { t } = useDoctorI18n();
  const pagesRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'ok'; pages: number } | { kind: 'error' }>({ kind: 'loading' });
  const [me, setMe] = useState<Me | null>(null);
  const viewer = me ? `${nameIn(lang, me)} · ${me.registrationNo ?? ''}` : '';
  useEffect(() => {
    let live = true;
    const host = pagesRef.current!;
    void (async () => {
      try {
        const [{ bytes, headers }, me] = await Promise.all([ep.viewPdf(url, token), ep.me().then(readMe)]);
        if (!live) return;
        onFetched?.(headers);
        setMe(me);
        // pdf.js is most of the viewer's weight: fetched only when a document is opened.
        const { renderPdf } = await import('./render-pdf.js');
        const pages = await renderPdf(new Uint8Array(bytes), host, () => live);
        if (live) setState({ kind: 'ok', pages });
      } catch {
        if (live) setState({ kind: 'error' });
      }
    })();
    return () => {
      live = false;
      host.replaceChildren();
    };
    // Not on `lang`: switching language relabels the overlay; it must not fetch (and record) another view.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onFetched is read once, at the fetch
  }, [ep, url, token]);
  return (
    <div className="secure-viewer" data-testid="secure-viewer" onContextMenu={(e) => e.preventDefault()}>
      {state.kind === 'loading' && <div className="centered"><DotLoading color="primary" /></div>}
      {state.kind === 'error' && <ErrorBlock status="default" title={t('error')} description="" />}
      <div ref={pagesRef} className="secure-pages" data-testid="pdf-pages" />
      {viewer && (
        <div className="viewer-overlay" aria-hidden="true" data-testid="viewer-overlay">
          {Array.from({ length: 12 }, (_, i) => <span key={i}>{t('viewer.for')} {viewer}</span>)}
        </div>
      )}
      {state.kind === 'ok' && <div className="muted padded">{t('viewer.noCopy')} · {state.pages} {t('viewer.pages')}</div>}
    </div>
  );
}
