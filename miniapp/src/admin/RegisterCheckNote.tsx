import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import type { RegisterCheckDto } from '../../../src/contract/correction.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote } from './admin-hooks.js';
import { useCorrectionT } from './correction-messages.js';

/**
 * What the register check in the verify dialog really is: the admin's own manual check, said
 * plainly, unless a register lookup is configured (then the register's answer is shown).
 */
export function RegisterCheckNote({ registrationNo }: { registrationNo: string }) {
  const api = useAdminEndpoints();
  const t = useCorrectionT();
  const [answer, setAnswer] = useState<RegisterCheckDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ask = async () => {
    setError(null);
    try {
      setAnswer(await api.registerCheck(registrationNo));
    } catch (err) {
      setError(err);
    }
  };
  const entry = answer?.mode === 'lookup' ? answer.entry : null;
  return (
    <div style={{ marginBottom: 16 }} data-testid="register-check">
      {answer?.mode === 'lookup' ? (
        <Alert type="info" showIcon title={t('reg.lookupAvailable')} />
      ) : (
        <Alert type="warning" showIcon title={t('reg.manual')} data-testid="register-manual" />
      )}
      <ErrorNote error={error} />
      <Space style={{ marginTop: 8 }}>
        <Button size="small" onClick={() => void ask()} disabled={!/^[A-Za-z]{1,3}\d{3,7}$/.test(registrationNo)} data-testid="register-lookup">{t('reg.check')}</Button>
        {entry && <span data-testid="register-answer">{entry.found ? t('reg.found', { name: [entry.nameEn, entry.nameZh].filter(Boolean).join(' '), status: entry.status ?? '' }) : t('reg.notFound')}</span>}
      </Space>
    </div>
  );
}
