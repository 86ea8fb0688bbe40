import { concatTransformationMatrix, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { fontkit } from '../../src/domain/viewing/font-catalog.js';
import { renderWatermarked, type RenderRequest } from '../../src/domain/viewing/render-watermarked.js';
import { newTraceCode } from '../../src/domain/viewing/trace-code.js';
import { buildWatermarkText } from '../../src/domain/viewing/watermark-text.js';
import { isDomainError } from '../../src/shared/errors.js';
import { loadSampleJpeg, makePng, makeSamplePdf, pageMarker } from '../fixtures/watermark-documents.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const AT = Date.UTC(2026, 10, 25, 6, 0, 0); // 14:00:00 in Hong Kong
const CHAN = { name: '陳大文 Dr CHAN Tai-man', registrationNo: 'M12345', institution: 'Queen Mary Hospital 瑪麗醫院' };
const LEE = { name: '李小明', registrationNo: 'M67890', institution: 'Prince of Wales Hospital' };

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

async function renderPdf(bytes: Uint8Array, overrides: Partial<RenderRequest> = {}) {
  const traceCode = overrides.traceCode ?? newTraceCode();
  const out = await renderWatermarked({ bytes, mediaType: 'application/pdf', viewer: CHAN, at: AT, traceCode, ...overrides });
  return { out, traceCode };
}

async function expectDomainError(p: Promise<unknown>, code: string) {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(isDomainError(err) && err.code).toBe(code);
}

describe('renderWatermarked with a PDF', () => {
  it('When a 20-page PDF is rendered, then every page keeps its content and carries the viewer, registration no. and trace code', async () => {
    const input = await makeSamplePdf({ pages: 20, rotate: { 3: 90, 7: 270, 9: 180 }, landscape: [5] });
    const { out, traceCode } = await renderPdf(input);
    const { pageCount, pages } = await extractPdfText(out);

    expect(pageCount).toBe(20);
    pages.forEach(({ text }, i) => {
      expect(text).toContain(pageMarker(i + 1));
      // The footer holds the whole line on every page…
      expect(text).toContain('Viewed by 陳大文 Dr CHAN Tai-man · M12345, Queen Mary Hospital 瑪麗醫院');
      expect(text).toContain('2026-11-25 14:00:00 HKT');
      expect(text).toContain(`Trace ${traceCode}`);
      // …and the diagonal tiles repeat the identity across the page.
      expect(occurrences(text, traceCode)).toBeGreaterThanOrEqual(4);
      expect(occurrences(text, '陳大文 Dr CHAN Tai-man · M12345')).toBeGreaterThanOrEqual(3);
    });
  });

  it('When a PDF is stamped, then page sizes and rotations are unchanged', async () => {
    const input = await makeSamplePdf({ pages: 4, rotate: { 2: 90 }, landscape: [3] });
    const { out } = await renderPdf(input);
    const [before, after] = await Promise.all([PDFDocument.load(input), PDFDocument.load(out)]);
    const shape = (d: PDFDocument) => d.getPages().map((p) => [p.getWidth(), p.getHeight(), p.getRotation().angle]);
    expect(shape(after)).toEqual(shape(before));
  });

  it('When two viewers open the same file, then each copy names only its own viewer and trace code', async () => {
    const input = await makeSamplePdf({ pages: 2 });
    const chan = await renderPdf(input, { viewer: CHAN });
    const lee = await renderPdf(input, { viewer: LEE });
    const [chanText, leeText] = await Promise.all([extractPdfText(chan.out), extractPdfText(lee.out)]);
    for (const { text } of leeText.pages) {
      expect(text).toContain('Viewed by 李小明 · M67890, Prince of Wales Hospital');
      expect(text).toContain(lee.traceCode);
      expect(text).not.toContain('CHAN');
      expect(text).not.toContain(chan.traceCode);
    }
    for (const { text } of chanText.pages) expect(text).not.toContain('李小明');
  });

  it('When the viewer has no registration number, then the stamp still names them and their institution', async () => {
    const { out } = await renderPdf(await makeSamplePdf({ pages: 1 }), {
      viewer: { name: '黃美玲 Nurse WONG', institution: 'Tuen Mun Hospital' },
    });
    const [page] = (await extractPdfText(out)).pages;
    expect(page!.text).toContain('Viewed by 黃美玲 Nurse WONG, Tuen Mun Hospital');
  });

  it('When a name has a character no bundled face can draw, then it prints as ? and the render succeeds', async () => {
    // U+20BB7 (𠮷) is outside Noto Sans HK's Hong Kong character set.
    const { out } = await renderPdf(await makeSamplePdf({ pages: 1 }), { viewer: { ...CHAN, name: '王𠮷明' } });
    const [page] = (await extractPdfText(out)).pages;
    expect(page!.text).toContain('Viewed by 王?明 · M12345');
  });

  it('When a document is stamped, then each CJK face is embedded as a subset of just the glyphs drawn', async () => {
    const traceCode = 'T-ABCDEFGH';
    const { out } = await renderPdf(await makeSamplePdf({ pages: 2 }), { traceCode });
    const doc = await PDFDocument.load(out);
    const subsets: Array<{ glyphs: number; bytes: number }> = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.lookup(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
      const file = obj.lookup(PDFName.of('FontFile2'));
      if (!(file instanceof PDFRawStream)) throw new Error('expected an embedded TrueType font file');
      const font = fontkit.create(inflateSync(file.contents));
      subsets.push({ glyphs: font.numGlyphs, bytes: file.contents.length });
    }
    const text = buildWatermarkText(CHAN, AT, traceCode);
    const distinct = new Set([...text.tileTop, ...text.tileBottom, ...text.footer]).size;
    // Each subset holds .notdef plus the characters it draws; every character is drawn by exactly one face.
    expect(subsets.reduce((n, s) => n + s.glyphs - 1, 0)).toBe(distinct);
    expect(subsets.reduce((n, s) => n + s.bytes, 0)).toBeLessThan(16_000);
  });

  it('When a page leaves its graphics state changed (a stray cm, no q/Q), then the stamp is still placed as if on a clean page', async () => {
    const clean = await makeSamplePdf({ pages: 1 });
    const dirtyDoc = await PDFDocument.load(clean);
    dirtyDoc.getPage(0).pushOperators(concatTransformationMatrix(3, 0, 0, 3, 100, 100)); // never undone
    const dirty = await dirtyDoc.save();
    const footerOf = async (bytes: Uint8Array) => {
      const [page] = (await extractPdfText((await renderPdf(bytes, { traceCode: 'T-ABCDEFGH' })).out)).pages;
      return page!.placed.find((p) => p.str.includes('Confidential'))!.transform;
    };
    expect(await footerOf(dirty)).toEqual(await footerOf(clean));
  });

  it('When the bytes are not a PDF, then it fails with upload.corrupt', async () => {
    await expectDomainError(renderPdf(new TextEncoder().encode('not a pdf at all')), 'upload.corrupt');
  });
});

describe('renderWatermarked with an image', () => {
  it('When a portrait PNG is rendered, then it becomes one stamped A4 portrait page showing the image', async () => {
    const traceCode = newTraceCode();
    // The PNG sits inside a larger buffer, as a decrypted blob may: the renderer must honour byteOffset.
    const png = makePng(30, 50);
    const framed = new Uint8Array(png.length + 16);
    framed.set(png, 8);
    const bytes = framed.subarray(8, 8 + png.length);
    const out = await renderWatermarked({ bytes, mediaType: 'image/png', viewer: CHAN, at: AT, traceCode });
    const { pageCount, pages } = await extractPdfText(out, { images: true });
    expect(pageCount).toBe(1);
    expect(pages[0]!.imageCount).toBe(1);
    expect(pages[0]!.text).toContain('陳大文 Dr CHAN Tai-man · M12345');
    expect(pages[0]!.text).toContain(`Trace ${traceCode}`);
    const page = (await PDFDocument.load(out)).getPage(0);
    expect([Math.round(page.getWidth()), Math.round(page.getHeight())]).toEqual([595, 842]);
  });

  it('When a landscape JPEG is rendered, then it sits on an A4 landscape page with the stamp', async () => {
    const traceCode = newTraceCode();
    const out = await renderWatermarked({ bytes: loadSampleJpeg(), mediaType: 'image/jpeg', viewer: LEE, at: AT, traceCode });
    const { pageCount, pages } = await extractPdfText(out, { images: true });
    expect(pageCount).toBe(1);
    expect(pages[0]!.imageCount).toBe(1);
    expect(pages[0]!.text).toContain('李小明 · M67890');
    expect(occurrences(pages[0]!.text, traceCode)).toBeGreaterThanOrEqual(4);
    const page = (await PDFDocument.load(out)).getPage(0);
    expect([Math.round(page.getWidth()), Math.round(page.getHeight())]).toEqual([842, 595]);
  });

  it('When image bytes are damaged, then it fails with upload.corrupt', async () => {
    const png = makePng(8, 8).slice(0, 40);
    await expectDomainError(
      renderWatermarked({ bytes: png, mediaType: 'image/png', viewer: CHAN, at: AT, traceCode: newTraceCode() }),
      'upload.corrupt',
    );
  });

  it('When the media type is not PDF, JPEG or PNG, then it fails with upload.type', async () => {
    const req = { bytes: makePng(4, 4), mediaType: 'image/gif', viewer: CHAN, at: AT, traceCode: newTraceCode() };
    await expectDomainError(renderWatermarked(req as unknown as RenderRequest), 'upload.type');
  });
});
