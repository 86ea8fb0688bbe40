import { Button, DatePicker, Form, Select, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useAdminEndpoints } from './admin-endpoints.js';
import { hkIsoOfPicked } from './hk-picker.js';
import { useAdminT, type AdminKey } from './admin-messages.js';
import { clinicianName } from './admin-types.js';
import { ClinicianPicker } from './ClinicianPicker.js';

const CARE_ROLES = ['attending', 'consulting', 'referring', 'observer'] as const;
/** What antd's DatePicker hands back: a dayjs value, read as a Hong Kong wall clock (hk-picker.ts). */
type Picked = Dayjs | null | undefined;

interface AddForm {
  clinicianId: string;
  role: string;
  dates?: [Picked, Picked] | null;
}

/**
 * Adds a member to a case or changes their role, optionally between two dates (a locum booked
 * ahead). The dates are Hong Kong time whatever the browser's zone (labelled HKT). The service audits
 * it as an admin change; the policy sees the role only within the dates.
 */
export function CaseTeamForm({ caseCode, onChanged, onError }: { caseCode: string; onChanged(): void; onError(e: unknown): void }) {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const [form] = Form.useForm<AddForm>();
  const submit = async (v: AddForm) => {
    onError(null);
    try {
      await api.setTeamRole(caseCode, { clinicianId: v.clinicianId, role: v.role, effectiveFrom: hkIsoOfPicked(v.dates?.[0]), effectiveTo: hkIsoOfPicked(v.dates?.[1]) });
      void message.success(t('cases.saved'));
      form.resetFields();
      onChanged();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <>
      <h4 style={{ marginTop: 16 }}>{t('cases.addMember')}</h4>
      <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }} data-testid="case-team-form">
        <Form.Item name="clinicianId" label={t('cases.clinician')} rules={[{ required: true }]}>
          <ClinicianPicker verifiedOnly width={260} testId="case-team-clinician" describe={(c) => `${clinicianName(c, lang)}${c.specialty ? ` · ${c.specialty}` : ''}`} />
        </Form.Item>
        <Form.Item name="role" label={t('cases.careRole')} rules={[{ required: true }]}>
          <Select style={{ width: 140 }} options={CARE_ROLES.map((r) => ({ value: r, label: t(`cases.role.${r}` as AdminKey) }))} data-testid="case-team-role" />
        </Form.Item>
        <Form.Item name="dates" label={t('cases.effective')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} placeholder={[t('cases.from'), t('cases.to')]} data-testid="case-team-dates" />
        </Form.Item>
        <Button htmlType="submit" type="primary" data-testid="case-team-save">{t('cases.save')}</Button>
      </Form>
    </>
  );
}
