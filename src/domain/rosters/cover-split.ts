import type { RosterShift } from './roster-port.js';

export interface CoverRequest {
  /** Who takes over. */
  clinicianId: string;
  /** The covered part; clamped to the shift. */
  from: number;
  to: number;
}

/**
 * A cover as pieces of the original shift: the part before the cover (original clinician, keeps the
 * shift's id), the covered part (the new clinician), the part after. Pieces are contiguous and together
 * span exactly the original shift; undefined when the cover does not overlap the shift at all.
 */
export function coverPieces(shift: RosterShift, cover: CoverRequest, newId: () => string, by: string, at: number): RosterShift[] | undefined {
  const from = Math.max(shift.startsAt, cover.from);
  const to = Math.min(shift.endsAt, cover.to);
  if (from >= to) return undefined;
  const parts: Array<{ clinicianId: string; startsAt: number; endsAt: number }> = [];
  if (shift.startsAt < from) parts.push({ clinicianId: shift.clinicianId, startsAt: shift.startsAt, endsAt: from });
  parts.push({ clinicianId: cover.clinicianId, startsAt: from, endsAt: to });
  if (to < shift.endsAt) parts.push({ clinicianId: shift.clinicianId, startsAt: to, endsAt: shift.endsAt });
  return parts.map((p, i) => ({ ...shift, ...p, id: i === 0 ? shift.id : newId(), createdBy: by, createdAt: at }));
}
