import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderWatermarked, type RenderRequest } from '../../src/domain/viewing/render-watermarked.js';
import { createStructureCache } from '../../src/pdf/structure-cache.js';
import { makeOddPdf, misplacedEntries, readLastSection, startxrefOf, type OddPdfOptions } from '../fixtures/incremental-pdfs.js';
import { makeSamplePdf, pageMarker } from '../fixtures/watermark-documents.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const AT = Date.UTC(2026, 10, 25, 6, 0, 0); // 14:00:00 in Hong Kong
const CHAN = { name: '陳大文 Dr CHAN Tai-man', registrationNo: 'M12345', institution: 'Queen Mary Hospital 瑪麗醫院' };
const TRACE = 'T-ABCDEFGH';

async function stamp(bytes: Uint8Array, deps = { structures: createStructureCache() }, req: Partial<RenderRequest> = {}) {
  return renderWatermarked({ bytes, mediaType: 'application/pdf', viewer: CHAN, at: AT, traceCode: TRACE, ...req }, deps);
}

const isPrefix = (prefix: Uint8Array, of: Uint8Array) => Buffer.from(of.subarray(0, prefix.length)).equals(Buffer.from(prefix));

/** The update is well formed: original untouched, a new section chained to the old one, every entry where it says. */
function expectIncrementalUpdate(input: Uint8Array, out: Uint8Array, kind: 'table' | 'stream') {
  expect(isPrefix(input, out)).toBe(true);
  const section = readLastSection(out);
  expect(section.kind).toBe(kind);
  expect(section.prev).toBe(startxrefOf(input));
  expect(misplacedEntries(out, section)).toEqual([]);
  expect(section.entries.every((e) => e.offset > input.length)).toBe(true);
  expect(section.size).toBeGreaterThan(Math.max(...section.entries.map((e) => e.num)));
}

/** Per page, the font names its effective (own or inherited) resources define. */
async function fontNames(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const res = doc.context.lookup(page.node.getInheritableAttribute(PDFName.of('Resources')), PDFDict);
    return res.lookup(PDFName.of('Font'), PDFDict).keys().map(String).sort();
  });
}

async function expectStampedPages(out: Uint8Array, pages: number, extra: (n: number) => string[] = () => []) {
  const text = await extractPdfText(out);
  expect(text.pageCount).toBe(pages);
  text.pages.forEach((p, i) => {
    for (const s of [pageMarker(i + 1), ...extra(i + 1)]) expect(p.text).toContain(s);
    expect(p.text).toContain('Viewed by 陳大文 Dr CHAN Tai-man · M12345, Queen Mary Hospital 瑪麗醫院');
    expect(p.text).toContain(`Trace ${TRACE}`);
    expect(p.text.split(TRACE).length - 1).toBeGreaterThanOrEqual(4);
  });
}

describe('incremental watermark', () => {
  it.each<[string, OddPdfOptions, 'table' | 'stream']>([
    ['a classic cross-reference table', { pages: 3 }, 'table'],
    ['object streams and a cross-reference stream', { pages: 3, objectStreams: true }, 'stream'],
    ['resources inherited from the page tree', { pages: 3, inheritResources: true }, 'table'],
    ['indirect /Contents arrays and indirect /Resources', { pages: 3, indirectContents: true, objectStreams: true }, 'stream'],
  ])('When a PDF with %s is stamped, then the original bytes are kept and every page shows its content and the stamp', async (_, shape, kind) => {
    const input = await makeOddPdf(shape);
    const out = await stamp(input);
    expectIncrementalUpdate(input, out, kind);
    await expectStampedPages(out, shape.pages, (n) => [`second stream ${n}`]);
    // pdf.js extracts text even when a font resource is missing, so check the names resolve.
    const [before, after] = [await fontNames(input), await fontNames(out)];
    after.forEach((names, i) => expect(names).toEqual(expect.arrayContaining(before[i]!)));
  });

  it('When the fixture says resources are inherited, then its pages really carry none of their own', async () => {
    const doc = await PDFDocument.load(await makeOddPdf({ pages: 2, inheritResources: true }));
    expect(doc.getPages().map((p) => p.node.has(PDFName.of('Resources')))).toEqual([false, false]);
    const contents = (await PDFDocument.load(await makeOddPdf({ pages: 1, indirectContents: true }))).getPage(0).node.get(PDFName.of('Contents'));
    expect(contents).toBeInstanceOf(PDFRef);
  });

  it('When a stamped copy is stamped again, then both stamps show and the new one does not take the old one’s name', async () => {
    const input = await makeSamplePdf({ pages: 2 });
    const once = await stamp(input, undefined, { traceCode: 'T-22222222' });
    const twice = await stamp(once);
    expectIncrementalUpdate(once, twice, 'stream');
    for (const page of (await extractPdfText(twice)).pages) {
      expect(page.text).toContain('Trace T-22222222');
      expect(page.text).toContain(`Trace ${TRACE}`);
    }
  });

  it('When the file’s startxref does not point at a cross-reference section, then the full re-write stamps it instead', async () => {
    const input = Buffer.from(await makeOddPdf({ pages: 2 }));
    const at = startxrefOf(input);
    const tail = input.subarray(input.length - 40).toString('latin1').replace(`startxref\n${at}`, `startxref\n${at - 7}`);
    const broken = Buffer.concat([input.subarray(0, input.length - 40), Buffer.from(tail, 'latin1')]);
    const structures = createStructureCache();
    const out = await stamp(broken, { structures });
    expect(isPrefix(broken, out)).toBe(false);
    await expectStampedPages(out, 2);
  });

  it('When the same document is viewed again, then its structure comes from the cache and the copy differs only by the new stamp', async () => {
    const input = await makeSamplePdf({ pages: 3 });
    const structures = createStructureCache(2);
    const a = await stamp(input, { structures }, { traceCode: 'T-AAAAAAAA' });
    const b = await stamp(input, { structures }, { traceCode: 'T-BBBBBBBB' });
    expect(structures.size).toBe(1);
    expect((await extractPdfText(b)).pages[2]!.text).toContain('T-BBBBBBBB');
    expect((await extractPdfText(b)).pages[2]!.text).not.toContain('T-AAAAAAAA');
    expect(isPrefix(input, a) && isPrefix(input, b)).toBe(true);
    // Bounded: two more documents push the first one out.
    await stamp(await makeSamplePdf({ pages: 1 }), { structures });
    await stamp(await makeSamplePdf({ pages: 2 }), { structures });
    expect(structures.size).toBe(2);
  });

  it('When a page dictionary holds a string, then the document is stamped but its structure is not kept', async () => {
    const doc = await PDFDocument.load(await makeOddPdf({ pages: 1 }));
    const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], Contents: PDFString.of('a note') });
    doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([annot]));
    const input = await doc.save({ useObjectStreams: false });
    const structures = createStructureCache();
    const out = await stamp(input, { structures });
    expectIncrementalUpdate(input, out, 'table');
    expect(structures.size).toBe(0);
    const again = await PDFDocument.load(out);
    const annots = again.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
    expect(annots.lookup(0, PDFDict).lookup(PDFName.of('Contents'), PDFString).decodeText()).toBe('a note');
  });
});
