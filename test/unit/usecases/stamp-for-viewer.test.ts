import { describe, expect, it } from 'vitest';
import type { ClinicianRow } from '../../../src/domain/directory/directory-repository.js';
import type { RenderRequest } from '../../../src/domain/viewing/render-watermarked.js';
import { buildWatermarkText } from '../../../src/domain/viewing/watermark-text.js';
import { createStampForViewer } from '../../../src/usecases/viewing/stamp-for-viewer.js';

const AT = Date.UTC(2026, 10, 25, 6, 0, 0);

/** A renderer that keeps what it was asked to stamp. */
function world() {
  const asked: RenderRequest[] = [];
  const stamp = createStampForViewer({
    renderer: { render: async (req) => (asked.push(req), new Uint8Array([1])) },
    directory: { institution: async () => ({ nameEn: 'Queen Mary Hospital', nameZh: '瑪麗醫院' }) as never },
    clock: { now: () => AT },
  });
  return { stamp, asked };
}

const viewer = (language: 'en' | 'zh' | null) =>
  ({ id: 'c1', displayName: 'Dr WONG', nameEn: 'Dr WONG', nameZh: null, registrationNo: 'M1', institutionId: 'QMH', language }) as unknown as ClinicianRow;

describe('the stamp for a viewer names the document type in the viewer’s language', () => {
  it('When a Chinese reader opens a lab result, then the footer says 化驗結果; an English reader, Lab result', async () => {
    const w = world();
    await w.stamp(viewer('zh'), new Uint8Array([37]), 'application/pdf', 'lab');
    await w.stamp(viewer('en'), new Uint8Array([37]), 'application/pdf', 'discharge_summary');
    expect(w.asked.map((r) => r.viewer.documentType)).toEqual(['化驗結果', 'Discharge summary']);
    const footer = buildWatermarkText(w.asked[0]!.viewer, w.asked[0]!.at, w.asked[0]!.traceCode).footer;
    expect(footer).toMatch(/^Confidential · 化驗結果 · Viewed by Dr WONG · M1, 瑪麗醫院 Queen Mary Hospital · 2026-11-25 14:00:00 HKT · Trace /);
  });

  it('When the item has no type (a burn message), then the footer has no type', async () => {
    const w = world();
    await w.stamp(viewer(null), new Uint8Array([37]), 'application/pdf');
    expect(w.asked[0]!.viewer.documentType).toBeUndefined();
    expect(buildWatermarkText(w.asked[0]!.viewer, AT, 'T').footer).toMatch(/^Confidential · Viewed by /);
  });
});
