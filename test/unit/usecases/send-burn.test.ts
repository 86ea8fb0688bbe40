import { describe, expect, it } from 'vitest';
import type { CreateBurnInput } from '../../../src/domain/burn/burn-service.js';
import { DomainError } from '../../../src/shared/errors.js';
import { assertMaySendBurn, sendBurn } from '../../../src/usecases/burn/send-burn.js';
import { clinician } from './burn-fakes.js';

const CHAN = clinician('chan');
const CASE = { id: 'case_1', code: 'C-7KQ2M' };

/** The burn service's create as seen from the use case: the team may share; anyone else is refused. */
function fakeBurn(team: string[]) {
  const created: CreateBurnInput[] = [];
  const assertMayCreate = async (author: { id: string }, _caseId: string) => {
    if (!team.includes(author.id)) throw new DomainError('access.denied');
  };
  return {
    created,
    assertMayCreate,
    async create(input: CreateBurnInput) {
      await assertMayCreate({ id: input.authorId }, input.caseId);
      created.push(input);
      return { itemId: 'eph_1', recipients: ['lam', 'wong'], expiresAt: 99, cards: [] };
    },
  };
}

describe('use case: send a burn-after-reading message', () => {
  it('a text from a team member goes out with its duration in ms and answers with the item, case code and recipient count', async () => {
    const burn = fakeBurn([CHAN.id]);
    const out = await sendBurn({ burn }, CHAN, CASE, { kind: 'text', text: 'K+ 6.8' }, 45);
    expect(out).toEqual({ itemId: 'eph_1', caseCode: 'C-7KQ2M', recipients: 2, expiresAt: 99 });
    expect(burn.created).toEqual([{ caseId: 'case_1', authorId: 'chan', kind: 'text', text: 'K+ 6.8', burnAfterMs: 45_000 }]);
  });

  it('a document without a duration takes the default', async () => {
    const burn = fakeBurn([CHAN.id]);
    const bytes = Buffer.from('%PDF');
    await sendBurn({ burn }, CHAN, CASE, { kind: 'document', bytes });
    expect(burn.created).toEqual([{ caseId: 'case_1', authorId: 'chan', kind: 'document', bytes, burnAfterMs: 30_000 }]);
  });

  it('a duration out of range is burn.duration_invalid before anything is created', async () => {
    const burn = fakeBurn([CHAN.id]);
    await expect(sendBurn({ burn }, CHAN, CASE, { kind: 'text', text: 'x' }, 0)).rejects.toMatchObject({ code: 'burn.duration_invalid' });
    await expect(sendBurn({ burn }, CHAN, CASE, { kind: 'text', text: 'x' }, 2.5)).rejects.toMatchObject({ code: 'burn.duration_invalid' });
    expect(burn.created).toEqual([]);
  });

  it('a non-member cannot send, nor pass the check the chat command asks first', async () => {
    const burn = fakeBurn([CHAN.id]);
    const ho = clinician('ho');
    await expect(sendBurn({ burn }, ho, CASE, { kind: 'text', text: 'x' }, 30)).rejects.toMatchObject({ code: 'access.denied' });
    await expect(assertMaySendBurn({ burn }, ho, CASE)).rejects.toMatchObject({ code: 'access.denied' });
    await expect(assertMaySendBurn({ burn }, CHAN, CASE)).resolves.toBeUndefined();
    expect(burn.created).toEqual([]);
  });
});
