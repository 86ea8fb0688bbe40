import { Button, DotLoading, ErrorBlock, Result } from 'antd-mobile';
import { useState } from 'react';
import { errorCode, useApi } from '../../api/use-api.js';
import { useNavigate } from 'react-router';
import { hkTime } from '../doctor-messages.js';
import { DoctorPage } from '../DoctorPage.js';
import { FormFields } from './FormFields.js';
import type { FormDone, FormKind } from './forms-api.js';
import { useFormI18n } from './form-messages.js';

/**
 * A form link from the bot (/app/form/<kind>/<intentId>), once signed in: the server answers only
 * for the clinician it was sent to, so anyone else sees "not for you" and no form at all.
 */
export function FormScreen({ kind, intentId }: { kind: FormKind; intentId: string }) {
  const { t, errorText } = useFormI18n();
  const load = useApi('formIntent', [intentId]);
  const [done, setDone] = useState<FormDone | null>(null);
  const title = kind === 'case-open' ? t('caseOpen.title') : `${t('consent.title')}${load.data?.caseCode ? ` · ${load.data.caseCode}` : ''}`;
  let body;
  if (done) body = <Done done={done} />;
  else if (load.loading && !load.data) body = <div className="centered"><DotLoading color="primary" /></div>;
  else if (!load.data || load.data.kind !== kind) {
    const code = load.data ? 'not_found' : errorCode(load.error);
    body = <ErrorBlock status="default" title={errorText(code)} description={code === 'actor.unverified' ? '' : t('newLink')} data-testid="form-link-error" data-code={code} />;
  } else {
    body = (
      <div>
        <div className="hint">
          <div>{t(kind === 'case-open' ? 'hint.caseOpen' : 'hint.consent')}</div>
          <div className="muted">{t('hint.oneTime')} {hkTime(load.data.expiresAt)}</div>
        </div>
        <FormFields intentId={intentId} intent={load.data} onDone={setDone} />
      </div>
    );
  }
  return <DoctorPage title={title}>{body}</DoctorPage>;
}

/** After the one submit: the case code (never the patient), and the way to the case. */
function Done({ done }: { done: FormDone }) {
  const navigate = useNavigate();
  const { t } = useFormI18n();
  const [title, note] =
    done.kind === 'consent'
      ? [t('done.consent'), t('done.consentNote').replace('{code}', done.caseCode).replace('{n}', String(done.recorded))]
      : done.created
        ? [t('done.opened'), t('done.openedNote')]
        : [t('done.existing'), t('done.existingNote')];
  return (
    <div className="padded stack" data-testid="form-done">
      <Result status={done.kind === 'case-open' && !done.created ? 'info' : 'success'} title={title} description={note} />
      <div className="centered" style={{ padding: 0 }}><strong data-testid="form-case-code" style={{ fontSize: 22 }}>{done.caseCode}</strong></div>
      {/* An existing case found by HKID may not be one this doctor is on: no way in from here. */}
      {!(done.kind === 'case-open' && !done.created) && <Button block onClick={() => navigate(`/case/${done.caseCode}`)} data-testid="form-to-case">{t('toCase')}</Button>}
    </div>
  );
}
