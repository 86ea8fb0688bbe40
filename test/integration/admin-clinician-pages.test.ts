import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleWorld, type ConsoleWorld } from './admin-console-fixture.js';

interface Page {
  clinicians: Array<{ id: string; dingtalkUserId: string; displayName: string; verified: boolean; suspended: boolean }>;
  nextCursor: string | null;
}

describe('admin console: the clinician directory a page at a time, searched by name (issue 15)', () => {
  let w: ConsoleWorld;
  beforeAll(async () => {
    w = await consoleWorld();
  }, 30_000);
  afterAll(async () => w?.close());

  const get = async (query: string): Promise<Page> => {
    const res = await w.call('GET', `/api/admin/clinicians?${query}`, 'admin');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const users = (p: Page) => p.clinicians.map((c) => c.dingtalkUserId);

  it('When the admin pages through the directory, then each page starts after the last and together they are the whole list, in name order', async () => {
    const whole = await get('limit=200');
    expect(whole.nextCursor).toBeNull();
    expect(whole.clinicians.length).toBeGreaterThan(5);
    const names = whole.clinicians.map((c) => c.displayName);
    expect(names).toEqual([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await get(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.clinicians.length).toBeLessThanOrEqual(2);
      seen.push(...users(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(users(whole));
    expect((await get('')).clinicians).toHaveLength(Math.min(50, whole.clinicians.length));
  });

  it('When the admin searches in English or Chinese, by DingTalk id, or only the unverified, then the matching clinicians come back', async () => {
    expect(users(await get(`q=${encodeURIComponent('lee mei')}`))).toEqual(['hph-lee-meiling']);
    expect(users(await get(`q=${encodeURIComponent('李美')}`))).toEqual(['hph-lee-meiling']);
    expect(users(await get(`q=${encodeURIComponent('美玲')}`))).toEqual(['hph-lee-meiling']);
    expect(users(await get('q=console-aud'))).toEqual(['console-auditor']);
    const unverified = await get('unverified=true&limit=200');
    expect(unverified.clinicians.length).toBeGreaterThan(0);
    expect(unverified.clinicians.every((c) => !c.verified)).toBe(true);
    expect(users(await get(`q=${encodeURIComponent('lee mei')}&unverified=true`))).toEqual(['hph-lee-meiling']);
    expect(users(await get(`q=${encodeURIComponent('lee mei')}&verified=true`))).toEqual([]);
    const verified = await get('verified=true&active=true&limit=200');
    expect(verified.clinicians.length).toBeGreaterThan(0);
    expect(verified.clinicians.every((c) => c.verified && !c.suspended)).toBe(true);
    expect(verified.clinicians.length + unverified.clinicians.length).toBeLessThanOrEqual((await get('limit=200')).clinicians.length);
  });

  it('When clinicians are imported or renamed, then the search finds them by their new names at once', async () => {
    const csv = ['dingtalk_user_id,display_name,name_en,name_zh,role,specialty,institution_code,registration_no', 'imp-ho,Dr HO Ka-lok,Dr HO Ka-lok,何家樂,doctor,Cardiology,QMH,M45679'].join('\n');
    const res = await w.call('POST', '/api/admin/clinicians/import', 'admin', { csv, dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    expect([users(await get('q=ka-lok')), users(await get(`q=${encodeURIComponent('家樂')}`)), users(await get('q=m45679'))]).toEqual([['imp-ho'], ['imp-ho'], ['imp-ho']]);
    const ho = (await get('q=imp-ho')).clinicians[0]!;
    const renamed = await w.call('POST', `/api/admin/clinicians/${ho.id}/verify`, 'admin', { registrationNo: 'M45679', role: 'doctor', institutionCode: 'QMH', nameEn: 'Dr HOR Ka-lok', nameZh: '賀家樂' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect([users(await get(`q=${encodeURIComponent('何家')}`)), users(await get(`q=${encodeURIComponent('賀家')}`)), users(await get('q=hor'))]).toEqual([[], ['imp-ho'], ['imp-ho']]);
  });

  it('When the limit or cursor is wrong, then 400 request.invalid, never a 500', async () => {
    for (const query of ['limit=0', 'limit=201', 'limit=ten', 'cursor=not-a-cursor', `cursor=${Buffer.from('[1]').toString('base64url')}`, `q=${'x'.repeat(81)}`]) {
      const res = await w.call('GET', `/api/admin/clinicians?${query}`, 'admin');
      expect([query, res.statusCode, res.json().code]).toEqual([query, 400, 'request.invalid']);
    }
  });
});
