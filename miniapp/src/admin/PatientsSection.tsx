import { Alert, Button, Card, Col, Form, Input, Popconfirm, Row, Tag } from 'antd';
import { useState } from 'react';
import type { MergePreviewDto } from '../../../src/contract/correction.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote } from './admin-hooks.js';
import { useCorrectionT } from './correction-messages.js';

type Side = MergePreviewDto['survivor'];

/** The privacy officer merges duplicate patient records: pick the two, see the cases on each, confirm. */
export function PatientsSection() {
  const api = useAdminEndpoints();
  const t = useCorrectionT();
  const [survivor, setSurvivor] = useState('');
  const [duplicate, setDuplicate] = useState('');
  const [preview, setPreview] = useState<MergePreviewDto | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const attempt = async (f: () => Promise<void>) => {
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(err);
    }
  };
  const show = () => attempt(async () => (setDone(null), setPreview(await api.mergePreview(survivor, duplicate))));
  const merge = () => attempt(async () => {
    const out = await api.mergePatients(survivor, duplicate);
    setPreview(out);
    setDone(out.casesMoved);
  });
  const card = (title: string, s: Side, testId: string) => (
    <Card size="small" title={title} data-testid={testId}>
      <div style={{ fontFamily: 'monospace', marginBottom: 8 }}>{s.hkidMasked}</div>
      <div>{t('mrg.cases')}: {s.cases.length ? s.cases.map((c) => <Tag key={c.code}>{c.code}</Tag>) : t('mrg.noCases')}</div>
    </Card>
  );

  return (
    <>
      <Alert type="info" showIcon title={t('mrg.intro')} style={{ marginBottom: 16 }} />
      <ErrorNote error={error} />
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={12}><Form.Item label={t('mrg.survivor')}><Input value={survivor} onChange={(e) => (setSurvivor(e.target.value), setPreview(null))} data-testid="merge-survivor" /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item label={t('mrg.duplicate')}><Input value={duplicate} onChange={(e) => (setDuplicate(e.target.value), setPreview(null))} data-testid="merge-duplicate" /></Form.Item></Col>
        </Row>
        <Button onClick={() => void show()} disabled={!survivor.trim() || !duplicate.trim()} data-testid="merge-preview">{t('mrg.preview')}</Button>
      </Form>
      {preview && (
        <>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} md={12}>{card(t('mrg.survivor'), preview.survivor, 'merge-side-survivor')}</Col>
            <Col xs={24} md={12}>{card(t('mrg.duplicate'), preview.duplicate, 'merge-side-duplicate')}</Col>
          </Row>
          {done === null ? (
            <Popconfirm title={t('mrg.confirmQ')} onConfirm={() => void merge()} okButtonProps={{ 'data-testid': 'merge-confirm-ok' } as Record<string, string>}>
              <Button danger type="primary" style={{ marginTop: 16 }} data-testid="merge-confirm">{t('mrg.confirm')}</Button>
            </Popconfirm>
          ) : (
            <Alert type="success" style={{ marginTop: 16 }} title={t('mrg.done', { n: done })} data-testid="merge-done" />
          )}
        </>
      )}
    </>
  );
}
