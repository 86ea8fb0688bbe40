import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Text of one page as pdfjs sees it: what a reader could select or search. */
export interface PageText {
  /** Every text item joined; a line break where pdfjs reports one. */
  text: string;
  /** The items as drawn, in content order. */
  items: string[];
  /** The same items with their text matrix in page space ([a b c d e f]; e, f = position). */
  placed: Array<{ str: string; transform: number[] }>;
  /** Images painted on the page; only counted when asked for (`{ images: true }`), else 0. */
  imageCount: number;
}

export interface PdfText {
  pageCount: number;
  pages: PageText[];
}

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Extracts text from every page with pdfjs-dist (legacy build, which runs in Node). Throws when pdfjs
 * cannot parse the file, so a call doubles as a "this is a valid PDF" check.
 * Text inside Form XObjects is included, as in a viewer.
 */
export async function extractPdfText(bytes: Uint8Array, opts: { images?: boolean } = {}): Promise<PdfText> {
  const task = getDocument({
    // pdfjs detaches the buffer it is given; copy so the caller's bytes stay usable.
    data: new Uint8Array(bytes),
    standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
    cMapUrl: join(pdfjsDir, 'cmaps') + '/',
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: string[] = [];
      const placed: PageText['placed'] = [];
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        items.push(item.str);
        placed.push({ str: item.str, transform: item.transform as number[] });
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      let imageCount = 0;
      if (opts.images) {
        const ops = await page.getOperatorList();
        imageCount = ops.fnArray.filter((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject).length;
      }
      pages.push({ text, items, placed, imageCount });
      page.cleanup();
    }
    return { pageCount: doc.numPages, pages };
  } finally {
    await task.destroy();
  }
}
