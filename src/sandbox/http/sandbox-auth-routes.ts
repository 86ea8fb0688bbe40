import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { DEMO_ORG } from '../demo-org.js';
import type { Simulator } from '../simulator.js';
import { DomainError } from '../../shared/errors.js';
import { errorBody } from '../../http/admin/admin-schemas.js';
import type { AuthRateLimit } from '../../http/auth/auth-routes.js';
import { demoUserDto } from '../../http/auth/auth-schemas.js';

/**
 * Sandbox mode only (never registered with real DingTalk): the demo-user picker. The picked user's
 * auth code comes from the simulator, and the front end then signs in through the very same
 * /api/auth/dingtalk exchange a DingTalk client would use.
 */
export const sandboxAuthRoutes: FastifyPluginAsyncZod<{
  sim: Simulator;
  directoryRepo: Pick<DirectoryRepository, 'findByDingTalkId'>;
  rateLimit: AuthRateLimit;
}> = async (app, { sim, directoryRepo, rateLimit }) => {
  const tags = ['sandbox'];
  app.get(
    '/api/sandbox/demo-users',
    { schema: { tags, summary: 'The demo clinicians to pick from (verification as the directory has it now)', response: { 200: z.object({ users: z.array(demoUserDto) }) } } },
    async () => ({
      users: await Promise.all(DEMO_ORG.clinicians.map(async (c) => {
        const inst = DEMO_ORG.institutions.find((i) => i.code === c.institutionCode)!;
        const row = await directoryRepo.findByDingTalkId(c.userId);
        return {
          userId: c.userId,
          dingtalkName: c.dingtalkName,
          nameEn: c.nameEn,
          nameZh: c.nameZh,
          title: c.title,
          role: c.role,
          institution: { code: inst.code, nameEn: inst.nameEn, nameZh: inst.nameZh },
          verified: row ? row.verified && !row.suspended : c.verified,
        };
      })),
    }),
  );

  app.post(
    '/api/sandbox/auth-code',
    {
      config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } },
      schema: {
        tags,
        summary: 'A 5-minute, single-use 免登 code for a demo user, from the simulator (stands in for dd.requestAuthCode)',
        body: z.object({ userId: z.string().min(1).max(64) }),
        response: { 200: z.object({ code: z.string() }), 400: errorBody, 404: errorBody, 429: errorBody },
      },
    },
    async (req) => {
      if (!sim.org.users.has(req.body.userId)) throw new DomainError('not_found', 'unknown demo user');
      return { code: sim.issueAuthCode(req.body.userId) };
    },
  );
};
