import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderWatermarked } from '../../src/domain/viewing/render-watermarked.js';
import { createStructureCache } from '../../src/pdf/structure-cache.js';
import { buildWatermarkText } from '../../src/domain/viewing/watermark-text.js';
import { makeOddPdf, misplacedEntries, readLastSection, startxrefOf } from '../fixtures/incremental-pdfs.js';
import { pageMarker } from '../fixtures/watermark-documents.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const AT = Date.UTC(2026, 10, 25, 6, 0, 0);
const nameChars = fc.constantFrom(...'陳大文李小明黃美玲瑪麗醫院', ...'abcXYZ-', ' ');
// Wide enough for the fixture's own page marker: pdf.js leaves out text that runs off the page.
const size = fc.tuple(fc.integer({ min: 300, max: 1400 }), fc.integer({ min: 200, max: 1400 }));
const traceChar = fc.constantFrom(...'23456789ABCDEFGHJKMNPQRSTVWXYZ');

describe('incremental watermark properties', () => {
  it('For any page count, page sizes, file layout and viewer name, the original is kept and every page names the viewer and trace code', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          pages: fc.integer({ min: 1, max: 5 }),
          sizes: fc.array(size, { minLength: 1, maxLength: 3 }),
          objectStreams: fc.boolean(),
          inheritResources: fc.boolean(),
          indirectContents: fc.boolean(),
          name: fc.string({ unit: nameChars, minLength: 0, maxLength: 20 }),
          trace: fc.string({ unit: traceChar, minLength: 8, maxLength: 8 }).map((s) => `T-${s}`),
        }),
        async ({ name, trace, ...shape }) => {
          const input = await makeOddPdf(shape);
          const viewer = { name, institution: 'Queen Mary Hospital' };
          const out = await renderWatermarked(
            { bytes: input, mediaType: 'application/pdf', viewer, at: AT, traceCode: trace },
            { structures: createStructureCache() },
          );
          expect(Buffer.from(out.subarray(0, input.length)).equals(Buffer.from(input))).toBe(true);
          const section = readLastSection(out);
          expect(section.kind).toBe(shape.objectStreams ? 'stream' : 'table');
          expect(section.prev).toBe(startxrefOf(input));
          expect(misplacedEntries(out, section)).toEqual([]);

          const who = buildWatermarkText(viewer, AT, trace).tileTop;
          const { pageCount, pages } = await extractPdfText(out);
          expect(pageCount).toBe(shape.pages);
          pages.forEach((p, i) => {
            expect(p.text).toContain(pageMarker(i + 1));
            expect(p.text).toContain(`Viewed by ${who}, Queen Mary Hospital`);
            expect(p.text).toContain(`Trace ${trace}`);
          });
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
