import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DomainError, isDomainError } from '../../shared/errors.js';
import { limitExceeded, type ContentLimits } from './content-limits.js';

/**
 * Decodes a PDF the way the phone will: pdf.js (the same library the mini-app's viewer uses) opens
 * it, and every page's operator list is built, which parses its content streams, fonts and
 * annotation appearances and decodes its images. As lenient as the phone (no `stopAtErrors`): a
 * glitch pdf.js renders around (a broken glyph, an undecodable image) does not refuse a clinical
 * record, but a file it cannot open, or a page it cannot build, does. Runs only inside a render
 * worker (memory and time capped).
 */
const pdfjsRoot = () => dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | undefined;
const pdfjs = () => (loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const corrupt = (cause: unknown) => new DomainError('upload.corrupt', 'pdf.js could not render the file', { cause });

export async function decodeWithPdfjs(bytes: Uint8Array, limits: ContentLimits): Promise<{ pages: number }> {
  const { getDocument } = await pdfjs();
  const root = pdfjsRoot();
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js may transfer (detach) what it is given
    stopAtErrors: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: 0,
    maxImageSize: limits.maxImagePixels,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    wasmUrl: `${join(root, 'wasm')}/`,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      throw corrupt(e);
    }
    if (doc.numPages < 1) throw new DomainError('upload.corrupt', 'no pages');
    if (doc.numPages > limits.maxPages) throw limitExceeded('pages');
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        await page.getOperatorList();
        page.cleanup();
      } catch (e) {
        throw isDomainError(e) ? e : corrupt(e);
      }
    }
    return { pages: doc.numPages };
  } finally {
    await task.destroy();
  }
}
