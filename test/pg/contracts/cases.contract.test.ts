import { expect, it } from 'vitest';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { seedFor } from '../../helpers/contract-seed.js';

describeOnBothStores('cases repository contract (cases, groups, care team)', seedFor, (get) => {
  it('cases by code and id; a code is unique; status flips once; open case of a patient', async () => {
    const { cases, openCase } = get().repo;
    await openCase('k1', 'u-open');
    const row = await cases.caseByCode('C-k1');
    expect(row).toMatchObject({ id: 'k1', code: 'C-k1', status: 'open', openedAt: 1 });
    expect(await cases.caseById('k1')).toEqual(row);
    expect(await cases.caseById('none')).toBeUndefined();
    await expect(cases.insertCase({ ...row!, id: 'k1-dup' })).rejects.toThrow();
    expect((await cases.openCaseOfPatient(row!.patientId))?.id).toBe('k1');
    const [a, b] = await Promise.all([cases.setStatus('k1', 'closed'), cases.setStatus('k1', 'closed')]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await cases.openCaseOfPatient(row!.patientId)).toBeUndefined();
    expect(await cases.setStatus('k1', 'open')).toBe(true);
  });

  it("a patient's cases oldest first, ties in insertion order even after updates; moved to another patient", async () => {
    const { cases, patient, clinician } = get().repo;
    const from = await patient('pm-from');
    const to = await patient('pm-to');
    const by = await clinician('u-mover');
    const ids = ['m5', 'm3', 'm1', 'm4', 'm2'];
    for (const id of ids) await cases.insertCase({ id, code: `C-${id}`, patientId: from, openedBy: by, openedAt: 50, status: 'closed' });
    await cases.insertCase({ id: 'm0', code: 'C-m0', patientId: from, openedBy: by, openedAt: 10, status: 'closed' });
    await cases.setStatus('m5', 'open');
    await cases.setStatus('m3', 'open');
    expect((await cases.casesOfPatient(from)).map((c) => c.id)).toEqual(['m0', ...ids]);
    expect(await cases.moveCasesToPatient(from, to)).toBe(6);
    expect(await cases.moveCasesToPatient(from, to)).toBe(0);
    expect((await cases.casesOfPatient(to)).map((c) => c.id)).toEqual(['m0', ...ids]);
  });

  it('groups: a conversation is bound to one case; unbind once', async () => {
    const { cases, openCase } = get().repo;
    await openCase('g1', 'u-g');
    await openCase('g2', 'u-g');
    await cases.bindGroup('g1', 'conv-1', 'u-g', 5);
    await cases.bindGroup('g1', 'conv-2', 'u-g', 6);
    await expect(cases.bindGroup('g2', 'conv-1', 'u-g', 7)).rejects.toThrow();
    expect(await cases.groupBinding('conv-1')).toEqual({ caseId: 'g1', conversationId: 'conv-1', boundBy: 'u-g', boundAt: 5 });
    expect((await cases.groupsOfCase('g1')).map((g) => g.conversationId).sort()).toEqual(['conv-1', 'conv-2']);
    expect(await cases.unbindGroup('g1', 'conv-1')).toBe(true);
    expect(await cases.unbindGroup('g1', 'conv-1')).toBe(false);
    expect(await cases.groupBinding('conv-1')).toBeUndefined();
  });

  it('care team: roles in force by time, ties on the start in insertion order even after an end is dated', async () => {
    const { cases, openCase, clinician } = get().repo;
    await openCase('t1', 'u-lead');
    const people = await Promise.all(['u-a', 'u-b', 'u-c', 'u-d', 'u-e'].map(clinician));
    const rows = [];
    for (const id of people) rows.push(await cases.addMember({ caseId: 't1', clinicianId: id, role: 'consulting', addedBy: 'u-lead' }, 100));
    expect(rows[0]).toMatchObject({ effectiveFrom: 100, effectiveTo: null, viaConversationId: null, removedBy: null });
    await cases.endRoleAt(rows[0]!.id, 'u-lead', 'locum ends', 500, 100);
    await cases.endRoleAt(rows[1]!.id, 'u-lead', 'locum ends', 400, 100);
    const ids = rows.map((r) => r.id);
    expect((await cases.teamHistory('t1')).map((r) => r.id)).toEqual(ids);
    expect((await cases.teamInForce('t1', 450)).map((r) => r.id)).toEqual([ids[0], ...ids.slice(2)]);
    expect((await cases.teamInForce('t1', 450, people[1])).map((r) => r.id)).toEqual([]);
    expect((await cases.teamInForce('t1', 99)).map((r) => r.id)).toEqual([]);
    expect((await cases.activeTeam('t1')).map((r) => r.id)).toEqual(ids.slice(2));
    expect((await cases.openRolesAt('t1', people[0]!, 450)).map((r) => r.id)).toEqual([ids[0]]);
    expect(await cases.openRolesAt('t1', people[0]!, 500)).toEqual([]);
    expect((await cases.openRolesOfClinician(people[1]!, 399)).map((r) => r.id)).toEqual([ids[1]]);
    expect(await cases.activeRoles('t1', people[0]!)).toEqual([]);
    expect((await cases.activeRoles('t1', people[2]!)).map((r) => r.id)).toEqual([ids[2]]);
  });

  it('care team: booked windows, ending once, re-dating a future end, roles given through a group', async () => {
    const { cases, openCase, clinician } = get().repo;
    await openCase('t2', 'u-lead2');
    const [x, y] = await Promise.all(['u-x', 'u-y'].map(clinician));
    const booked = await cases.addMember({ caseId: 't2', clinicianId: x!, role: 'observer', addedBy: 'admin' }, 10, { from: 200, to: 300 });
    expect(booked).toMatchObject({ effectiveFrom: 200, effectiveTo: 300 });
    expect((await cases.openRolesAt('t2', x!, 50)).map((r) => r.id)).toEqual([booked.id]);
    expect(await cases.teamInForce('t2', 50)).toEqual([]);
    const bookedRow = async () => (await cases.teamHistory('t2')).find((r) => r.id === booked.id);
    await cases.endRoleAt(booked.id, 'admin', 'shorter', 250, 100);
    expect(await bookedRow()).toMatchObject({ effectiveTo: 250, removedBy: 'admin', removedReason: 'shorter' });
    await cases.endRoleAt(booked.id, 'admin', 'too late', 260, 255);
    expect(await bookedRow()).toMatchObject({ effectiveTo: 250, removedReason: 'shorter' });

    const via = await cases.addMember({ caseId: 't2', clinicianId: y!, role: 'consulting', viaConversationId: 'conv-t2', addedBy: 'bot' }, 20);
    expect((await cases.activeRolesVia('conv-t2', [y!, x!])).map((r) => r.id)).toEqual([via.id]);
    expect(await cases.activeRolesVia('conv-t2', [])).toEqual([]);
    await cases.endRole(via.id, 'bot', 'left group', 30);
    await cases.endRole(via.id, 'other', 'again', 40);
    expect((await cases.teamHistory('t2')).find((r) => r.id === via.id)).toMatchObject({ effectiveTo: 30, removedBy: 'bot', removedReason: 'left group' });
    expect(await cases.activeRolesVia('conv-t2', [y!])).toEqual([]);
  });

  it('a care-team row for an unknown case or clinician is refused (foreign keys)', async () => {
    const { cases, openCase } = get().repo;
    await openCase('t3', 'u-fk');
    await expect(cases.addMember({ caseId: 'no-case', clinicianId: 'nobody', role: 'observer', addedBy: 'x' }, 1)).rejects.toThrow();
    await expect(cases.addMember({ caseId: 't3', clinicianId: 'nobody', role: 'observer', addedBy: 'x' }, 1)).rejects.toThrow();
  });
});
