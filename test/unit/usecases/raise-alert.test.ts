import { describe, expect, it } from 'vitest';
import type { RaiseInput } from '../../../src/domain/alerts/alert-service.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { DomainError } from '../../../src/shared/errors.js';
import { mayRaiseAlert } from '../../../src/usecases/alerts/alert-raise-rule.js';
import { alertIdFor, raiseAlert } from '../../../src/usecases/alerts/raise-alert.js';
import { clinician } from './burn-fakes.js';

const CASE = 'case_1';

/** The raise rule's two questions: on the team (the burn service's share check), or break-glass on the case. */
function ruleDeps(opts: { team: string[]; breakGlass: string[] }) {
  return {
    burn: {
      assertMayCreate: async (c: { id: string }) => {
        if (!opts.team.includes(c.id)) throw new DomainError('access.denied');
      },
    },
    grants: { activeGrantFor: (clinicianId: string) => ({ hasBreakGlass: opts.breakGlass.includes(clinicianId) }) as never },
    clock: new ManualClock(),
  };
}

describe('use case: may I raise an allergy alert', () => {
  const deps = ruleDeps({ team: ['chan', 'nurse_li', 'pharm'], breakGlass: ['ho'] });

  it('a doctor or nurse on the team may, on the share basis; a break-glass doctor off the team on the break-glass basis', async () => {
    expect(await mayRaiseAlert(deps, clinician('chan'), { id: CASE })).toBe('share');
    expect(await mayRaiseAlert(deps, clinician('nurse_li', { role: 'nurse' }), { id: CASE })).toBe('share');
    expect(await mayRaiseAlert(deps, clinician('ho'), { id: CASE })).toBe('break_glass');
  });

  it('refuses as before: off the team without break-glass, a role that does not raise alerts, unverified, suspended', async () => {
    await expect(mayRaiseAlert(deps, clinician('ng'), { id: CASE })).rejects.toMatchObject({ code: 'access.denied' });
    await expect(mayRaiseAlert(deps, clinician('pharm', { role: 'pharmacist' }), { id: CASE })).rejects.toMatchObject({ code: 'access.denied' });
    await expect(mayRaiseAlert(deps, clinician('chan', { verified: false }), { id: CASE })).rejects.toMatchObject({ code: 'actor.unverified' });
    await expect(mayRaiseAlert(deps, clinician('chan', { suspended: true }), { id: CASE })).rejects.toMatchObject({ code: 'actor.suspended' });
  });
});

describe('use case: raise an allergy alert', () => {
  function fakeAlerts() {
    const raised: RaiseInput[] = [];
    return {
      raised,
      raise: async (i: RaiseInput) => {
        raised.push(i);
        return { alertId: i.alertId, caseCode: 'C-7KQ2M', ehrPendingId: 'ehr_1', itemId: 'eph_1', scanItemId: i.scan ? 'eph_2' : null, recipients: 3 };
      },
    };
  }

  it('a retried submission is the same alert id; another submission or raiser is another; no submission id is a fresh id each time', () => {
    expect(alertIdFor('ho', 'sub-1')).toBe(alertIdFor('ho', 'sub-1'));
    expect(alertIdFor('ho', 'sub-1')).toMatch(/^alr_[0-9a-f]{32}$/);
    expect(alertIdFor('ho', 'sub-2')).not.toBe(alertIdFor('ho', 'sub-1'));
    expect(alertIdFor('chan', 'sub-1')).not.toBe(alertIdFor('ho', 'sub-1'));
    expect(alertIdFor('ho')).not.toBe(alertIdFor('ho'));
  });

  it('hands the form and scan to the alert service under the submission’s id and answers what went out', async () => {
    const alerts = fakeAlerts();
    const scan = Buffer.from('%PDF');
    const out = await raiseAlert({ alerts }, clinician('ho'), { id: CASE }, { form: { substance: 'penicillin' }, scan, submissionId: 'sub-1' });
    expect(out).toEqual({ alertId: alertIdFor('ho', 'sub-1'), caseCode: 'C-7KQ2M', recipients: 3, ehrPendingId: 'ehr_1', scan: true });
    expect(alerts.raised).toEqual([{ raiserId: 'ho', caseId: CASE, form: { substance: 'penicillin' }, scan, alertId: alertIdFor('ho', 'sub-1') }]);
    expect((await raiseAlert({ alerts }, clinician('ho'), { id: CASE }, { form: {} })).scan).toBe(false);
  });

  it('a refusal from the alert service passes through with its code', async () => {
    const alerts = { raise: async () => Promise.reject(new DomainError('access.denied')) };
    await expect(raiseAlert({ alerts }, clinician('ng'), { id: CASE }, { form: {} })).rejects.toMatchObject({ code: 'access.denied' });
  });
});
