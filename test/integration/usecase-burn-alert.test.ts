import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';
import { CHAN, LAM, openCase } from '../helpers/sharing-flow.js';
import { auditSince } from './sharing-edge-fixture.js';
import { WATERMARK } from './burn-fixture.js';
import type { ClinicianRow } from '../../src/domain/directory/directory-repository.js';
import { mayRaiseAlert } from '../../src/usecases/alerts/alert-raise-rule.js';
import { openBurn } from '../../src/usecases/burn/open-burn.js';
import { sendBurn } from '../../src/usecases/burn/send-burn.js';

const HO = 'qmh-ho-wingyee';

/** The burn and alert use cases called directly on the real services (no chat, no HTTP). */
describe('use cases: burn send / open and the alert raise rule, on the real services', () => {
  let h: Harness;
  const clock = new ManualClock();
  let caseRow: { id: string; code: string };
  let chan: ClinicianRow;
  let lam: ClinicianRow;
  let ho: ClinicianRow;
  beforeAll(async () => {
    h = await startHarness({ clock });
    const group = h.demo.groups.cardiologyConsult;
    const code = await openCase(h, group, 'C123456(9)', [{ institutionCode: 'HPH', status: 'granted' }]);
    const chanActor = await h.service.directory.resolveOrEnroll(CHAN, '');
    await h.service.secure.cases.team.addMember(chanActor, code, LAM, 'consulting', group);
    caseRow = await h.service.secure.cases.queries.findCase(code);
    chan = chanActor.clinician;
    lam = (await h.service.directory.resolveOrEnroll(LAM, '')).clinician;
    ho = (await h.service.directory.resolveOrEnroll(HO, '')).clinician;
  });
  afterAll(async () => h?.close());

  it('a non-member cannot send (access.denied, nothing stored); the attending can, to the team', async () => {
    const deps = { burn: h.service.burn.service };
    const before = await h.service.burn.service.pendingCount();
    await expect(sendBurn(deps, ho, caseRow, { kind: 'text', text: 'not mine to send' }, 30)).rejects.toMatchObject({ code: 'access.denied' });
    expect(await h.service.burn.service.pendingCount()).toBe(before);
    const sent = await sendBurn(deps, chan, caseRow, { kind: 'text', text: 'K+ 6.8' }, 30);
    expect(sent).toMatchObject({ caseCode: caseRow.code, recipients: 1 });
    expect(await h.service.burn.service.pendingCount()).toBe(before + 1);
  });

  it('the first open stops the unread escalation once; the second open stops nothing more', async () => {
    const { itemId } = await sendBurn({ burn: h.service.burn.service }, chan, caseRow, { kind: 'text', text: 'call me' }, 60);
    await h.service.escalation.track({ itemType: 'alert', itemId, caseId: caseRow.id, recipients: [lam.id], urgent: true, initiatorId: chan.id });
    expect(await h.service.escalation.stateOf(itemId)).toMatchObject([{ recipientId: lam.id, status: 'active' }]);
    const deps = { burn: h.service.burn.service, escalation: h.service.escalation, viewTokens: h.service.burn.viewTokens, clock };
    const stoppedAudits = async () => (await auditSince(h, 0, { action: 'escalation.stopped' })).filter((e) => e.target === `${itemId}:${lam.id}`);

    expect(await openBurn(deps, lam, itemId)).toEqual({ kind: 'text', text: 'call me', remainingSeconds: 60, watermark: WATERMARK });
    expect(await h.service.escalation.stateOf(itemId)).toMatchObject([{ recipientId: lam.id, status: 'stopped', stopReason: 'opened' }]);
    expect(await stoppedAudits()).toHaveLength(1);

    clock.advance(20_000);
    expect(await openBurn(deps, lam, itemId)).toMatchObject({ kind: 'text', remainingSeconds: 40 });
    expect(await stoppedAudits()).toHaveLength(1);
  });

  it('the raise rule refuses a doctor off the team without break-glass, and lets the attending raise on the share basis', async () => {
    const deps = { burn: h.service.burn.service, grants: h.service.secure.grants, clock: h.service.clock };
    await expect(mayRaiseAlert(deps, ho, caseRow.id)).rejects.toMatchObject({ code: 'access.denied' });
    expect(await mayRaiseAlert(deps, chan, caseRow.id)).toBe('share');
  });
});
