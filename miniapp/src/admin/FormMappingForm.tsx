import { Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { documentTypeLabel } from '../../../src/contract/document-types.js';
import { FORM_APPROVERS, FORM_DOCUMENT_TYPES, FORM_READ_CATEGORIES } from '../../../src/contract/yida-codes.js';
import type { FormMappingBody, MappingDto } from '../../../src/contract/yida.js';
import { ErrorNote } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import { useFormsApi } from './forms-api.js';

interface Values {
  formUuid: string; name: string; recordType: string; patientHkid: string; caseCode?: string;
  medications?: string; problems?: string; freeText?: string; flags?: string; results?: string;
  documentType: FormMappingBody['documentType'];
  approval: FormMappingBody['approval']; readCategory: FormMappingBody['readCategory'];
}

const list = (s?: string) => (s ?? '').split(/[\s,]+/).filter(Boolean);

/** `numberField_trop=6598-7 ng/L` lines; the server checks each part (a bad line is a coded refusal). */
const resultLines = (s?: string) =>
  (s ?? '').split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [id = '', rest = ''] = l.split('=');
    const [loinc = '', ...unit] = rest.trim().split(/\s+/);
    return { id: id.trim(), loinc, unit: unit.join(' ') };
  });

/** Adds or edits one form's mapping: component ids of the Yida form (e.g. textField_abc123) onto the record's fields. */
export function MappingForm({ initial, onDone, onCancel }: { initial: MappingDto | null; onDone: () => void; onCancel: () => void }) {
  const api = useFormsApi();
  const { t, lang } = useAdminT();
  const [error, setError] = useState<unknown>(null);
  const start: Partial<Values> = initial
    ? {
        formUuid: initial.formUuid, name: initial.name, recordType: initial.recordType, patientHkid: initial.fields.patientHkid, caseCode: initial.fields.caseCode,
        medications: initial.fields.medications.join(', '), problems: initial.fields.problems.join(', '),
        freeText: initial.fields.freeText.map((f) => `${f.id}=${f.label}`).join('\n'), approval: initial.approval, readCategory: initial.readCategory,
        flags: initial.fields.flags.join(', '), results: initial.fields.results.map((r) => `${r.id}=${r.loinc} ${r.unit}`).join('\n'), documentType: initial.documentType,
      }
    : { approval: 'none', readCategory: 'care_team', documentType: 'form' };
  const save = async (v: Values) => {
    setError(null);
    try {
      await api.saveMapping(v.formUuid.trim(), {
        name: v.name, recordType: v.recordType,
        fields: {
          patientHkid: v.patientHkid.trim(), caseCode: v.caseCode?.trim() || undefined, medications: list(v.medications), problems: list(v.problems),
          freeText: (v.freeText ?? '').split('\n').map((l) => l.split('=')).filter((p) => p[0]?.trim()).map(([id, ...label]) => ({ id: id!.trim(), label: label.join('=').trim() || id!.trim() })),
          flags: list(v.flags), results: resultLines(v.results),
        },
        documentType: v.documentType, approval: v.approval, readCategory: v.readCategory,
      });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Form<Values> layout="vertical" initialValues={start} onFinish={save} data-testid="forms-mapping-form" style={{ maxWidth: 640, marginBottom: 16 }}>
      <ErrorNote error={error} />
      <Form.Item name="formUuid" label={t('fm.formUuid')} rules={[{ required: true }]}><Input disabled={initial !== null} placeholder="FORM-…" /></Form.Item>
      <Form.Item name="name" label={t('fm.name')} rules={[{ required: true }]}><Input /></Form.Item>
      <Form.Item name="recordType" label={t('fm.recordType')} rules={[{ required: true }]}><Input placeholder="cardiology_referral" /></Form.Item>
      <Form.Item name="patientHkid" label={t('fm.f.patientHkid')} rules={[{ required: true }]}><Input placeholder="textField_…" /></Form.Item>
      <Form.Item name="caseCode" label={t('fm.f.caseCode')}><Input placeholder="textField_…" /></Form.Item>
      <Form.Item name="medications" label={t('fm.f.medications')}><Input placeholder="textareaField_…" /></Form.Item>
      <Form.Item name="problems" label={t('fm.f.problems')}><Input placeholder="textareaField_…" /></Form.Item>
      <Form.Item name="freeText" label={t('fm.f.freeText')}><Input.TextArea rows={3} placeholder="textareaField_…=Label" /></Form.Item>
      <Form.Item name="flags" label={t('fm.f.flags')}><Input placeholder="selectField_…" /></Form.Item>
      <Form.Item name="results" label={t('fm.f.results')}><Input.TextArea rows={2} placeholder="numberField_…=6598-7 ng/L" /></Form.Item>
      <Form.Item name="documentType" label={t('fm.documentType')}><Select options={FORM_DOCUMENT_TYPES.map((v) => ({ value: v, label: documentTypeLabel(v, lang === 'zh-HK' ? 'zh' : 'en') }))} /></Form.Item>
      <Form.Item name="approval" label={t('fm.approval')}><Select data-testid="forms-approval" options={(['none', ...FORM_APPROVERS] as const).map((v) => ({ value: v, label: t(`fm.ap.${v}`) }))} /></Form.Item>
      <Form.Item name="readCategory" label={t('fm.readCategory')}><Select options={FORM_READ_CATEGORIES.map((v) => ({ value: v, label: t(`fm.rc.${v}`) }))} /></Form.Item>
      <Space><Button type="primary" htmlType="submit" data-testid="forms-save">{t('fm.save')}</Button><Button onClick={onCancel}>{t('fm.cancel')}</Button></Space>
    </Form>
  );
}
