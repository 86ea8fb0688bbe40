import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkUpload, extensionMatches } from '../../src/domain/vault/upload-check.js';
import { makePdf } from '../fixtures/make-pdf.js';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real 1×1 greyscale PNG. */
function makePng(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The JPEG framing the check looks at: SOI + APP0/JFIF segment + EOI. */
function makeJpeg(): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, Buffer.from([0xff, 0xd9])]);
}

const code = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('upload checks by content', () => {
  it('When a real PDF, PNG or JPEG arrives, then its type is detected from the bytes', async () => {
    expect(checkUpload(await makePdf({ pages: 2 }))).toBe('application/pdf');
    expect(checkUpload(makePng())).toBe('image/png');
    expect(checkUpload(makeJpeg())).toBe('image/jpeg');
  });

  it('When a PNG is named .pdf, then it is accepted as PNG and the name is reported as not matching', () => {
    expect(checkUpload(makePng())).toBe('image/png');
    expect(extensionMatches('scan.pdf', 'image/png')).toBe(false);
    expect(extensionMatches('SCAN.PNG', 'image/png')).toBe(true);
    expect(extensionMatches('photo.jpeg', 'image/jpeg')).toBe(true);
  });

  it('When a text file (even one saying %%EOF) or other formats arrive, then upload.type', () => {
    expect(code(() => checkUpload(Buffer.from('Patient letter, not a PDF\n%%EOF\n')))).toBe('upload.type');
    expect(code(() => checkUpload(Buffer.from('PK\x03\x04 zip', 'latin1')))).toBe('upload.type');
    expect(code(() => checkUpload(Buffer.from(' %PDF-1.7 leading space\n%%EOF')))).toBe('upload.type');
    expect(code(() => checkUpload(Buffer.from([0xff, 0xd8])))).toBe('upload.type');
  });

  it('When the file is empty, then upload.empty', () => {
    expect(code(() => checkUpload(Buffer.alloc(0)))).toBe('upload.empty');
  });

  it('When the file is over the limit, then request.too_large (the limit is inclusive)', async () => {
    const pdf = await makePdf();
    expect(code(() => checkUpload(pdf, pdf.length - 1))).toBe('request.too_large');
    expect(checkUpload(pdf, pdf.length)).toBe('application/pdf');
    expect(code(() => checkUpload(Buffer.alloc(20 * 1024 * 1024 + 1, 0x25)))).toBe('request.too_large');
  });

  it('When a PDF, PNG or JPEG is truncated, then upload.corrupt', async () => {
    const pdf = await makePdf({ pages: 3 });
    expect(code(() => checkUpload(pdf.subarray(0, Math.floor(pdf.length * 0.6))))).toBe('upload.corrupt');
    expect(code(() => checkUpload(pdf.subarray(0, pdf.length - 7)))).toBe('upload.corrupt');
    const png = makePng();
    expect(code(() => checkUpload(png.subarray(0, png.length - 12)))).toBe('upload.corrupt');
    const noIhdr = Buffer.from(png);
    noIhdr.write('IHDX', 12, 'latin1');
    expect(code(() => checkUpload(noIhdr))).toBe('upload.corrupt');
    const jpeg = makeJpeg();
    expect(code(() => checkUpload(jpeg.subarray(0, jpeg.length - 1)))).toBe('upload.corrupt');
  });

  it('When a PDF has trailing whitespace after %%EOF, then it is still accepted', async () => {
    const pdf = Buffer.concat([await makePdf(), Buffer.from('\r\n  \n')]);
    expect(checkUpload(pdf)).toBe('application/pdf');
  });
});
