import { DomainError } from '../../shared/errors.js';
import { limitExceeded, type ContentLimits } from './content-limits.js';
import { jpegSize, pixels, pngSize } from './image-size.js';
import { scanPdf } from './pdf-scan.js';
import { decodeWithPdfjs } from './pdfjs-decode.js';
import { renderWatermarked, type RenderMediaType } from './render-watermarked.js';

export interface InspectRequest {
  bytes: Uint8Array;
  mediaType: RenderMediaType;
  limits: ContentLimits;
  /** The deployment's watermark mode, so the trial stamp takes the path views will take. */
  incremental: boolean;
}

/** PNG and JPEG: the size the header declares, before anything decodes the pixels. */
function checkImageHeader(bytes: Uint8Array, mediaType: 'image/png' | 'image/jpeg', limits: ContentLimits): void {
  const size = mediaType === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size || size.width === 0 || size.height === 0) throw new DomainError('upload.corrupt', 'no image size');
  if (pixels(size) > limits.maxImagePixels) throw limitExceeded('image_pixels');
}

/** The stamp every view will apply, with a placeholder viewer: a file we cannot stamp cannot be viewed. */
function trialStamp(req: InspectRequest): Promise<Uint8Array> {
  const viewer = { name: 'ConsultBridge upload check', institution: 'ConsultBridge' };
  return renderWatermarked({ bytes: req.bytes, mediaType: req.mediaType, viewer, at: 0, traceCode: 'CHECK-0000' }, { incremental: req.incremental });
}

/**
 * The upload check, run in a render worker on every new file before anything is stored: it must
 * open, within limits, both where the server stamps it (pdf-lib) and where the phone renders it
 * (pdf.js, every page decoded). PDFs are measured from raw bytes first (pdf-scan.ts), so no parser
 * meets a bomb; JavaScript, attachments and launch actions are refused, not stripped (stripping
 * would change a clinical record behind its author's back). Images: the declared size, then the
 * stamped page decoded by pdf.js (which decodes the image as the phone will).
 * Throws a DomainError: upload.corrupt, upload.too_many_pages, upload.image_too_large,
 * upload.too_complex or upload.active_content.
 */
export async function inspectUpload(req: InspectRequest): Promise<void> {
  if (req.mediaType === 'application/pdf') {
    await scanPdf(req.bytes, { limits: req.limits, activeContent: 'refuse' });
    await decodeWithPdfjs(req.bytes, req.limits);
    await trialStamp(req);
    return;
  }
  checkImageHeader(req.bytes, req.mediaType, req.limits);
  await decodeWithPdfjs(await trialStamp(req), req.limits);
}

/**
 * Before the first render of a stored file in a worker: the limits again (files stored before the
 * upload check existed), but not the active-content rule, so such files stay viewable.
 */
export async function checkStored(bytes: Uint8Array, mediaType: RenderMediaType, limits: ContentLimits): Promise<void> {
  if (mediaType === 'application/pdf') await scanPdf(bytes, { limits, activeContent: 'allow' });
  else checkImageHeader(bytes, mediaType, limits);
}
