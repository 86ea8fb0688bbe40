import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN } from '../helpers/sharing-flow.js';
import { alertCase, alertRow, alertWorld, raiseAlert, type AlertWorld } from './alert-fixture.js';
import { eventually, makeHkid } from './sharing-edge-fixture.js';

/**
 * The dispatcher keeps its state in the table: a service stopped after the raise, with the scene group
 * made by DingTalk but not yet looked at, sends the cards after the restart — once.
 */
describe('allergy alert across a restart', () => {
  let w: AlertWorld;
  beforeAll(async () => {
    w = await alertWorld();
  });
  afterAll(async () => w?.close());

  it('When the service stops before the scene group result is processed, then after the restart the cards go out once', async () => {
    const code = await alertCase(w, makeHkid('V', '846264'));
    await w.h.service.alerts.timer.stop(); // the dispatcher is "down" from here; the outbox still makes the group
    const from = w.h.sim.sent.length;
    const groupsBefore = new Set(w.h.sim.org.groups.keys());
    const raised = await raiseAlert(w, code);
    const groupId = await eventually(() => [...w.h.sim.org.groups.keys()].find((id) => !groupsBefore.has(id) && w.h.sim.org.groups.get(id)!.title === `Allergy alert · ${code}`));
    const groupIntent = () =>
      (w.h.service.db.sqlite.prepare('select status, result from outbox_messages where idem_key = ?').get(`alert:${raised.alertId}:group`) as { status: string; result: string | null } | undefined);
    // The group's result (its openConversationId) is recorded in the outbox; nobody has acted on it yet.
    await eventually(() => groupIntent()?.status === 'sent');
    expect(groupIntent()!.result).toContain(groupId);
    expect((await alertRow(w, raised.alertId)).status).toBe('group_pending');
    expect(w.h.sim.sent.slice(from).filter((s) => s.via === 'card')).toHaveLength(0);

    await w.h.restart();
    await eventually(async () => (await alertRow(w, raised.alertId)).status === 'sent');
    expect((await alertRow(w, raised.alertId)).sceneGroupId).toBe(groupId);
    // Let the outbox drain and the dispatcher tick many times over: still one card per target.
    await new Promise((r) => setTimeout(r, 300));
    expect(await w.h.service.alerts.dispatch.runDue()).not.toHaveProperty('delivered');
    const cards = w.h.sim.sent.slice(from).filter((s) => s.via === 'card' && s.outTrackId?.startsWith(`alert:${raised.alertId}:`));
    expect(cards.map((c) => c.outTrackId).sort()).toEqual([`alert:${raised.alertId}:${groupId}`, `alert:${raised.alertId}:${CHAN}`].sort());
    expect([...w.h.sim.org.groups.values()].filter((g) => g.title === `Allergy alert · ${code}`)).toHaveLength(1);
  });
});
