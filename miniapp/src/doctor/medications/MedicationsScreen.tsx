import { Button, Dialog, DotLoading, List, Toast } from 'antd-mobile';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import { useApi, useEndpoints } from '../../api/use-api.js';
import { ApiErrorBlock } from '../../screens/ApiErrorBlock.js';
import { DoctorPage } from '../DoctorPage.js';
import { PagedList } from '../PagedList.js';
import { PatientBanner } from '../PatientBanner.js';
import { CaseInteractionAlerts } from './CaseInteractionAlerts.js';
import { MedicationForm } from './MedicationForm.js';
import { MedicationItem } from './MedicationItem.js';
import type { MedicationAdded, MedicationEntry } from '../doctor-api.js';
import { useMedicationI18n } from './medication-messages.js';
import './medications.css';

/**
 * /doctor/cases/:code/medications — the case's medication list (never sent to chat; active first, then
 * stopped, each newest first, in keyset pages loaded on scroll), the add form
 * with the lexicon's matches to confirm, stop, and the EHR import. The server decides who may do what.
 */
export function MedicationsScreen({ code }: { code: string }) {
  const ep = useEndpoints();
  const { t, errorText } = useMedicationI18n();
  const load = useApi('medications', [code]);
  const alerts = useApi('caseInteractionAlerts', [code]);
  // Adding, stopping or importing may raise (or end) an interaction alert: both lists are read again,
  // from their first pages (an entry stopped moves to the stopped run).
  const [version, setVersion] = useState(0);
  const reload = () => {
    load.reload();
    alerts.reload();
    setVersion((v) => v + 1);
  };
  const [adding, setAdding] = useState(false);
  const [unchecked, setUnchecked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const fail = (err: unknown) => Toast.show({ icon: 'fail', content: errorText(err instanceof ApiError ? err.code : 'other') });

  async function act(call: () => Promise<string>) {
    setBusy(true);
    try {
      Toast.show({ icon: 'success', content: await call() });
      reload();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }
  const importEhr = () => act(async () => {
    const { imported } = await ep.importMedications(code);
    return imported > 0 ? t('imported').replace('{n}', String(imported)) : t('importedNone');
  });
  const stop = async (m: MedicationEntry) => {
    const sure = await Dialog.confirm({ content: t('stopConfirm').replace('{text}', m.text), confirmText: t('stopAction'), cancelText: t('cancel') });
    if (sure) await act(async () => (await ep.stopMedication(code, m.id), t('stopDone')));
  };
  const saved = (a: MedicationAdded) => {
    setUnchecked(a.unresolved);
    setAdding(false);
    Toast.show({ icon: 'success', content: t('add.saved') });
    reload();
  };

  let body;
  if (load.loading && !load.data) body = <div className="centered"><DotLoading color="primary" /></div>;
  else if (!load.data) body = <ApiErrorBlock error={load.error} testId="med-load-error" />;
  else {
    const first = { items: load.data.entries, nextCursor: load.data.nextCursor };
    body = (
      <>
        <div className="compose-actions">
          <Button size="small" color="primary" fill={adding ? 'solid' : 'outline'} onClick={() => setAdding((a) => !a)} data-testid="med-add">{t('add')}</Button>
          <Button size="small" color="default" fill="outline" disabled={busy} onClick={() => void importEhr()} data-testid="med-import">{t('import')}</Button>
        </div>
        {unchecked.length > 0 && (
          <div className="hint" role="status" data-testid="med-saved-unchecked">
            {t('add.savedUnchecked').replace('{names}', unchecked.join('、'))}
            <div>{t('uncheckedNote')}</div>
          </div>
        )}
        {adding && <MedicationForm code={code} onSaved={saved} />}
        <CaseInteractionAlerts key={`alerts-${version}`} code={code} first={alerts.data} />
        <PagedList
          key={`meds-${version}`}
          testId="med-list"
          header={t('title')}
          first={first}
          more={async (cursor) => {
            const page = await ep.medications(code, cursor);
            return { items: page.entries, nextCursor: page.nextCursor };
          }}
          keyOf={(m) => m.id}
          empty={<List.Item>{t('none')}</List.Item>}
          row={(m) => <MedicationItem key={m.id} m={m} onStop={busy ? undefined : (x) => void stop(x)} />}
        />
      </>
    );
  }
  return (
    <DoctorPage title={`${t('title')} ${code}`}>
      <div data-testid="med-screen">
        <PatientBanner code={code} />
        {body}
      </div>
    </DoctorPage>
  );
}
