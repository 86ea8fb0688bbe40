import { describe, expect, it } from 'vitest';
import { createClinicalNormaliser } from '../../../src/domain/clinical/clinical-normaliser.js';
import { dueDateIn, parseHkDateTime } from '../../../src/domain/mdt/hk-dates.js';
import { headingOf, prefillSummary, type PrefillContext } from '../../../src/domain/mdt/minutes-prefill.js';

const normaliser = createClinicalNormaliser();
const meetingAt = Date.parse('2026-12-07T06:00:00Z'); // 14:00 HKT
const ctx: PrefillContext = {
  meetingAt,
  people: [
    { id: 'chan', names: ['陳大文', 'Dr CHAN Tai-man', 'Chan Tai Man'] },
    { id: 'lam', names: ['林嘉明', 'Dr LAM Ka-ming', 'Lam'] },
  ],
  normalise: (t) => normaliser.normalise(t),
};
const endOfHkDay = (iso: string) => Date.parse(`${iso}T23:59:00+08:00`);

describe('MDT minutes pre-fill (rules, no model)', () => {
  it('When an English transcript has headed sections, then decisions, actions with owners and due dates, and lexicon terms are filled', () => {
    const transcript = [
      'MDT 7 Dec — cardiology / renal',
      'Discussed the echo findings at length.',
      '## Problems',
      '- Atrial fibrillation, heart failure; chronic kidney thing',
      'Medications: warfarin 5mg daily, metformin',
      'Decisions:',
      '1. Continue anticoagulation',
      '2) Refer for device review',
      'Action items',
      '- @Dr CHAN Tai-man to repeat echo by 2026-12-14',
      '- @Lam check INR on 10 Dec',
      '- Book dietitian review',
    ].join('\n');
    const s = prefillSummary(transcript, ctx);
    expect(s.notes).toEqual(['MDT 7 Dec — cardiology / renal', 'Discussed the echo findings at length.']);
    expect(s.decisions).toEqual(['Continue anticoagulation', 'Refer for device review']);
    expect(s.problems).toEqual([
      { text: 'Atrial fibrillation', entry: 'dx.atrial-fibrillation', canonical: 'atrial fibrillation' },
      { text: 'heart failure', entry: 'dx.heart-failure', canonical: 'heart failure' },
      { text: 'chronic kidney thing', entry: null, canonical: null },
    ]);
    expect(s.medications.map((m) => m.entry)).toEqual(['drug.warfarin', 'drug.metformin']);
    expect(s.actions).toEqual([
      { text: 'to repeat echo by 2026-12-14', ownerId: 'chan', dueAt: endOfHkDay('2026-12-14') },
      { text: 'check INR on 10 Dec', ownerId: 'lam', dueAt: endOfHkDay('2026-12-10') },
      { text: 'Book dietitian review', ownerId: null, dueAt: null },
    ]);
  });

  it('When a Chinese DingTalk minutes text is pasted, then 決定/跟進/問題/藥物 sections and 月日 dates are read', () => {
    const transcript = [
      '【會議主題】多專科會議',
      '一、問題',
      '心房顫動、高血壓',
      '二、藥物',
      '薄血丸；二甲雙胍',
      '三、決定：',
      '繼續抗凝治療',
      '四、跟進',
      '@陳大文 12月14日前安排心臟超聲波',
      '@林嘉明：2026年12月20日覆診',
      '@某醫生 跟進腎功能',
    ].join('\n');
    const s = prefillSummary(transcript, ctx);
    expect(s.notes).toEqual(['【會議主題】多專科會議']);
    expect(s.problems.map((p) => p.entry)).toEqual(['dx.atrial-fibrillation', 'dx.hypertension']);
    expect(s.medications.map((p) => p.canonical)).toEqual(['warfarin', 'metformin']);
    expect(s.decisions).toEqual(['繼續抗凝治療']);
    expect(s.actions).toEqual([
      { text: '12月14日前安排心臟超聲波', ownerId: 'chan', dueAt: endOfHkDay('2026-12-14') },
      { text: '2026年12月20日覆診', ownerId: 'lam', dueAt: endOfHkDay('2026-12-20') },
      { text: '@某醫生 跟進腎功能', ownerId: null, dueAt: null },
    ]);
  });

  it('When a line only looks like a heading inside text, then it is not taken for one', () => {
    expect(headingOf('Decisions')).toEqual({ section: 'decisions', rest: '' });
    expect(headingOf('**跟進事項**')).toEqual({ section: 'actions', rest: '' });
    expect(headingOf('Decision was hard to reach')).toBeNull();
    expect(headingOf('Plan: admit')).toEqual({ section: 'decisions', rest: 'admit' });
  });

  it('When dates are written the Hong Kong ways, then each is the end of that HK day (or the time given)', () => {
    expect(dueDateIn('by 14/12', meetingAt)?.at).toBe(endOfHkDay('2026-12-14'));
    expect(dueDateIn('by 14/12/2026', meetingAt)?.at).toBe(endOfHkDay('2026-12-14'));
    expect(dueDateIn('before Jan 5', meetingAt)?.at).toBe(endOfHkDay('2027-01-05')); // next such day
    expect(dueDateIn('2 tablets, review 3 January 2027', meetingAt)?.at).toBe(endOfHkDay('2027-01-03'));
    expect(dueDateIn('2026-12-09 09:30 clinic', meetingAt)?.at).toBe(Date.parse('2026-12-09T09:30:00+08:00'));
    expect(dueDateIn('BP 120/80, Decisions 2', meetingAt)).toBeNull();
    expect(dueDateIn('31/2', meetingAt)).toBeNull();
  });

  it('When the command gives a meeting time, then it is read as HKT, and a non-date is refused', () => {
    expect(parseHkDateTime('2026-12-10 14:00')).toBe(Date.parse('2026-12-10T06:00:00Z'));
    expect(parseHkDateTime('2026-02-30 14:00')).toBeNull();
    expect(parseHkDateTime('tomorrow')).toBeNull();
  });
});
