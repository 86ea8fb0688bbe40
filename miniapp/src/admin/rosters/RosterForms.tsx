import { Button, Card, Form, Input, Select, Space } from 'antd';
import { CALL_LEVELS, type RosterLevel, type RosterShiftDto, type RosterWeekDto } from '../../../../src/contract/rosters.js';
import { parseHkDateTime } from '../../../../src/shared/hk-wall-clock.js';
import { ClinicianPicker } from '../ClinicianPicker.js';
import { useRosterI18n } from './roster-messages.js';

/** ISO of an HK `YYYY-MM-DD HH:mm`, or undefined. */
const isoOf = (text: string | undefined): string | undefined => {
  const at = text ? parseHkDateTime(text) : undefined;
  return at === undefined ? undefined : new Date(at).toISOString();
};
const hkTime = (t: (k: 'badTime') => string, required: boolean) => ({
  validator: async (_: unknown, v: string | undefined) => {
    if (!v && !required) return;
    if (!isoOf(v)) throw new Error(t('badTime'));
  },
});

export interface NewShiftValues { clinicianId: string; level: RosterLevel; startsAt: string; endsAt: string }

/** Add a shift: clinician, level, start and end as HK wall-clock times (a night shift ends on the next date). */
export function AddShiftForm({ onAdd }: { onAdd(v: NewShiftValues): Promise<void> }) {
  const { t } = useRosterI18n();
  const [form] = Form.useForm<{ clinicianId: string; level: RosterLevel; start: string; end: string }>();
  const submit = async (v: { clinicianId: string; level: RosterLevel; start: string; end: string }) => {
    await onAdd({ clinicianId: v.clinicianId, level: v.level, startsAt: isoOf(v.start)!, endsAt: isoOf(v.end)! });
    form.resetFields();
  };
  return (
    <Card title={t('add')} size="small">
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ level: 'first' }} style={{ rowGap: 8 }}>
        <Form.Item name="clinicianId" label={t('clinician')} rules={[{ required: true }]}><ClinicianPicker testId="roster-add-clinician" /></Form.Item>
        <Form.Item name="level" label={t('level')}>
          <Select style={{ width: 140 }} options={CALL_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} data-testid="roster-add-level" />
        </Form.Item>
        <Form.Item name="start" label={t('start')} rules={[hkTime(t, true)]}><Input style={{ width: 170 }} placeholder="2030-01-07 08:00" data-testid="roster-add-start" /></Form.Item>
        <Form.Item name="end" label={t('end')} rules={[hkTime(t, true)]}><Input style={{ width: 170 }} placeholder="2030-01-08 08:00" data-testid="roster-add-end" /></Form.Item>
        <Button type="primary" htmlType="submit" data-testid="roster-add">{t('save')}</Button>
      </Form>
    </Card>
  );
}

/** Cover the chosen shift: who takes it, from and until when (empty: the whole shift). */
export function CoverForm({ shift, onCover }: { shift: RosterShiftDto; onCover(v: { clinicianId: string; from?: string; to?: string }): Promise<void> }) {
  const { t } = useRosterI18n();
  const submit = (v: { clinicianId: string; from?: string; to?: string }) => onCover({ clinicianId: v.clinicianId, from: isoOf(v.from), to: isoOf(v.to) });
  return (
    <Card title={`${t('coverTitle')} · ${shift.clinician?.name ?? ''}`} size="small" data-testid="roster-cover-form">
      <Form layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item name="clinicianId" label={t('clinician')} rules={[{ required: true }]}><ClinicianPicker testId="roster-cover-clinician" /></Form.Item>
        <Form.Item name="from" label={t('coverFrom')} rules={[hkTime(t, false)]}><Input style={{ width: 170 }} data-testid="roster-cover-from" /></Form.Item>
        <Form.Item name="to" label={t('coverTo')} rules={[hkTime(t, false)]}><Input style={{ width: 170 }} data-testid="roster-cover-to" /></Form.Item>
        <Button type="primary" htmlType="submit" data-testid="roster-cover-save">{t('save')}</Button>
      </Form>
    </Card>
  );
}

/** The roster's owner and escalation contact (either may be none). */
export function SettingsForm({ week, onSave }: { week: RosterWeekDto; onSave(owner?: string, contact?: string): Promise<void> }) {
  const { t } = useRosterI18n();
  return (
    <Card title={t('settings')} size="small">
      <Form
        key={`${week.owner?.id}:${week.escalationContact?.id}`}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ owner: week.owner?.id, contact: week.escalationContact?.id }}
        onFinish={(v: { owner?: string; contact?: string }) => onSave(v.owner, v.contact)}
      >
        <Form.Item name="owner" label={t('owner')}><ClinicianPicker allowClear initial={week.owner} testId="roster-owner" /></Form.Item>
        <Form.Item name="contact" label={t('escalation')}><ClinicianPicker allowClear initial={week.escalationContact} testId="roster-escalation" /></Form.Item>
        <Space><Button htmlType="submit" data-testid="roster-settings-save">{t('save')}</Button></Space>
      </Form>
    </Card>
  );
}
