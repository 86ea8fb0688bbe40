import type { OpenedBurn, BurnView } from '../../../src/domain/burn/burn-reader.js';
import type { ClinicianRow } from '../../../src/domain/directory/directory-repository.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { DomainError } from '../../../src/shared/errors.js';

export const clinician = (id: string, over: Partial<ClinicianRow> = {}): ClinicianRow =>
  ({ id, role: 'doctor', verified: true, suspended: false, institutionId: null, registrationNo: null, ...over }) as ClinicianRow;

/**
 * An in-memory stand-in for the burn service's reader side: one item, each recipient's countdown
 * starting at their first open, `burned` after it (as the real reader refuses).
 */
export function fakeBurnItem(opts: { kind: 'text' | 'document'; burnAfterMs: number; recipients: string[]; clock: ManualClock }) {
  const burnAt = new Map<string, number>();
  const itemId = 'eph_1';
  const check = (viewer: ClinicianRow) => {
    if (!opts.recipients.includes(viewer.id)) throw new DomainError('access.denied');
    const at = burnAt.get(viewer.id);
    if (at !== undefined && opts.clock.now() >= at) throw new DomainError('burned');
  };
  const view = (viewer: ClinicianRow): BurnView => ({ itemId, caseId: 'case_1', kind: opts.kind, burnAfterMs: opts.burnAfterMs, burnAt: burnAt.get(viewer.id) ?? null });
  const handedOut: Buffer[] = [];
  return {
    itemId,
    handedOut,
    opens: 0,
    async peek(viewer: ClinicianRow, _id: string): Promise<BurnView> {
      check(viewer);
      return view(viewer);
    },
    async open(viewer: ClinicianRow, _id: string): Promise<OpenedBurn> {
      check(viewer);
      this.opens += 1;
      const firstOpen = !burnAt.has(viewer.id);
      if (firstOpen) burnAt.set(viewer.id, opts.clock.now() + opts.burnAfterMs);
      const at = burnAt.get(viewer.id)!;
      const content = opts.kind === 'text' ? { text: 'K+ 6.8' } : { bytes: Buffer.from('%PDF-1.7 scan'), mediaType: 'application/pdf' };
      if (content.bytes) handedOut.push(content.bytes);
      return { ...view(viewer), burnAt: at, remainingMs: at - opts.clock.now(), firstOpen, ...content };
    },
  };
}

/** Counts what the escalation service was told. */
export function fakeEscalation() {
  const calls: Array<[string, string]> = [];
  return { calls, opened: async (itemId: string, clinicianId: string) => (calls.push([itemId, clinicianId]), 1) };
}
