import { Button, Card, Form, Input, Select, Space } from 'antd';
import { CALL_LEVELS, type RosterLevel, type RosterShiftDto, type RosterWeekDto } from '../../../../src/contract/rosters.js';
import { parseHkDateTime } from '../../../../src/shared/hk-wall-clock.js';
import type { ClinicianDto } from '../admin-types.js';
import { useRosterI18n } from './roster-messages.js';

/** A clinician picker whose values are DingTalk user ids (readable keys: never an internal id in the page). */
export function ClinicianSelect(props: { clinicians: ClinicianDto[]; value?: string; onChange?(v: string | undefined): void; testId: string; allowClear?: boolean }) {
  const { t } = useRosterI18n();
  const options = props.clinicians.filter((c) => !c.suspended).map((c) => ({ value: c.dingtalkUserId, label: [c.nameZh, c.nameEn ?? c.displayName].filter(Boolean).join(' ') }));
  return <Select showSearch optionFilterProp="label" allowClear={props.allowClear} placeholder={t('none')} style={{ width: 240 }} options={options} value={props.value} onChange={props.onChange} data-testid={props.testId} />;
}

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

export interface NewShiftValues { userId: string; level: RosterLevel; startsAt: string; endsAt: string }

/** Add a shift: clinician, level, start and end as HK wall-clock times (a night shift ends on the next date). */
export function AddShiftForm({ clinicians, onAdd }: { clinicians: ClinicianDto[]; onAdd(v: NewShiftValues): Promise<void> }) {
  const { t } = useRosterI18n();
  const [form] = Form.useForm<{ userId: string; level: RosterLevel; start: string; end: string }>();
  const submit = async (v: { userId: string; level: RosterLevel; start: string; end: string }) => {
    await onAdd({ userId: v.userId, level: v.level, startsAt: isoOf(v.start)!, endsAt: isoOf(v.end)! });
    form.resetFields();
  };
  return (
    <Card title={t('add')} size="small">
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ level: 'first' }} style={{ rowGap: 8 }}>
        <Form.Item name="userId" label={t('clinician')} rules={[{ required: true }]}><ClinicianSelect clinicians={clinicians} testId="roster-add-clinician" /></Form.Item>
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
export function CoverForm({ shift, clinicians, onCover }: { shift: RosterShiftDto; clinicians: ClinicianDto[]; onCover(v: { userId: string; from?: string; to?: string }): Promise<void> }) {
  const { t } = useRosterI18n();
  const submit = (v: { userId: string; from?: string; to?: string }) => onCover({ userId: v.userId, from: isoOf(v.from), to: isoOf(v.to) });
  return (
    <Card title={`${t('coverTitle')} · ${shift.clinician?.name ?? ''}`} size="small" data-testid="roster-cover-form">
      <Form layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item name="userId" label={t('clinician')} rules={[{ required: true }]}><ClinicianSelect clinicians={clinicians} testId="roster-cover-clinician" /></Form.Item>
        <Form.Item name="from" label={t('coverFrom')} rules={[hkTime(t, false)]}><Input style={{ width: 170 }} data-testid="roster-cover-from" /></Form.Item>
        <Form.Item name="to" label={t('coverTo')} rules={[hkTime(t, false)]}><Input style={{ width: 170 }} data-testid="roster-cover-to" /></Form.Item>
        <Button type="primary" htmlType="submit" data-testid="roster-cover-save">{t('save')}</Button>
      </Form>
    </Card>
  );
}

/** The roster's owner and escalation contact (either may be none). */
export function SettingsForm({ week, clinicians, onSave }: { week: RosterWeekDto; clinicians: ClinicianDto[]; onSave(owner?: string, contact?: string): Promise<void> }) {
  const { t } = useRosterI18n();
  const userOf = (id: string | undefined) => clinicians.find((c) => c.id === id)?.dingtalkUserId;
  return (
    <Card title={t('settings')} size="small">
      <Form
        key={`${week.owner?.id}:${week.escalationContact?.id}`}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ owner: userOf(week.owner?.id), contact: userOf(week.escalationContact?.id) }}
        onFinish={(v: { owner?: string; contact?: string }) => onSave(v.owner, v.contact)}
      >
        <Form.Item name="owner" label={t('owner')}><ClinicianSelect clinicians={clinicians} allowClear testId="roster-owner" /></Form.Item>
        <Form.Item name="contact" label={t('escalation')}><ClinicianSelect clinicians={clinicians} allowClear testId="roster-escalation" /></Form.Item>
        <Space><Button htmlType="submit" data-testid="roster-settings-save">{t('save')}</Button></Space>
      </Form>
    </Card>
  );
}
