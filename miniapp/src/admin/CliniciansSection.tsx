import { Button, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, message } from 'antd';
import { useLoader } from '../api/use-api.js';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import { ClinicianImport } from './ClinicianImport.js';
import { MoreOnScroll, useKeysetList } from './keyset-list.js';
import { RegisterCheckNote } from './RegisterCheckNote.js';
import { CLINICIAN_ROLES, clinicianName, type ClinicianDto, type InstitutionDto } from './admin-types.js';

interface VerifyForm {
  nameEn?: string;
  nameZh?: string;
  registrationNo: string;
  role: string;
  specialty?: string;
  institutionCode: string;
}

/**
 * The directory: record a register check for a clinician (manual unless a register lookup is
 * configured: name, registration, role, specialty, institution), bulk import, suspend, remove from the organisation. The service refuses (409) acting on oneself
 * or on the last active admin; the note shows why.
 */
export function CliniciansSection() {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const roleName = useRoleName();
  const [onlyUnverified, setOnlyUnverified] = useState(false);
  const [verifying, setVerifying] = useState<ClinicianDto | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  // By name, 50 at a time, searched on the service (never the whole directory); more load as the foot scrolls into view.
  const list = useKeysetList<ClinicianDto>(async (cursor) => {
    const page = await api.clinicians({ unverified: onlyUnverified ? 'true' : undefined, q: q || undefined, limit: '50', cursor });
    return { items: page.clinicians, next: page.nextCursor };
  }, [api, onlyUnverified, q]);
  const institutions = useLoader(() => api.institutions(), []);
  const instName = (code: string | null) => {
    const i = institutions.data?.institutions.find((x) => x.code === code);
    return i ? (lang === 'zh-HK' ? i.nameZh ?? i.nameEn : i.nameEn) : code ?? '—';
  };

  const suspend = async (c: ClinicianDto) => {
    setActionError(null);
    try {
      await api.suspendClinician(c.id, c.suspended);
      list.reload();
    } catch (err) {
      setActionError(err);
    }
  };

  /** Leaves the organisation: unverified, off every care team, every grant and login ended. */
  const removeFromOrg = async (c: ClinicianDto) => {
    setActionError(null);
    try {
      await api.removeFromOrg(c.id);
      list.reload();
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <>
      <ErrorNote error={list.error ?? actionError} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('clin.search')} style={{ width: 280, maxWidth: '100%' }} data-testid="clinician-search" />
        <Switch checked={onlyUnverified} onChange={setOnlyUnverified} data-testid="only-unverified" />
        {t('clin.onlyUnverified')}
        <Button onClick={list.reload}>{t('common.refresh')}</Button>
      </Space>
      <Table<ClinicianDto>
        rowKey="id"
        size="middle"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        data-testid="clinicians-table"
        pagination={false}
        onRow={(c) => ({ 'data-testid': `clinician-${c.dingtalkUserId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('clin.name'), key: 'name', render: (_, c) => clinicianName(c, lang) },
          { title: t('clin.institution'), key: 'inst', render: (_, c) => instName(c.institutionCode) },
          { title: t('common.role'), dataIndex: 'role', render: (r: string | null) => roleName(r) },
          { title: t('clin.specialty'), dataIndex: 'specialty', render: (s: string | null) => s ?? '—' },
          { title: t('clin.registration'), dataIndex: 'registrationNo', render: (s: string | null) => s ?? '—' },
          {
            title: t('clin.status'),
            key: 'status',
            render: (_, c) => (
              <span data-testid={`status-${c.dingtalkUserId}`}>
                {c.suspended ? <Tag color="red">{t('clin.suspended')}</Tag> : c.verified ? <Tag color="green">{t('clin.verified')}</Tag> : <Tag color="orange">{t('clin.unverified')}</Tag>}
              </span>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_, c) => (
              <Space>
                <Button size="small" type={c.verified ? 'default' : 'primary'} onClick={() => setVerifying(c)} data-testid={`verify-${c.dingtalkUserId}`}>
                  {t('clin.verify')}
                </Button>
                <Popconfirm title={c.suspended ? t('clin.unsuspend') : t('clin.suspendConfirm')} onConfirm={() => suspend(c)} okButtonProps={{ 'data-testid': 'confirm-suspend' } as Record<string, string>}>
                  <Button size="small" danger={!c.suspended} data-testid={`suspend-${c.dingtalkUserId}`}>
                    {c.suspended ? t('clin.unsuspend') : t('clin.suspend')}
                  </Button>
                </Popconfirm>
                <Popconfirm title={t('clin.removeConfirm')} onConfirm={() => removeFromOrg(c)} okButtonProps={{ 'data-testid': 'confirm-remove' } as Record<string, string>}>
                  <Button size="small" danger data-testid={`remove-${c.dingtalkUserId}`}>
                    {t('clin.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <MoreOnScroll list={list} testId="clinicians-more" />
      {verifying && (
        <VerifyDialog
          clinician={verifying}
          institutions={institutions.data?.institutions ?? []}
          onClose={(changed) => {
            setVerifying(null);
            if (changed) list.reload();
          }}
        />
      )}
      <ClinicianImport onImported={list.reload} />
    </>
  );
}

function VerifyDialog(props: { clinician: ClinicianDto; institutions: InstitutionDto[]; onClose(changed: boolean): void }) {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const roleName = useRoleName();
  const [form] = Form.useForm<VerifyForm>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const c = props.clinician;
  const registrationNo = Form.useWatch('registrationNo', form) ?? c.registrationNo ?? '';

  const submit = async (values: VerifyForm) => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...values, specialty: values.specialty || undefined, nameEn: values.nameEn || undefined, nameZh: values.nameZh || undefined };
      await api.verifyClinician(c.id, body);
      void message.success(t('clin.done'));
      props.onClose(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`${t('clin.verifyTitle')} · ${clinicianName(c, lang)}`} onCancel={() => props.onClose(false)} onOk={() => form.submit()} okText={t('clin.verify')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'verify-submit' } as Record<string, string>} destroyOnHidden>
      <ErrorNote error={error} />
      <RegisterCheckNote registrationNo={registrationNo ?? ''} />
      <Form<VerifyForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ nameEn: c.nameEn ?? '', nameZh: c.nameZh ?? '', registrationNo: c.registrationNo ?? '', role: c.role ?? 'doctor', specialty: c.specialty ?? '', institutionCode: c.institutionCode ?? undefined }}
      >
        <Form.Item name="nameEn" label={t('clin.nameEn')}>
          <Input data-testid="verify-name-en" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('clin.nameZh')}>
          <Input data-testid="verify-name-zh" />
        </Form.Item>
        <Form.Item name="registrationNo" label={t('clin.registration')} rules={[{ required: true, pattern: /^[A-Za-z]{1,3}\d{3,7}$/, message: t('clin.regHint') }]}>
          <Input placeholder={t('clin.regHint')} data-testid="verify-registration" />
        </Form.Item>
        <Form.Item name="role" label={t('common.role')} rules={[{ required: true }]}>
          <Select data-testid="verify-role" options={CLINICIAN_ROLES.map((r) => ({ value: r, label: roleName(r) }))} />
        </Form.Item>
        <Form.Item name="specialty" label={t('clin.specialty')}>
          <Input data-testid="verify-specialty" />
        </Form.Item>
        <Form.Item name="institutionCode" label={t('clin.institution')} rules={[{ required: true }]}>
          <Select options={props.institutions.map((i) => ({ value: i.code, label: `${i.code} · ${lang === 'zh-HK' ? i.nameZh ?? i.nameEn : i.nameEn}` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A directory role in the UI language (the doctor screens' table has them). */
function useRoleName(): (role: string | null) => string {
  const { t } = useI18n();
  return (role) => (role && (CLINICIAN_ROLES as readonly string[]).includes(role) ? t(`role.${role}` as MessageKey) : role ?? '—');
}

/** `value` once it has stayed the same for `ms` (a search box asks the service once typing pauses). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
