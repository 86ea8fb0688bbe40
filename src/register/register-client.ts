import { z } from 'zod';
import type { RegisterEntry, RegisterLookup } from '../domain/directory/register-port.js';
import { DomainError } from '../shared/errors.js';

const answer = z.object({
  found: z.boolean(),
  nameEn: z.string().max(160).optional(),
  nameZh: z.string().max(80).optional(),
  status: z.string().max(40).optional(),
});

/**
 * The register lookup over HTTP: `GET <REGISTER_LOOKUP_URL>?no=<registration number>` answering
 * `{ found, nameEn?, nameZh?, status? }` (README "Register check"). The sandbox serves the same shape
 * from its simulator (`/sim/register`). Any failure is `register.unavailable`: the admin then checks
 * by hand.
 */
export function createRegisterClient(opts: { url: string; timeoutMs?: number; fetch?: typeof fetch }): RegisterLookup {
  const doFetch = opts.fetch ?? fetch;
  return {
    async lookup(registrationNo: string): Promise<RegisterEntry> {
      const url = new URL(opts.url);
      url.searchParams.set('no', registrationNo);
      let body: unknown;
      try {
        const res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 5000), headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`register answered ${res.status}`);
        body = await res.json();
      } catch (e) {
        throw new DomainError('register.unavailable', undefined, { cause: e });
      }
      const parsed = answer.safeParse(body);
      if (!parsed.success) throw new DomainError('register.unavailable', 'register answer not understood');
      return { registrationNo, ...parsed.data };
    },
  };
}
