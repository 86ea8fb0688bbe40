import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectoryAdmin } from '../../src/domain/directory/directory-admin.js';
import { consoleWorld, type ConsoleWorld } from './admin-console-fixture.js';

describe('adding an institution: its type (public or private) is a required choice, never a default', () => {
  let w: ConsoleWorld;
  const codes = async () => ((await w.call('GET', '/api/admin/institutions', 'admin')).json().institutions as Array<{ code: string }>).map((i) => i.code);
  beforeAll(async () => {
    w = await consoleWorld();
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the admin leaves the type out (or sends an empty or unknown one), then 400 request.invalid and nothing is added', async () => {
    for (const sector of [undefined, '', 'charity']) {
      const res = await w.call('POST', '/api/admin/institutions', 'admin', { code: 'TKO', nameEn: 'Tseung Kwan O Hospital', ...(sector === undefined ? {} : { sector }) });
      expect([sector, res.statusCode, res.json().code]).toEqual([sector, 400, 'request.invalid']);
    }
    expect(await codes()).not.toContain('TKO');
  });

  it('When the domain is called without a type (the CLI path), then it refuses too', async () => {
    const { directoryRepo: repo, audit, clock } = w.h.service;
    const dir = createDirectoryAdmin({ repo, audit, clock, endLogins: async () => 0, offboard: async () => undefined as never });
    const add = dir.addInstitution as (input: object, by: string) => Promise<unknown>;
    await expect(add({ code: 'TKO', nameEn: 'Tseung Kwan O Hospital' }, 'test')).rejects.toMatchObject({ code: 'request.invalid' });
    expect(await codes()).not.toContain('TKO');
  });

  it('When the admin picks the type, then the institution is added with it', async () => {
    const res = await w.call('POST', '/api/admin/institutions', 'admin', { code: 'TKO', nameEn: 'Tseung Kwan O Hospital', sector: 'public' });
    expect([res.statusCode, res.json().sector]).toEqual([201, 'public']);
  });
});
