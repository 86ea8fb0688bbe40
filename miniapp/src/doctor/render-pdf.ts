import { getDocument, GlobalWorkerOptions, TextLayer } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

// The worker is bundled into /app/assets (script-src/worker-src 'self'); no CDN, no blob eval.
GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Draws every page into a canvas plus a text layer (so the stamped viewer line is on the page as
 * text), inside `host`. `isEvalSupported: false`: the CSP forbids eval. Returns the page count.
 */
export async function renderPdf(bytes: Uint8Array, host: HTMLElement, live: () => boolean): Promise<number> {
  const doc = await getDocument({ data: bytes, isEvalSupported: false, disableAutoFetch: true }).promise;
  try {
    const width = Math.min(host.clientWidth || 390, 900);
    for (let n = 1; n <= doc.numPages && live(); n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: width / base.width });
      const ratio = window.devicePixelRatio || 1;
      const wrap = document.createElement('div');
      wrap.className = 'pdf-page';
      wrap.style.width = `${viewport.width}px`;
      wrap.style.height = `${viewport.height}px`;
      wrap.style.setProperty('--scale-factor', String(viewport.scale));
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      const text = document.createElement('div');
      text.className = 'textLayer';
      wrap.append(canvas, text);
      host.append(wrap);
      await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
      await new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
    }
    return doc.numPages;
  } finally {
    void doc.destroy();
  }
}
