import { Button, List, Tag } from 'antd-mobile';
import { personName, type MedicationEntry } from '../doctor-api.js';
import { useMedicationI18n } from './medication-messages.js';

/**
 * One entry: the text as entered, what it was checked as (or that it was not), dose / route /
 * frequency, where it came from and who prescribed it (by name), dates (HK calendar days).
 */
export function MedicationItem({ m, onStop }: { m: MedicationEntry; onStop?: (m: MedicationEntry) => void }) {
  const { t, lang } = useMedicationI18n();
  const regimen = [m.dose, m.route, m.frequency].filter(Boolean).join(' · ');
  const prescriber = m.prescriber ? personName(lang, m.prescriber) : m.prescriberName;
  const who = [t(`source.${m.source}`), prescriber ? `${t('prescriber')}: ${prescriber}` : null, m.institutionName ? `${t('institution')}: ${m.institutionName}` : null];
  const dates = [m.startOn ? `${t('start')} ${m.startOn}` : null, m.stopOn ? `${t('stop')} ${m.stopOn}` : null].filter(Boolean).join(' · ');
  return (
    <List.Item
      data-testid={`med-${m.status}`}
      description={
        <div className="med-lines">
          {m.ingredientNames.length > 0 && <div data-testid="med-ingredients">{t('ingredients')}: {m.ingredientNames.join(' + ')}</div>}
          {m.unresolved.length > 0 && <div className="med-unchecked" data-testid="med-unchecked">{t('unchecked')}: {m.unresolved.join('、')}</div>}
          {regimen && <div data-testid="med-regimen">{regimen}</div>}
          <div data-testid="med-who">{who.filter(Boolean).join(' · ')}</div>
          {dates && <div data-testid="med-dates">{dates}</div>}
        </div>
      }
      extra={
        m.status === 'active' && onStop ? (
          <Button size="mini" color="danger" fill="outline" onClick={() => onStop(m)} data-testid="med-stop">{t('stopAction')}</Button>
        ) : (
          m.status === 'stopped' && <Tag color="default">{t('stopped')}</Tag>
        )
      }
    >
      <span className="med-text" data-testid="med-text-shown">{m.text}</span>
    </List.Item>
  );
}
