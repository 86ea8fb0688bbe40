import { CHAN } from '../helpers/sharing-flow.js';
import { authWorld, type AuthWorld } from './auth-fixture.js';
import { burnCase } from './burn-fixture.js';

/** A signed-in world with Dr Chan's case (burnCase): the world, the case's code and id, Dr Chan's token and clinician id. */
export async function chanCaseWorld(hkid: string): Promise<{ w: AuthWorld; code: string; caseId: string; chan: string; chanId: string }> {
  const w = await authWorld();
  const code = await burnCase(w.h, hkid);
  const chan = (await w.login(CHAN)).accessToken;
  const svc = w.h.service;
  const caseId = (await svc.secure.casesRepo.caseByCode(code))!.id;
  const chanId = (await svc.directoryRepo.findByDingTalkId(CHAN))!.id;
  return { w, code, caseId, chan, chanId };
}
