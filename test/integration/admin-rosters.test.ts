import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkWeekStart } from '../../src/shared/hk-wall-clock.js';
import { consoleWorld, type ConsoleWorld } from './admin-console-fixture.js';
import { eventually } from './sharing-edge-fixture.js';

const DAY = 24 * 3600_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The console's Rosters API over the real service: the demo roster's week, edits, settings, CSV. */
describe('console rosters API', () => {
  let w: ConsoleWorld;
  let week: string;
  const lee = async () => (await w.h.service.directoryRepo.findByDingTalkId('hph-lee-meiling'))!.id;
  beforeAll(async () => {
    w = await consoleWorld();
    const start = hkWeekStart(Date.now());
    week = `institutionId=HPH&specialty=cardiology&from=${new Date(start).toISOString()}&to=${new Date(start + 7 * DAY).toISOString()}`;
  });
  afterAll(async () => w?.close());

  it('When an admin opens a week of HPH cardiology, then the demo shifts come with names and roles, the owner and the escalation contact', async () => {
    const res = await w.call('GET', `/api/admin/rosters/shifts?${week}`, 'admin');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.shifts.length).toBeGreaterThanOrEqual(14);
    expect(body.shifts.find((s: { level: string }) => s.level === 'first').clinician).toMatchObject({ name: '吳志豪 Dr NG Chi-ho', role: 'Specialist in Cardiology' });
    expect(body.escalationContact.name).toBe('楊淑儀 Dr YEUNG Suk-yee');
    expect(body.shifts.every((s: { id: string }) => !UUID.test(s.id))).toBe(true);
    expect((await w.call('GET', `/api/admin/rosters/shifts?${week.replace('cardiology', 'dentistry')}`, 'admin')).statusCode).toBe(400);
    expect((await w.call('GET', `/api/admin/rosters/shifts?${week}`, 'doctor')).json().code).toBe('access.denied');
  });

  it('add, cover (split), swap and remove through the API; coded refusals', async () => {
    const from = Date.parse('2031-03-03T12:00:00Z'); // 20:00 HKT
    const add = (clinicianId: string, level: string, a: number, b: number) =>
      w.call('POST', '/api/admin/rosters/shifts', 'admin', { institutionId: 'HPH', specialty: 'neurology', clinicianId, level, startsAt: new Date(a).toISOString(), endsAt: new Date(b).toISOString() });
    const night = await add(await lee(), 'first', from, from + 12 * 3600_000);
    expect(night.statusCode).toBe(201);
    expect((await add(await lee(), 'second', from + 3600_000, from + 2 * 3600_000)).json().code).toBe('roster.overlap');
    expect((await add(await lee(), 'second', from, from)).json().code).toBe('roster.end_before_start');
    const id = night.json().id as string;
    const cover = await w.call('POST', `/api/admin/rosters/shifts/${id}/cover`, 'admin', { clinicianId: w.ids.wong, from: new Date(from + 4 * 3600_000).toISOString(), to: new Date(from + 6 * 3600_000).toISOString() });
    expect(cover.statusCode).toBe(200);
    expect(cover.json().shifts.map((s: { clinician: { name: string } }) => s.clinician.name)).toEqual(['李美玲 Dr LEE Mei-ling', '黃小明 Dr WONG Siu-ming', '李美玲 Dr LEE Mei-ling']);
    // A cover made in the console tells both clinicians 1:1 (the Chinese reader in Chinese), with the HK times of the cover.
    const oto = (userId: string, part: string) => w.h.sim.sent.filter((m) => m.via === 'oto' && (m.userIds ?? []).includes(userId) && m.text.includes(part));
    const toWong = await eventually(() => oto('hph-wong-siuming', '2031-03-04 00:00 HKT')[0]);
    expect(toWong.text).toMatch(/(in place of|代替) 李美玲 Dr LEE Mei-ling/);
    expect(toWong.text).toContain('2031-03-04 02:00 HKT');
    const toLee = await eventually(() => oto('hph-lee-meiling', '黃小明 Dr WONG Siu-ming')[0]);
    expect(toLee.text).toContain('由 2031-03-04 00:00 HKT 至 2031-03-04 02:00 HKT 代替你擔任 腦神經科 · HPH 的第一當值；該段時間你毋須當值。');
    const [first, middle] = cover.json().shifts as Array<{ id: string }>;
    expect((await w.call('POST', '/api/admin/rosters/shifts/swap', 'admin', { a: first!.id, b: middle!.id })).statusCode).toBe(200);
    const del = await w.app.inject({ method: 'DELETE', url: `/api/admin/rosters/shifts/${middle!.id}`, headers: { authorization: `Bearer ${w.tokens.admin}` } });
    expect(del.statusCode).toBe(200);
    const again = await w.app.inject({ method: 'DELETE', url: `/api/admin/rosters/shifts/${middle!.id}`, headers: { authorization: `Bearer ${w.tokens.admin}` } });
    expect([again.statusCode, again.json().code]).toEqual([404, 'roster.shift_not_found']);
  });

  it('settings; CSV import refuses the whole file with per-row codes, then imports; export is importable CSV in HK time', async () => {
    const set = await w.call('POST', '/api/admin/rosters/settings', 'admin', { institutionId: 'HPH', specialty: 'neurology', ownerClinicianId: w.ids.wong, escalationContactId: null });
    expect(set.statusCode).toBe(200);
    const head = 'institution,specialty,level,clinician,start,end';
    const bad = await w.call('POST', '/api/admin/rosters/import', 'admin', { csv: `${head}\nHPH,neurology,first,hph-wong-siuming,2031-04-01 08:00,2031-04-01 20:00\nHPH,neurology,first,nobody,2031-04-01 20:00,2031-04-01 08:00` });
    expect(bad.json()).toMatchObject({ imported: 0, errors: 1 });
    expect(bad.json().rows[1].problems.map((p: { code: string }) => p.code)).toEqual(['end_before_start', 'unknown_clinician']);
    const good = await w.call('POST', '/api/admin/rosters/import', 'admin', { csv: `${head}\nHPH,neurology,first,hph-wong-siuming,2031-04-01 20:00,2031-04-02 08:00` });
    expect(good.json()).toMatchObject({ imported: 1, errors: 0 });
    const url = '/api/admin/rosters/export?institutionId=HPH&specialty=neurology&from=2031-03-31T16:00:00.000Z&to=2031-04-07T16:00:00.000Z';
    const out = await w.call('GET', url, 'admin');
    // A CSV file: UTF-8 with a byte-order mark (Excel reads the Chinese name), the import's columns plus the name.
    expect(out.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(out.headers['content-disposition']).toBe('attachment; filename="roster-HPH-neurology-2031-04-01.csv"');
    expect([...out.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const file = `\uFEFFinstitution,specialty,level,clinician,name,start,end\r\nHPH,neurology,first,hph-wong-siuming,黃小明 Dr WONG Siu-ming,2031-04-01 20:00,2031-04-02 08:00\r\n`;
    expect(out.body).toBe(file);
    // Round trip: the shift removed, the exported file (BOM and all) imports it again, and exports the same bytes.
    const week = (await w.call('GET', url.replace('export', 'shifts'), 'admin')).json();
    expect((await w.call('DELETE', `/api/admin/rosters/shifts/${week.shifts[0].id}`, 'admin')).statusCode).toBe(200);
    expect((await w.call('GET', url, 'admin')).body).toBe(`\uFEFF${head.replace('clinician,', 'clinician,name,')}\r\n`);
    expect((await w.call('POST', '/api/admin/rosters/import', 'admin', { csv: out.body })).json()).toMatchObject({ imported: 1, errors: 0 });
    expect((await w.call('GET', url, 'admin')).body).toBe(file);
    expect((await w.call('GET', url.replace('neurology', 'dentistry'), 'admin')).statusCode).toBe(400);
  });
});
