import { Button, Selector, Tabs, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useEndpoints } from '../../api/use-api.js';
import type { BurnSent, ComposeOptions } from '../doctor-api.js';
import { useComposeI18n } from './compose-messages.js';
import { ComposeFrame, FilePick, Sent } from './ComposeFrame.js';
import { useSend } from './use-send.js';

const CHOICES = [10, 30, 60, 300, 3600];

/** `30 s`, `5 min`, `1 h`: the same words in both languages, as the chat uses. */
function label(s: number): string {
  if (s % 3600 === 0) return `${s / 3600} h`;
  if (s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

/** The `after` the bot's link carried (`burn C-… 2m`), if it is a time the server accepts. */
function linkedAfter(o: ComposeOptions): number | undefined {
  const n = Number(new URLSearchParams(window.location.search).get('after'));
  return Number.isInteger(n) && n >= o.burnSeconds.min && n <= o.burnSeconds.max ? n : undefined;
}

/** /case/<code>/burn: write a message or pick a document that burns for each reader after they open it. */
export function BurnComposeScreen({ code }: { code: string }) {
  const { t } = useComposeI18n();
  return <ComposeFrame code={code} title={t('burn.title')}>{(o) => <BurnForm code={code} o={o} />}</ComposeFrame>;
}

function BurnForm({ code, o }: { code: string; o: ComposeOptions }) {
  const ep = useEndpoints();
  const { t, errorText } = useComposeI18n();
  const [kind, setKind] = useState<'text' | 'document'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [after, setAfter] = useState(() => linkedAfter(o) ?? o.burnSeconds.default);
  const { busy, error, done, run, setError } = useSend<BurnSent>();
  if (!o.burn) return <div className="padded hint" data-testid="compose-denied">{t('denied')}</div>;
  if (done) return <Sent code={code} title={t('burn.done')} note={`${t('burn.doneNote')}: ${done.recipients}`} testId="burn-done" />;

  const choices = [...new Set([...CHOICES, after])].sort((a, b) => a - b).map((s) => ({ label: label(s), value: s }));
  const ready = kind === 'text' ? text.trim() !== '' : file !== null;

  async function send() {
    if (kind === 'document' && file && file.size > o.maxUploadBytes) return setError('request.too_large');
    await run(async () => {
      const out = kind === 'text' ? await ep.burnText(code, { text, burnAfterSeconds: after }) : await ep.burnDocument(code, file!, after);
      setText(''); // the text is not kept once it has left
      return out;
    });
  }

  return (
    <div className="padded stack compose" data-testid="burn-form">
      <Tabs activeKey={kind} onChange={(k) => setKind(k as 'text' | 'document')}>
        <Tabs.Tab title={t('burn.text')} key="text" />
        <Tabs.Tab title={t('burn.document')} key="document" />
      </Tabs>
      {kind === 'text' ? (
        <TextArea value={text} onChange={setText} placeholder={t('burn.placeholder')} rows={5} maxLength={20_000} autoSize={{ minRows: 5, maxRows: 12 }} data-testid="burn-compose-text" />
      ) : (
        <FilePick file={file} onPick={setFile} label={t('share.pick')} testId="burn-file" />
      )}
      <div className="compose-label">{t('burn.after')}</div>
      <Selector columns={3} options={choices} value={[after]} onChange={(v) => v[0] !== undefined && setAfter(v[0])} data-testid="burn-after" />
      {error && <div className="compose-error" role="alert" data-testid="compose-error">{errorText(error)}</div>}
      <Button block color="danger" disabled={!ready || busy} loading={busy} onClick={() => void send()} data-testid="burn-send">{t('burn.send')}</Button>
    </div>
  );
}
