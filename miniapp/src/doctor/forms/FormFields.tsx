import { Button, Input, List, Selector } from 'antd-mobile';
import { PATIENT_SEX, PATIENT_SEX_CODES, RECORD_NUMBER, type PatientSex } from '../../../../src/contract/patient-sex.js';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import { useEndpoints } from '../../api/use-api.js';
import { ConsentRows, consentEntries, type ConsentChoices } from './ConsentRows.js';
import { RestrictedConsent, restrictedEntries, type RestrictedChoice } from './RestrictedConsent.js';
import { filled, type FormDone, type FormIntent } from './forms-api.js';
import { useFormI18n } from './form-messages.js';

type Patient = { hkid: string; nameEn: string; nameZh: string; dateOfBirth: string; recordNumber: string };

/**
 * The form itself: the patient's identity (case open only) and consents by institution, posted once
 * to the app API. Typed values stay in this component's state only, never in the URL or storage.
 */
export function FormFields({ intentId, intent, onDone }: { intentId: string; intent: FormIntent; onDone: (d: FormDone) => void }) {
  const ep = useEndpoints();
  const { t, errorText, lang } = useFormI18n();
  const [patient, setPatient] = useState<Patient>({ hkid: '', nameEn: '', nameZh: '', dateOfBirth: '', recordNumber: '' });
  const [sex, setSex] = useState<PatientSex | undefined>(undefined);
  const [consents, setConsents] = useState<ConsentChoices>({});
  const [restricted, setRestricted] = useState<RestrictedChoice>({ categories: [], reference: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const caseOpen = intent.kind === 'case-open';

  /** What the screen can say before a round trip; the server checks everything again. */
  function missing(): string | null {
    if (restricted.categories.length > 0 && !filled(restricted.reference)) return t('restricted.needReference');
    if (caseOpen) {
      if (!filled(patient.hkid) || !patient.dateOfBirth) return t('field.required');
      if (!filled(patient.nameEn) && !filled(patient.nameZh)) return t('field.needName');
      const record = filled(patient.recordNumber);
      return record && !RECORD_NUMBER.test(record) ? t('field.recordInvalid') : null;
    }
    return consentEntries(consents).length + restricted.categories.length === 0 ? t('consent.none') : null;
  }

  const submit = async () => {
    const problem = missing();
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      if (caseOpen) {
        const body = { hkid: patient.hkid.trim(), nameEn: filled(patient.nameEn), nameZh: filled(patient.nameZh), dateOfBirth: patient.dateOfBirth, sex, recordNumber: filled(patient.recordNumber), consents: consentEntries(consents), ...restrictedEntries(restricted) };
        const out = await ep.submitCaseOpen(intentId, body);
        onDone({ kind: 'case-open', caseCode: out.caseCode, created: out.created });
      } else {
        const out = await ep.submitConsent(intentId, { consents: consentEntries(consents), ...restrictedEntries(restricted) });
        onDone({ kind: 'consent', caseCode: out.caseCode, recorded: out.recorded });
      }
    } catch (err) {
      setError(errorText(err instanceof ApiError ? err.code : 'other'));
      setBusy(false);
    }
  };

  // A message about the form goes once the form changes: it may no longer be true.
  const edited = <T,>(set: (v: T) => void) => (v: T) => {
    setError(null);
    set(v);
  };
  const field = (key: keyof Patient) => ({ value: patient[key], onChange: edited((v: string) => setPatient((p) => ({ ...p, [key]: v }))) });
  return (
    <form data-testid={`form-${intent.kind}`} autoComplete="off" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      {caseOpen && (
        <List header={t('caseOpen.title')}>
          <List.Item title={t('field.hkid')}><Input data-testid="form-hkid" placeholder={t('field.hkidHint')} maxLength={24} autoComplete="off" {...field('hkid')} /></List.Item>
          <List.Item title={t('field.nameEn')}><Input data-testid="form-nameEn" maxLength={120} autoComplete="off" {...field('nameEn')} /></List.Item>
          <List.Item title={t('field.nameZh')}><Input data-testid="form-nameZh" maxLength={60} autoComplete="off" {...field('nameZh')} /></List.Item>
          <List.Item title={t('field.dob')}><Input data-testid="form-dob" type="date" {...field('dateOfBirth')} /></List.Item>
          <List.Item title={t('field.sex')}>
            <Selector
              data-testid="form-sex"
              options={PATIENT_SEX_CODES.map((c) => ({ value: c, label: <span data-testid={`form-sex-${c}`}>{PATIENT_SEX[c][lang === 'zh-HK' ? 'zh' : 'en']}</span> }))}
              value={sex ? [sex] : []}
              onChange={edited((v: PatientSex[]) => setSex(v[0]))}
            />
          </List.Item>
          <List.Item title={t('field.recordNumber')}><Input data-testid="form-recordNumber" placeholder={t('field.recordHint')} maxLength={24} autoComplete="off" {...field('recordNumber')} /></List.Item>
        </List>
      )}
      <ConsentRows institutions={intent.institutions} value={consents} onChange={edited(setConsents)} />
      <RestrictedConsent value={restricted} onChange={edited(setRestricted)} />
      {error && <div className="hint" role="alert" data-testid="form-error">{error}</div>}
      <div className="padded">
        <Button block color="primary" type="submit" loading={busy} disabled={busy} data-testid="form-submit">{t('submit')}</Button>
      </div>
    </form>
  );
}
