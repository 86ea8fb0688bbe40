import { Button, Checkbox, Input, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useEndpoints } from '../../api/use-api.js';
import { useSend } from '../compose/use-send.js';
import type { MedicationAdded, NormaliseMatch } from '../doctor-api.js';
import { useMedicationI18n, type MedicationKey } from './medication-messages.js';
import { useNormalise } from './use-normalise.js';

const EMPTY = { text: '', dose: '', route: '', frequency: '', startOn: '', stopOn: '' };
const HOW_COLOR: Record<NormaliseMatch['how'], string> = { exact: 'success', converted: 'primary', 'sound-alike': 'warning' };

/**
 * The add form: as the doctor types, the name is looked up in the HK lexicon and each drug it matched
 * is shown with how (exact / converted / sound-alike with its score). Sure matches start ticked, a
 * sound-alike one only when the doctor ticks it; only ticked drugs are sent as confirmed.
 */
export function MedicationForm({ code, onSaved }: { code: string; onSaved: (answer: MedicationAdded) => void }) {
  const ep = useEndpoints();
  const { t, errorText } = useMedicationI18n();
  const [f, setF] = useState(EMPTY);
  const found = useNormalise(f.text);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const { busy, error, run } = useSend<null>();
  useEffect(() => {
    setTicked(new Set(found.drugs.filter((m) => m.how !== 'sound-alike').map((m) => m.entry)));
  }, [found.forText, found.drugs]);
  const set = (k: keyof typeof EMPTY) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const tick = (entry: string, on: boolean) =>
    setTicked((s) => {
      const next = new Set(s);
      if (on) next.add(entry);
      else next.delete(entry);
      return next;
    });

  async function save() {
    await run(async () => {
      const optional = Object.fromEntries(Object.entries(f).filter(([k, v]) => k !== 'text' && v.trim() !== '').map(([k, v]) => [k, v.trim()]));
      const confirmed = found.drugs.map((m) => m.entry).filter((e) => ticked.has(e));
      const answer = await ep.addMedication(code, { text: f.text.trim(), ...optional, confirmed });
      setF(EMPTY);
      onSaved(answer);
      return null;
    });
  }

  const field = (k: 'dose' | 'route' | 'frequency') => (
    <>
      <div className="compose-label">{t(`add.${k}`)}</div>
      <Input value={f[k]} onChange={set(k)} placeholder={t(`add.${k}Placeholder` as MedicationKey)} maxLength={100} clearable data-testid={`med-${k}`} />
    </>
  );
  const date = (k: 'startOn' | 'stopOn') => (
    <label className="med-date">
      <span className="compose-label">{t(`add.${k}`)}</span>
      <input type="date" className="compose-date" value={f[k]} onChange={(e) => set(k)(e.target.value)} data-testid={`med-${k}`} />
    </label>
  );
  const ready = f.text.trim() !== '' && !found.pending && !busy;
  return (
    <div className="padded stack compose" data-testid="med-form">
      <div className="compose-label">{t('add.text')} *</div>
      <Input value={f.text} onChange={set('text')} placeholder={t('add.textPlaceholder')} maxLength={200} clearable data-testid="med-text" />
      <Matches t={t} found={found} ticked={ticked} onTick={tick} />
      {field('dose')}
      {field('route')}
      {field('frequency')}
      <div className="med-dates">{date('startOn')}{date('stopOn')}</div>
      {error && <div className="compose-error" role="alert" data-testid="med-error">{errorText(error)}</div>}
      <Button block color="primary" disabled={!ready} loading={busy} onClick={() => void save()} data-testid="med-save">{t('add.save')}</Button>
    </div>
  );
}

/** What the name matched, one tick box per drug, with how and (for a sound-alike match) the score. */
function Matches({ t, found, ticked, onTick }: {
  t: (k: MedicationKey) => string;
  found: ReturnType<typeof useNormalise>;
  ticked: ReadonlySet<string>;
  onTick: (entry: string, on: boolean) => void;
}) {
  if (found.forText === '' && !found.pending) return null;
  if (found.pending) return <div className="hint" data-testid="med-matching">{t('add.matching')}</div>;
  if (found.drugs.length === 0) return <div className="hint" data-testid="med-no-match">{t('add.noMatch')}</div>;
  return (
    <div className="med-matches" data-testid="med-matches">
      <div className="compose-label">{t('add.matched')}</div>
      {found.drugs.map((m: NormaliseMatch) => (
        <Checkbox key={m.entry} checked={ticked.has(m.entry)} onChange={(on) => onTick(m.entry, on)} data-testid={`med-match-${m.canonical}`}>
          <span className="med-match-name">{m.canonical}</span>{' '}
          <Tag color={HOW_COLOR[m.how]} fill="outline" data-testid="med-match-how">{t(`how.${m.how}`)}</Tag>
          {m.how === 'sound-alike' && <span className="med-score" data-testid="med-match-score"> {t('score')} {m.score.toFixed(2)}</span>}
        </Checkbox>
      ))}
      <div className="med-note">{t('add.confirmHint')}</div>
    </div>
  );
}
