/**
 * A stand-in for a professional register lookup (REGISTER_LOOKUP_URL in sandbox mode):
 * `GET /sim/register?no=M12345` → `{ found, nameEn?, nameZh?, status? }`. It lists the demo org's
 * registration numbers, one practitioner removed from the register, and nothing else.
 */
import { DEMO_ORG } from './demo-org.js';
import { ok, type Reply } from './sim-http.js';
import type { Route } from './sim-state.js';

interface Listing {
  nameEn: string;
  nameZh?: string;
  status: 'registered' | 'removed';
}

const EXTRA: Record<string, Listing> = {
  M45671: { nameEn: 'LEE Ka Ming', nameZh: '李嘉明', status: 'registered' },
  M56781: { nameEn: 'HO Siu Fung', nameZh: '何少峰', status: 'registered' },
  M90000: { nameEn: 'CHEUNG Wai', nameZh: '張偉', status: 'removed' },
};

function listing(no: string): Listing | undefined {
  const demo = DEMO_ORG.clinicians.find((c) => c.registrationNo === no);
  return demo ? { nameEn: demo.nameEn, nameZh: demo.nameZh, status: 'registered' } : EXTRA[no];
}

export const registerLookup: Route = {
  method: 'GET',
  path: '/sim/register',
  auth: 'none',
  handle(ctx): Reply {
    const no = (ctx.query.get('no') ?? '').trim().toUpperCase();
    const found = listing(no);
    return ok(found ? { found: true, ...found } : { found: false });
  },
};
