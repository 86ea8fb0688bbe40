import { PDFObject } from 'pdf-lib';

/**
 * An object already in PDF syntax, for what the incremental stamp writes the same way on every
 * view (page dictionaries of a cached structure, cached font subsets): pdf-lib would rebuild and
 * re-serialise each from its object model, which was a good part of a render's cost.
 * Only for text built from trusted parts: it is copied into the file as it is.
 */
export class WrittenObject extends PDFObject {
  private constructor(private readonly bytes: Uint8Array) {
    super();
  }

  static of(pdf: string | Uint8Array): WrittenObject {
    return new WrittenObject(typeof pdf === 'string' ? Buffer.from(pdf, 'latin1') : pdf);
  }

  /** A stream object: `dict` (without /Length, which is added) and the already-encoded data. */
  static stream(dict: string, data: Uint8Array): WrittenObject {
    const head = Buffer.from(`${dict.slice(0, dict.lastIndexOf('>>'))}/Length ${data.length} >>\nstream\n`, 'latin1');
    return new WrittenObject(Buffer.concat([head, data, Buffer.from('\nendstream', 'latin1')]));
  }

  override clone(): WrittenObject {
    return this;
  }

  override toString(): string {
    return Buffer.from(this.bytes).toString('latin1');
  }

  override sizeInBytes(): number {
    return this.bytes.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
}

/** A number as PDF text: at most three decimals, never exponent notation. */
export const pdfNum = (n: number): string => String(Math.round(n * 1000) / 1000 || 0);
