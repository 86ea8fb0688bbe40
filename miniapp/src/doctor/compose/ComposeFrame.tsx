import { ApiErrorBlock } from '../../screens/ApiErrorBlock.js';
import { Button, DotLoading, Result } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useApi } from '../../api/use-api.js';
import { useNavigate } from 'react-router';
import type { ComposeOptions } from '../doctor-api.js';
import { DoctorPage } from '../DoctorPage.js';
import { useComposeI18n } from './compose-messages.js';

/**
 * A compose screen's frame: asks the server what I may send into the case (the same rules the submit
 * applies), shows the refusal in plain words, or renders the form with those options.
 */
export function ComposeFrame({ code, title, children }: { code: string; title: string; children: (o: ComposeOptions) => ReactNode }) {
  const load = useApi('composeOptions', [code]);
  let body;
  if (load.loading && !load.data) body = <div className="centered"><DotLoading color="primary" /></div>;
  else if (!load.data) body = <ApiErrorBlock error={load.error} testId="compose-denied" />;
  else body = children(load.data);
  return <DoctorPage title={`${title} · ${code}`}>{body}</DoctorPage>;
}

/** The answer after a send: what happened, and the way back to the case. */
export function Sent({ code, title, note, testId }: { code: string; title: string; note: string; testId: string }) {
  const navigate = useNavigate();
  const { t } = useComposeI18n();
  return (
    <div className="padded stack">
      <Result status="success" title={title} description={note} data-testid={testId} />
      <Button block onClick={() => navigate(`/case/${code}`)} data-testid="compose-to-case">{t('toCase')}</Button>
    </div>
  );
}

/** A native file input (antd-mobile's uploader takes images only) limited to what the vault accepts. */
export function FilePick({ file, onPick, label, testId }: { file: File | null; onPick: (f: File | null) => void; label: string; testId: string }) {
  return (
    <label className="compose-file">
      <span>{file ? `${file.name} · ${Math.max(1, Math.round(file.size / 1024))} KB` : label}</span>
      <input type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" data-testid={testId} onChange={(e) => onPick(e.target.files?.[0] ?? null)} />
    </label>
  );
}
