import { renderFormPdf, type FormRecordText } from '../domain/forms/form-pdf.js';
import { renderSummaryPdf, type SummaryPdfInput } from '../domain/mdt/summary-pdf.js';
import { defaultFontCatalog } from '../domain/viewing/font-catalog.js';

/**
 * A PDF the service writes itself (nothing untrusted in it): the archived MDT summary or a filed Yida
 * form record. Embedding Noto Sans HK subsets (parsing the faces, subsetting the glyphs) can hold a
 * thread for well over 50 ms, so these run in the render pool, not on the service's event loop.
 */
export type PrintJob = { kind: 'mdt_summary'; input: SummaryPdfInput } | { kind: 'form_record'; record: FormRecordText };

/** Prints a PDF somewhere off the event loop (the render pool's `print`). */
export interface PdfPrinter {
  print(job: PrintJob): Promise<Uint8Array>;
}

/** Renders one print job here (inside a render worker), with this thread's font catalog. */
export async function printPdf(job: PrintJob): Promise<Uint8Array> {
  const catalog = defaultFontCatalog();
  const pdf = job.kind === 'mdt_summary' ? await renderSummaryPdf(job.input, catalog) : await renderFormPdf(catalog, job.record);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/** A printed PDF as the Buffer the archiving code takes (no copy). */
export const asBuffer = (pdf: Uint8Array): Buffer => Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
