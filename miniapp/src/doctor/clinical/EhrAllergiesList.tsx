import { List, Tag } from 'antd-mobile';
import type { CaseSummaryDto } from '../../../../src/contract/clinical-notes.js';
import type { ClinicalKey } from './clinical-messages.js';

type State = CaseSummaryDto['ehrAllergies'];

/** The reasons with their own wording; any other EHR error reads as "could not be read just now". */
const REASONS = new Set(['ehr.not_configured', 'ehr.patient_not_found']);

/**
 * The key points' "Allergies (health record)" list: each substance (with its lexicon term when it is a
 * drug), criticality and clinical/verification status; or a clear "EHR allergies unavailable" line when
 * the EHR could not be read (never shown as "no allergies").
 */
export function EhrAllergiesList({ state, t }: { state: State; t: (key: ClinicalKey) => string }) {
  if (state.state === 'unavailable') {
    const key = (REASONS.has(state.reason) ? `sum.ehrAllergiesNA.${state.reason.slice('ehr.'.length)}` : 'sum.ehrAllergiesNA') as ClinicalKey;
    return (
      <List header={t('sum.ehrAllergies')} data-testid="summary-ehr-allergies">
        <List.Item data-testid="summary-ehr-allergies-unavailable">{t(key)}</List.Item>
      </List>
    );
  }
  return (
    <List header={t('sum.ehrAllergies')} data-testid="summary-ehr-allergies">
      {state.items.length === 0 && <List.Item>{t('sum.noEhrAllergies')}</List.Item>}
      {state.items.map((a) => (
        <List.Item
          key={a.ref}
          data-testid="summary-ehr-allergy"
          description={[a.clinicalStatus && t(`clin.${a.clinicalStatus}` as ClinicalKey), a.verification && t(`ver.${a.verification}` as ClinicalKey)].filter(Boolean).join(' · ')}
          extra={a.criticality ? <Tag color={a.criticality === 'high' ? 'danger' : 'default'}>{t(`crit.${a.criticality}` as ClinicalKey)}</Tag> : undefined}
        >
          {a.text}
          {a.drug && a.drug.canonical.toLowerCase() !== a.text.toLowerCase() && <span className="hint"> ({a.drug.canonical})</span>}
        </List.Item>
      ))}
    </List>
  );
}
