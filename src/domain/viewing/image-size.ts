/**
 * Declared image dimensions, read from headers alone, so an image can be refused before anything
 * decodes it (a 389 KB PNG may declare 20000 × 20000 pixels, 1.6 GB once decoded).
 */
export interface ImageSize {
  width: number;
  height: number;
}

/** PNG: the IHDR chunk, which must come first (offset 16: width, 20: height, big-endian). */
export function pngSize(b: Uint8Array): ImageSize | undefined {
  if (b.length < 24) return undefined;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * JPEG: the first start-of-frame marker (SOF0–SOF15 except DHT C4, JPG C8 and DAC CC), walking the
 * marker segments by their lengths. Undefined when there is none before the data runs out.
 */
export function jpegSize(b: Uint8Array): ImageSize | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) { i++; continue; } // fill byte
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    }
    if (length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}

export const pixels = (s: ImageSize) => s.width * s.height;
