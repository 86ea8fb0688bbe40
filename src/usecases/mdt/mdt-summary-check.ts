import type { MdtSummary, MdtTerm } from '../../domain/mdt/mdt-meeting.js';
import { DomainError } from '../../shared/errors.js';

const MAX_ITEMS = 100;
const MAX_CHARS = 2000;

const line = (v: unknown): string => {
  if (typeof v !== 'string') throw new DomainError('mdt.summary_invalid');
  const s = v.trim();
  if (s.length > MAX_CHARS) throw new DomainError('mdt.summary_invalid');
  return s;
};

const list = <T>(v: readonly T[] | undefined, f: (x: T) => T | null): T[] => {
  if (!Array.isArray(v) || v.length > MAX_ITEMS) throw new DomainError('mdt.summary_invalid');
  return v.map(f).filter((x): x is T => x !== null);
};

const term = (t: MdtTerm): MdtTerm | null => {
  const text = line(t.text);
  return text ? { text, entry: t.entry ?? null, canonical: t.canonical ?? null } : null;
};

/**
 * An edited summary as it may be stored: blank lines dropped, every action with its text and an owner
 * among the meeting's participants (owners see the action text, so nobody outside the meeting may own one).
 */
export function checkSummary(s: MdtSummary, participantIds: readonly string[]): MdtSummary {
  const text = (x: string) => line(x) || null;
  return {
    decisions: list(s.decisions, text),
    notes: list(s.notes, text),
    problems: list(s.problems, term),
    medications: list(s.medications, term),
    actions: list(s.actions, (a) => {
      const t = line(a.text);
      if (!t) return null;
      if (!a.ownerId || !participantIds.includes(a.ownerId)) throw new DomainError('mdt.summary_invalid');
      if (a.dueAt !== null && !Number.isFinite(a.dueAt)) throw new DomainError('mdt.summary_invalid');
      return { text: t, ownerId: a.ownerId, dueAt: a.dueAt ?? null };
    }),
  };
}
