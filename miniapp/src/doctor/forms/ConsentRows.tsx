import { Input, List, Selector } from 'antd-mobile';
import type { ConsentEntry, FormIntent } from './forms-api.js';
import { useFormI18n } from './form-messages.js';

export type ConsentChoice = { status: '' | 'granted' | 'withdrawn'; reference: string };
export type ConsentChoices = Record<string, ConsentChoice>;

/** The chosen consents as the API takes them: institutions left unset are not recorded. */
export function consentEntries(choices: ConsentChoices): ConsentEntry[] {
  return Object.entries(choices)
    .filter(([, c]) => c.status !== '')
    .map(([institutionCode, c]) => ({ institutionCode, status: c.status as ConsentEntry['status'], ...(c.reference.trim() ? { reference: c.reference.trim() } : {}) }));
}

/** One row per institution: granted / withdrawn (tap again to leave it unrecorded) and an optional reference. */
export function ConsentRows({ institutions, value, onChange }: { institutions: FormIntent['institutions']; value: ConsentChoices; onChange: (v: ConsentChoices) => void }) {
  const { t, lang } = useFormI18n();
  const options = [
    { label: t('consent.granted'), value: 'granted' },
    { label: t('consent.withdrawn'), value: 'withdrawn' },
  ];
  const set = (code: string, patch: Partial<ConsentChoice>) => onChange({ ...value, [code]: { ...(value[code] ?? { status: '', reference: '' }), ...patch } });
  return (
    <List header={t('consents')}>
      {institutions.map((i) => {
        const c = value[i.code] ?? { status: '', reference: '' };
        const name = lang === 'zh-HK' ? (i.nameZh ?? i.nameEn) : i.nameEn;
        return (
          <List.Item key={i.code} data-testid={`consent-${i.code}`} description={
            <div className="stack" style={{ gap: 8, marginTop: 6 }}>
              <Selector options={options} value={c.status ? [c.status] : []} onChange={(v) => set(i.code, { status: (v[0] ?? '') as ConsentChoice['status'] })} />
              {c.status && <Input placeholder={t('consent.reference')} value={c.reference} maxLength={200} onChange={(reference) => set(i.code, { reference })} />}
            </div>
          }>
            {name} <span className="muted">{i.code}</span>
          </List.Item>
        );
      })}
    </List>
  );
}
