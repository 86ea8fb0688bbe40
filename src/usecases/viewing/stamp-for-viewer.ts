import { documentTypeLabel, type DocumentType } from '../../contract/document-types.js';
import { clinicianName } from '../../domain/directory/clinician-names.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { RenderMediaType } from '../../domain/viewing/render-watermarked.js';
import type { DocumentRenderer } from '../../domain/viewing/renderer.js';
import { newTraceCode } from '../../domain/viewing/trace-code.js';
import type { Clock } from '../../shared/clock.js';
import { langOf } from '../../shared/lang.js';

/**
 * Stamps decrypted bytes for their viewer (name, registration, time, trace code and, for a shared
 * document, its type in the viewer's language) into a PDF.
 */
export type StampForViewer = (viewer: ClinicianRow, bytes: Uint8Array, mediaType: string, docType?: DocumentType) => Promise<{ pdf: Uint8Array; traceCode: string }>;

export interface StampDeps {
  renderer: Pick<DocumentRenderer, 'render'>;
  directory: Pick<DirectoryRepository, 'institution'>;
  clock: Clock;
}

/**
 * The one place a decrypted document becomes a PDF stamped for its viewer (documents and burn
 * items alike): name, registration, institution, Hong Kong time and a fresh trace code, in the
 * watermark mode the deployment chose (WATERMARK_MODE). The stamp runs in a render worker (memory
 * and time capped, off the event loop); a file that cannot be rendered there is
 * `document.unrenderable` (422), a full queue `render.busy` (429). The caller records the trace
 * code and zeroes its own plaintext; the worker zeroes its copy.
 */
export function createStampForViewer(deps: StampDeps): StampForViewer {
  return async (viewer, bytes, mediaType, docType) => {
    const traceCode = newTraceCode();
    const institution = viewer.institutionId ? await deps.directory.institution(viewer.institutionId) : undefined;
    const pdf = await deps.renderer.render({
      bytes,
      mediaType: mediaType as RenderMediaType,
      viewer: {
        name: clinicianName(viewer),
        registrationNo: viewer.registrationNo ?? undefined,
        institution: [institution?.nameZh, institution?.nameEn].filter(Boolean).join(' '),
        ...(docType ? { documentType: documentTypeLabel(docType, langOf(viewer)) } : {}),
      },
      at: deps.clock.now(),
      traceCode,
    });
    return { pdf, traceCode };
  };
}
