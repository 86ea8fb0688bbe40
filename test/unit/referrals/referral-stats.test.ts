import { describe, expect, it } from 'vitest';
import { acceptFigures } from '../../../src/usecases/admin/referral-stats.js';

const MIN = 60_000;
const t = (severity: 'emergency' | 'urgent' | 'routine', specialty: string, minutes: number) => ({ severity, specialty, sentAt: 1000, acceptedAt: 1000 + minutes * MIN });

describe('time to accept on the dashboard', () => {
  it('gives median and p90 (nearest rank) per severity × specialty, emergencies first', () => {
    const rows = [...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => t('urgent', 'cardiology', m)), t('emergency', 'neurology', 4), t('urgent', 'a-first', 40)];
    expect(acceptFigures(rows)).toEqual([
      { severity: 'emergency', specialty: 'neurology', accepted: 1, medianMs: 4 * MIN, p90Ms: 4 * MIN },
      { severity: 'urgent', specialty: 'a-first', accepted: 1, medianMs: 40 * MIN, p90Ms: 40 * MIN },
      { severity: 'urgent', specialty: 'cardiology', accepted: 10, medianMs: 5 * MIN, p90Ms: 9 * MIN },
    ]);
    expect(acceptFigures([])).toEqual([]);
  });
});
