import { clinicianName } from '../../domain/directory/clinician-names.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { RenderMediaType } from '../../domain/viewing/render-watermarked.js';
import { newTraceCode } from '../../domain/viewing/trace-code.js';
import type { Service } from '../../service.js';

export type ViewMediaType = RenderMediaType;

/**
 * The one place a decrypted document becomes a PDF stamped for its viewer (documents and burn
 * items alike): name, registration, institution, Hong Kong time and a fresh trace code, in the
 * watermark mode the deployment chose (WATERMARK_MODE). The stamp runs in a render worker (memory
 * and time capped, off the event loop); a file that cannot be rendered there is
 * `document.unrenderable` (422), a full queue `render.busy` (429). The caller records the trace
 * code and zeroes its own plaintext; the worker zeroes its copy.
 */
export async function renderForViewer(
  service: Service,
  viewer: ClinicianRow,
  bytes: Uint8Array,
  mediaType: string,
): Promise<{ pdf: Uint8Array; traceCode: string }> {
  const traceCode = newTraceCode();
  const institution = viewer.institutionId ? await service.directoryRepo.institution(viewer.institutionId) : undefined;
  const pdf = await service.secure.renderer.render({
    bytes,
    mediaType: mediaType as ViewMediaType,
    viewer: {
      name: clinicianName(viewer),
      registrationNo: viewer.registrationNo ?? undefined,
      institution: [institution?.nameZh, institution?.nameEn].filter(Boolean).join(' '),
    },
    at: service.clock.now(),
    traceCode,
  });
  return { pdf, traceCode };
}
