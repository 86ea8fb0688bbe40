import { clinicianName } from '../../bot/format.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { newTraceCode } from '../../domain/viewing/trace-code.js';
import type { Service } from '../../service.js';

export type ViewMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * The one place a decrypted document becomes a PDF stamped for its viewer (documents and burn
 * items alike): name, registration, institution, Hong Kong time and a fresh trace code, in the
 * watermark mode the deployment chose (WATERMARK_MODE). The caller records the trace code.
 */
export async function renderForViewer(
  service: Service,
  viewer: ClinicianRow,
  bytes: Uint8Array,
  mediaType: string,
): Promise<{ pdf: Uint8Array; traceCode: string }> {
  // pdf-lib and the fonts are loaded on the first view, not at start (they are most of the memory).
  const { renderWatermarked } = await import('../../domain/viewing/render-watermarked.js');
  const traceCode = newTraceCode();
  const institution = viewer.institutionId ? service.directoryRepo.institution(viewer.institutionId) : undefined;
  const pdf = await renderWatermarked(
    {
      bytes,
      mediaType: mediaType as ViewMediaType,
      viewer: {
        name: clinicianName(viewer),
        registrationNo: viewer.registrationNo ?? undefined,
        institution: [institution?.nameZh, institution?.nameEn].filter(Boolean).join(' '),
      },
      at: service.clock.now(),
      traceCode,
    },
    { incremental: service.incrementalWatermark },
  );
  return { pdf, traceCode };
}
