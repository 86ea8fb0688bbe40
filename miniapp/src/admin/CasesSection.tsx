import { Button, Card, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote } from './admin-hooks.js';
import { hkIsoOfPicked } from './hk-picker.js';
import { useAdminT } from './admin-messages.js';
import type { RosterRoleDto } from './admin-types.js';
import { CaseGroups } from './CaseGroups.js';
import { CaseRoster } from './CaseRoster.js';
import { CaseTeamForm } from './CaseTeamForm.js';

/**
 * A case's care team by case code: roles in force, booked ahead and ended (CaseRoster). Admins add
 * or end members (optionally dated), call off a booking, and bind consult groups here; in chat the
 * attending does the same for their own cases.
 */
export function CasesSection() {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const [found, setFound] = useState<{ caseCode: string; roles: RosterRoleDto[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async (code: string) => {
    setError(null);
    try {
      setFound(await api.roster(code));
    } catch (err) {
      setFound(null);
      setError(err);
    }
  };
  const lookup = ({ code }: { code: string }) => load(code.trim().toUpperCase());
  /** A change to the team, then the roster as it now stands (errors shown above the table). */
  const change = async (caseCode: string, path: string, query?: Record<string, string | undefined>) => {
    setError(null);
    try {
      await api.endOrCancel(caseCode, path, query);
      await load(caseCode);
    } catch (err) {
      setError(err);
    }
  };
  const actions = (caseCode: string) => ({
    end: (clinicianId: string, at: Dayjs | null) => change(caseCode, `/team/${encodeURIComponent(clinicianId)}`, { at: hkIsoOfPicked(at) }),
    cancel: (roleId: string) => change(caseCode, `/roles/${encodeURIComponent(roleId)}`),
  });
  return (
    <Card title={t('nav.cases')}>
      <ErrorNote error={error} />
      <Form layout="inline" onFinish={lookup} style={{ marginBottom: 16 }}>
        <Form.Item name="code" rules={[{ required: true, pattern: /^\s*C-[A-Za-z0-9]{3,12}\s*$/ }]}>
          <Input placeholder="C-XXXXX" style={{ width: 200 }} data-testid="case-code" />
        </Form.Item>
        <Button htmlType="submit" type="primary" data-testid="case-lookup">{t('audit.lookup')}</Button>
      </Form>
      {found && (
        <>
          <CaseRoster roles={found.roles} actions={actions(found.caseCode)} />
          <CaseTeamForm caseCode={found.caseCode} onChanged={() => void load(found.caseCode)} onError={setError} />
          <CaseGroups caseCode={found.caseCode} onChanged={() => void load(found.caseCode)} />
        </>
      )}
    </Card>
  );
}
