import { patientSexLabel } from '../../../src/contract/patient-sex.js';
import { useApi } from '../api/use-api.js';
import { useDoctorI18n } from './doctor-messages.js';

/**
 * Who the patient is, at the top of the case screen — only when the policy lets me open the case's
 * records now. The server decrypts it per request (no-store); a refusal (or any failure) shows no
 * banner at all, and the rest of the case screen stays as it is.
 */
export function PatientBanner({ code }: { code: string }) {
  const { t, lang } = useDoctorI18n();
  const load = useApi('patientBanner', [code]);
  const p = load.data;
  if (!p) return null;
  const names = lang === 'zh-HK' ? [p.nameZh, p.nameEn] : [p.nameEn, p.nameZh];
  const facts: Array<[key: string, label: string, value: string | null]> = [
    ['sex', t('banner.sex'), p.sex && patientSexLabel(p.sex, lang === 'zh-HK' ? 'zh' : 'en')],
    ['age', t('banner.age'), `${p.ageYears}${t('banner.years')}`],
    ['dob', t('banner.dob'), p.dateOfBirth],
    ['hkid', t('banner.hkid'), p.hkidMasked],
    ['record', p.recordInstitution ? `${p.recordInstitution} ${t('banner.record')}` : t('banner.record'), p.recordNumber],
  ];
  return (
    <section className="patient-banner" data-testid="patient-banner" aria-label={t('banner.label')}>
      <div className="patient-banner-name" data-testid="patient-banner-name">
        {names.filter(Boolean).join(' · ')}
      </div>
      <div className="patient-banner-facts">
        {facts.map(([key, label, value]) =>
          value === null ? null : (
            <span key={key}>
              <span className="patient-banner-label">{label}</span> <span data-testid={`patient-banner-${key}`}>{value}</span>
            </span>
          ),
        )}
      </div>
    </section>
  );
}
