import { Button, Input, List, Tag, TextArea } from 'antd-mobile';
import { useState } from 'react';
import type { MdtMeetingDto, MdtSummaryDto } from '../../../../src/contract/mdt.js';
import { HkDatePicker } from './HkDatePicker.js';
import { useMdtI18n } from './mdt-messages.js';

type Term = MdtSummaryDto['problems'][number];
const FIELD = { display: 'block', marginTop: 6, fontSize: 14, color: 'var(--adm-color-weak)' } as const;
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** A term list edited as lines: a line left as it was keeps its lexicon match; a changed one is kept as written. */
function termsFrom(text: string, before: readonly Term[]): Term[] {
  return lines(text).map((l) => before.find((t) => t.text === l) ?? { text: l, entry: null, canonical: null });
}

/** A text area of lines: typed freely (blank lines too), handed up as the non-blank lines. */
function LinesArea({ testId, initial, disabled, onLines }: { testId: string; initial: string; disabled: boolean; onLines: (text: string) => void }) {
  const [raw, setRaw] = useState(initial);
  return <TextArea data-testid={testId} disabled={disabled} autoSize={{ minRows: 2 }} value={raw} onChange={(v) => { setRaw(v); onLines(v); }} />;
}

/**
 * The structured summary, editable: decisions, problems, medications and notes as lines; each action
 * with its text, an owner among the participants (by name) and a due date (HK).
 */
export function SummaryEditor({ value, onChange, people, disabled }: { value: MdtSummaryDto; onChange: (s: MdtSummaryDto) => void; people: MdtMeetingDto['participants']; disabled: boolean }) {
  const { t } = useMdtI18n();
  const set = (patch: Partial<MdtSummaryDto>) => onChange({ ...value, ...patch });
  const setAction = (i: number, patch: Partial<MdtSummaryDto['actions'][number]>) => set({ actions: value.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const terms = (label: string, key: 'problems' | 'medications') => (
    <List header={label}>
      <List.Item>
        <LinesArea testId={`mdt-${key}`} disabled={disabled} initial={value[key].map((x) => x.text).join('\n')} onLines={(v) => set({ [key]: termsFrom(v, value[key]) })} />
        <div className="stack">{value[key].filter((x) => x.canonical).map((x) => <Tag key={x.text} fill="outline" color="primary">{x.canonical!.toLowerCase() === x.text.toLowerCase() ? x.text : `${x.text} → ${x.canonical}`} · {t('mdt.lexicon')}</Tag>)}</div>
      </List.Item>
    </List>
  );
  return (
    <div data-testid="mdt-summary">
      <List header={t('mdt.decisions')}>
        <List.Item><LinesArea testId="mdt-decisions" disabled={disabled} initial={value.decisions.join('\n')} onLines={(v) => set({ decisions: lines(v) })} /></List.Item>
      </List>
      <List header={t('mdt.actions')}>
        {value.actions.map((a, i) => (
          <List.Item key={i} data-testid="mdt-action-row">
            <Input aria-label={t('mdt.action')} data-testid={`mdt-action-text-${i}`} disabled={disabled} value={a.text} onChange={(v) => setAction(i, { text: v })} />
            <label style={FIELD}>{t('mdt.owner')}{' '}
              <select data-testid={`mdt-action-owner-${i}`} disabled={disabled} value={a.ownerId ?? ''} onChange={(e) => setAction(i, { ownerId: e.target.value || null })}>
                <option value="">{t('mdt.noOwner')}</option>
                {people.map((p) => <option key={p.person.id} value={p.person.id}>{p.person.nameZh ? `${p.person.nameZh} ${p.person.nameEn}` : p.person.nameEn}</option>)}
              </select>
            </label>{' '}
            <span style={FIELD}>{t('mdt.due')}{' '}
              <HkDatePicker testId={`mdt-action-due-${i}`} disabled={disabled} value={a.dueAt} onChange={(dueAt) => setAction(i, { dueAt })} placeholder={t('mdt.pickDue')} title={t('mdt.due')} />
              {a.dueAt !== null && !disabled && <Button size="mini" fill="none" data-testid={`mdt-action-due-clear-${i}`} onClick={() => setAction(i, { dueAt: null })}>{t('mdt.noDue')}</Button>}
            </span>{' '}
            {!disabled && <Button size="mini" fill="none" onClick={() => set({ actions: value.actions.filter((_, j) => j !== i) })}>{t('mdt.remove')}</Button>}
          </List.Item>
        ))}
        {!disabled && <List.Item><Button size="small" fill="outline" data-testid="mdt-add-action" onClick={() => set({ actions: [...value.actions, { text: '', ownerId: null, dueAt: null }] })}>{t('mdt.addAction')}</Button></List.Item>}
      </List>
      {terms(t('mdt.problems'), 'problems')}
      {terms(t('mdt.medications'), 'medications')}
      <List header={t('mdt.notes')}>
        <List.Item><LinesArea testId="mdt-notes" disabled={disabled} initial={value.notes.join('\n')} onLines={(v) => set({ notes: lines(v) })} /></List.Item>
      </List>
    </div>
  );
}
