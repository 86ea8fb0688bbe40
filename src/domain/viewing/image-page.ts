import { PageSizes, PDFDocument, type PDFImage } from 'pdf-lib';
import { DomainError } from '../../shared/errors.js';

const MARGIN = 36;

/**
 * Puts a JPEG or PNG on one A4 page, scaled to fit inside the margins and centred, so images go
 * through the same stamp as PDFs. The page turns landscape for landscape images.
 */
export async function imageToPdf(bytes: Uint8Array, mediaType: 'image/jpeg' | 'image/png'): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  let image: PDFImage;
  try {
    image = mediaType === 'image/jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
  } catch (e) {
    throw new DomainError('upload.corrupt', 'image could not be decoded', { cause: e });
  }
  const [a4w, a4h] = PageSizes.A4;
  const [pw, ph] = image.width > image.height ? [a4h, a4w] : [a4w, a4h];
  const scale = Math.min((pw - 2 * MARGIN) / image.width, (ph - 2 * MARGIN) / image.height);
  const [w, h] = [image.width * scale, image.height * scale];
  const page = doc.addPage([pw, ph]);
  page.drawImage(image, { x: (pw - w) / 2, y: (ph - h) / 2, width: w, height: h });
  return doc;
}
