import { Button, Dialog, Input, List, Toast } from 'antd-mobile';
import { useState } from 'react';
import type { CorrectionOptionsDto } from '../../../src/contract/correction.js';
import { ApiError } from '../api/api-error.js';
import { useEndpoints, useLoader } from '../api/use-api.js';
import { useCorrectionI18n } from './correction-messages.js';

/**
 * Wrong-patient correction on the document screen, for the sharer or the case's attending only (the
 * service says who): retract (views end, the team told), then re-file to the right case.
 */
export function CorrectionPanel({ documentId, onRetracted }: { documentId: string; onRetracted?: () => void }) {
  const ep = useEndpoints();
  const { t, errorText } = useCorrectionI18n();
  const load = useLoader<CorrectionOptionsDto>(() => ep.correctionOptions(documentId), [ep, documentId]);
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const opts = load.data;
  if (!opts?.mayCorrect || !opts.caseCode) return null;
  const code = opts.caseCode;
  const fail = (err: unknown) => Toast.show({ content: errorText(err instanceof ApiError ? err.code : 'other') });

  const retract = async () => {
    const yes = await Dialog.confirm({ content: t('fix.retractConfirm').replace('{code}', code), confirmText: t('fix.ok'), cancelText: t('fix.cancel') });
    if (!yes) return;
    setBusy(true);
    try {
      await ep.retractDocument(documentId);
      setDone(t('fix.retracted'));
      load.reload();
      onRetracted?.();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const refile = async () => {
    setBusy(true);
    try {
      const out = await ep.refileDocument(documentId, target.trim().toUpperCase());
      setDone(t('fix.refiled').replace('{code}', out.caseCode));
      load.reload();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="padded" data-testid="correction-panel">
      <List header={t('fix.title')}>
        <List.Item description={opts.status === 'retracted' ? t('fix.isRetracted').replace('{code}', code) : t('fix.hint')}>{code}</List.Item>
      </List>
      {done && <div className="hint" data-testid="correction-done">{done}</div>}
      {opts.status === 'active' && (
        <Button block color="danger" fill="outline" disabled={busy} onClick={() => void retract()} data-testid="retract">{t('fix.retract')}</Button>
      )}
      {opts.status !== 'destroyed' && (
        <div style={{ marginTop: 12 }}>
          <Input placeholder={t('fix.refileLabel')} value={target} onChange={setTarget} data-testid="refile-code" />
          <Button block color="primary" disabled={busy || target.trim().length < 7} onClick={() => void refile()} data-testid="refile" style={{ marginTop: 8 }}>{t('fix.refile')}</Button>
        </div>
      )}
    </div>
  );
}
