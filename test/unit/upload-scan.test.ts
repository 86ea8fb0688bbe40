import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_LIMITS, type ContentLimits } from '../../src/domain/viewing/content-limits.js';
import { jpegSize, pngSize } from '../../src/domain/viewing/image-size.js';
import { scanPdf } from '../../src/domain/viewing/pdf-scan.js';
import { DomainError } from '../../src/shared/errors.js';
import {
  activeContentPdf,
  bigImagePdf,
  bigPng,
  contentBombPdf,
  deepNestingPdf,
  flateBombPdf,
  manyPagesPdf,
} from '../fixtures/hostile-files.js';
import { makeOddPdf } from '../fixtures/incremental-pdfs.js';
import { makePdf } from '../fixtures/make-pdf.js';

const limits = (over: Partial<ContentLimits> = {}): ContentLimits => ({ ...DEFAULT_CONTENT_LIMITS, ...over });

async function refusal(bytes: Uint8Array, l: ContentLimits, activeContent: 'refuse' | 'allow' = 'refuse') {
  try {
    await scanPdf(bytes, { limits: l, activeContent });
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, limit: e.details?.limit };
    throw e;
  }
  return undefined;
}

/** The raw-bytes measure every PDF passes before any parser sees it (src/domain/viewing/pdf-scan.ts). */
describe('PDF scan: limits and active content from raw bytes', () => {
  it('ordinary PDFs pass: classic tables, object streams with a cross-reference stream, inherited resources', async () => {
    expect(await refusal(await makePdf({ pages: 5 }), limits())).toBeUndefined();
    expect(await refusal(await makeOddPdf({ pages: 6, objectStreams: true, inheritResources: true }), limits())).toBeUndefined();
    expect(await refusal(await makeOddPdf({ pages: 3, indirectContents: true }), limits())).toBeUndefined();
  });

  it('an object-stream Flate bomb and a content-stream bomb are refused by their inflated size, not their file size', async () => {
    const bomb = flateBombPdf(32);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await refusal(bomb, limits({ maxDecompressedBytes: 8 << 20 }))).toEqual({ code: 'upload.too_complex', limit: 'decompressed' });
    expect(await refusal(contentBombPdf(32), limits({ maxDecompressedBytes: 8 << 20 }))).toEqual({ code: 'upload.too_complex', limit: 'decompressed' });
    // Under a budget it fits, the same file passes: the limit is the rule, not the shape.
    expect(await refusal(contentBombPdf(4), limits({ maxDecompressedBytes: 8 << 20 }))).toBeUndefined();
  });

  it('nesting depth, object and page counts (also inside object streams) and declared image size have limits', async () => {
    expect(await refusal(deepNestingPdf(5000), limits())).toEqual({ code: 'upload.too_complex', limit: 'nesting' });
    expect(await refusal(deepNestingPdf(10), limits())).toBeUndefined();
    expect(await refusal(manyPagesPdf(500), limits({ maxObjects: 400 }))).toEqual({ code: 'upload.too_complex', limit: 'objects' });
    expect(await refusal(manyPagesPdf(1001), limits())).toEqual({ code: 'upload.too_many_pages', limit: 'pages' });
    expect(await refusal(manyPagesPdf(1000), limits())).toBeUndefined();
    expect(await refusal(await makeOddPdf({ pages: 12, objectStreams: true }), limits({ maxPages: 10 }))).toEqual({ code: 'upload.too_many_pages', limit: 'pages' });
    const packed = await makeOddPdf({ pages: 40, objectStreams: true });
    expect(await refusal(packed, limits({ maxObjects: 100 }))).toEqual({ code: 'upload.too_complex', limit: 'objects' });
    expect(await refusal(bigImagePdf(20_000, 20_000), limits())).toEqual({ code: 'upload.image_too_large', limit: 'image_pixels' });
    expect(await refusal(bigImagePdf(20_000, 20_000, { indirect: true }), limits())).toEqual({ code: 'upload.image_too_large', limit: 'image_pixels' });
    expect(await refusal(bigImagePdf(100, 100), limits())).toBeUndefined();
  });

  it('JavaScript (also behind a #xx-escaped name), embedded files and launch actions are refused at upload, allowed for stored files', async () => {
    for (const kind of ['javascript', 'obfuscated-javascript', 'embedded-file', 'launch'] as const) {
      const pdf = await activeContentPdf(kind);
      expect(await refusal(pdf, limits()), kind).toMatchObject({ code: 'upload.active_content' });
      expect(await refusal(pdf, limits(), 'allow'), kind).toBeUndefined();
    }
  });

  it('image headers give the declared size without decoding (PNG IHDR, JPEG start of frame)', () => {
    expect(pngSize(bigPng(20_000, 12_345))).toEqual({ width: 20_000, height: 12_345 });
    const jpeg = readFileSync(new URL('../fixtures/watermark-sample.jpg', import.meta.url));
    const size = jpegSize(jpeg);
    expect(size!.width).toBeGreaterThan(0);
    expect(size!.height).toBeGreaterThan(0);
  });
});
