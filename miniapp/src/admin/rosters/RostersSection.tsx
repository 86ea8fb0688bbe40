import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { RosterShiftDto } from '../../../../src/contract/rosters.js';
import { SPECIALTIES, SPECIALTY_CODES, type Specialty } from '../../../../src/contract/specialties.js';
import { DAY_MS, hkCsvTime, hkWeekStart } from '../../../../src/shared/hk-wall-clock.js';
import { useLoader } from '../../api/use-api.js';
import { useAdminEndpoints } from '../admin-endpoints.js';
import { ErrorNote } from '../admin-hooks.js';
import { RosterCalendar } from './RosterCalendar.js';
import { RosterCsv } from './RosterCsv.js';
import { AddShiftForm, CoverForm, SettingsForm, type NewShiftValues } from './RosterForms.js';
import { fill, useRosterI18n } from './roster-messages.js';

/**
 * The Rosters page: pick a hospital and a specialty, see its week (HKT, Monday first) as a calendar, add /
 * swap / cover / remove shifts, set the owner and escalation contact, import and export CSV.
 */
export function RostersSection() {
  const api = useAdminEndpoints();
  const { t, lang } = useRosterI18n();
  const [institutionId, setInstitutionId] = useState<string>();
  const [specialty, setSpecialty] = useState<Specialty>('cardiology');
  const [weekStart, setWeekStart] = useState(() => hkWeekStart(Date.now()));
  const [picked, setPicked] = useState<string[]>([]);
  const [covering, setCovering] = useState<RosterShiftDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const institutions = useLoader(() => api.institutions(), []);
  const inst = institutionId ?? institutions.data?.institutions[0]?.id;
  const range = inst ? { institutionId: inst, specialty, from: new Date(weekStart).toISOString(), to: new Date(weekStart + 7 * DAY_MS).toISOString() } : undefined;
  const week = useLoader(async () => (range ? api.rosterWeek(range) : undefined), [inst, specialty, weekStart]);

  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    setSaved(false);
    try {
      await run();
      setSaved(true);
      setPicked([]);
      setCovering(null);
      week.reload();
    } catch (err) {
      setError(err);
    }
  };
  const add = (v: NewShiftValues) => act(() => api.addShift({ institutionId: inst!, specialty, clinicianId: v.clinicianId, level: v.level, startsAt: v.startsAt, endsAt: v.endsAt }));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="rosters-section">
      <Card title={t('title')}>
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        <Space wrap>
          <Select style={{ width: 200 }} value={inst} onChange={setInstitutionId} data-testid="roster-institution" aria-label={t('institution')}
            options={(institutions.data?.institutions ?? []).map((i) => ({ value: i.id, label: `${i.code} · ${lang === 'zh-HK' ? (i.nameZh ?? i.nameEn) : i.nameEn}` }))} />
          <Select style={{ width: 200 }} value={specialty} onChange={setSpecialty} data-testid="roster-specialty" aria-label={t('specialty')} showSearch optionFilterProp="label"
            options={SPECIALTY_CODES.map((c) => ({ value: c, label: SPECIALTIES[c][lang === 'zh-HK' ? 'zh' : 'en'] }))} />
          <Button onClick={() => setWeekStart(weekStart - 7 * DAY_MS)} data-testid="roster-prev">{t('prev')}</Button>
          <Button onClick={() => setWeekStart(hkWeekStart(Date.now()))}>{t('thisWeek')}</Button>
          <Button onClick={() => setWeekStart(weekStart + 7 * DAY_MS)} data-testid="roster-next">{t('next')}</Button>
        </Space>
        <Typography.Title level={5} style={{ marginTop: 16 }} data-testid="roster-week">{fill(t('week'), { date: hkCsvTime(weekStart).slice(0, 10) })}</Typography.Title>
        <ErrorNote error={week.error ?? error} />
        {saved && <Alert type="success" showIcon title={t('done')} style={{ marginBottom: 12 }} data-testid="roster-saved" />}
        <RosterCalendar
          weekStart={weekStart}
          shifts={week.data?.shifts ?? []}
          picked={picked}
          onPick={(id, on) => setPicked(on ? [...picked.filter((p) => p !== id), id].slice(-2) : picked.filter((p) => p !== id))}
          onCover={setCovering}
          onRemove={(s) => void act(() => api.removeShift(s.id))}
        />
        <Space style={{ marginTop: 12 }} wrap>
          <Button disabled={picked.length !== 2} onClick={() => void act(() => api.swapShifts(picked[0]!, picked[1]!))} data-testid="roster-swap">{t('swap')}</Button>
          <Typography.Text type="secondary">{t('swapHint')}</Typography.Text>
        </Space>
      </Card>
      {covering && <CoverForm shift={covering} onCover={(v) => act(() => api.coverShift(covering.id, { clinicianId: v.clinicianId, from: v.from, to: v.to }))} />}
      <AddShiftForm onAdd={add} />
      {week.data && inst && (
        <SettingsForm week={week.data} onSave={(owner, contact) => act(() => api.rosterSettings({ institutionId: inst, specialty, ownerClinicianId: owner ?? null, escalationContactId: contact ?? null }))} />
      )}
      {range && <RosterCsv onImport={async (csv) => { const r = await api.importRoster(csv); if (!r.errors) week.reload(); return r; }} onExport={() => api.exportRoster(range)} />}
    </Space>
  );
}
