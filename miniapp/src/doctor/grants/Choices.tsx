import { Selector } from 'antd-mobile';
import { DOCUMENT_TYPE_CODES, type DocumentType } from '../../../../src/contract/document-types.js';
import { GRANT_DURATION_CODES, type GrantDuration } from '../../../../src/contract/grant-durations.js';
import { docTypeLabel, durationLabel, useGrantI18n } from './grant-messages.js';

/** How long an approval runs (4 h … 7 d); none picked: the default for the request's purpose. */
export function DurationPicker({ value, onChange }: { value: GrantDuration | null; onChange: (d: GrantDuration | null) => void }) {
  const { t, lang } = useGrantI18n();
  return (
    <div className="stack" style={{ gap: 6 }} data-testid="decide-duration">
      <span className="hint">{t('decide.duration')}</span>
      <Selector
        options={GRANT_DURATION_CODES.map((c) => ({ label: durationLabel(c, lang), value: c }))}
        value={value ? [value] : []}
        onChange={(v) => onChange((v[0] as GrantDuration | undefined) ?? null)}
      />
    </div>
  );
}

/** What the shared document is (report, imaging, lab, …). */
export function DocTypePicker({ value, onChange }: { value: DocumentType; onChange: (d: DocumentType) => void }) {
  const { t, lang } = useGrantI18n();
  return (
    <div className="stack" style={{ gap: 6 }} data-testid="share-type">
      <span>{t('share.type')}</span>
      <Selector options={DOCUMENT_TYPE_CODES.map((c) => ({ label: docTypeLabel(c, lang), value: c }))} value={[value]} onChange={(v) => v[0] && onChange(v[0] as DocumentType)} />
    </div>
  );
}
