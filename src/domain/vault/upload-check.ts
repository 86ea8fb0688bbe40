import { DomainError } from '../../shared/errors.js';
import type { VaultMediaType } from './vault-tables.js';

/**
 * Decides what an upload is from its bytes alone. A file name is user input and proves nothing (a
 * `.pdf` may be anything); magic bytes say what a viewer will actually parse. The structural checks
 * are deliberately shallow: they catch truncated uploads, not crafted files.
 */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_END = Buffer.from([0xff, 0xd9]);
/** Writers may put a newline or a little padding after %%EOF; 1 KiB is generous. */
const PDF_EOF_WINDOW = 1024;

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

function sniff(bytes: Buffer): VaultMediaType | null {
  if (startsWith(bytes, PDF_MAGIC)) return 'application/pdf';
  if (startsWith(bytes, PNG_MAGIC)) return 'image/png';
  if (startsWith(bytes, JPEG_MAGIC)) return 'image/jpeg';
  return null;
}

function looksComplete(type: VaultMediaType, bytes: Buffer): boolean {
  switch (type) {
    case 'application/pdf':
      return bytes.subarray(Math.max(0, bytes.length - PDF_EOF_WINDOW)).includes('%%EOF', 0, 'latin1');
    case 'image/png':
      // IHDR must be the first chunk (offset 12); IEND is the last chunk: type, then a 4-byte CRC.
      return (
        bytes.length >= 8 + 25 + 12 &&
        bytes.toString('latin1', 12, 16) === 'IHDR' &&
        bytes.toString('latin1', bytes.length - 8, bytes.length - 4) === 'IEND'
      );
    case 'image/jpeg':
      return bytes.length >= 4 && bytes.subarray(bytes.length - 2).equals(JPEG_END);
  }
}

/**
 * Returns the detected media type, or throws: `upload.empty`, `request.too_large` (over `maxBytes`),
 * `upload.type` (not PDF/JPEG/PNG by content), `upload.corrupt` (the right type but incomplete).
 */
export function checkUpload(bytes: Buffer, maxBytes: number = DEFAULT_MAX_BYTES): VaultMediaType {
  if (bytes.length === 0) throw new DomainError('upload.empty');
  if (bytes.length > maxBytes) throw new DomainError('request.too_large', undefined, { details: { maxBytes } });
  const type = sniff(bytes);
  if (!type) throw new DomainError('upload.type');
  if (!looksComplete(type, bytes)) throw new DomainError('upload.corrupt');
  return type;
}

const EXTENSIONS: Record<VaultMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** Whether a declared file name's extension agrees with the detected type (informational only). */
export function extensionMatches(name: string, type: VaultMediaType): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && EXTENSIONS[type].includes(ext);
}
