import type { FastifyInstance } from 'fastify';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, LAM, lastCardTo, openCase, press, shareReport, viewAs, viewToken, WONG } from '../helpers/sharing-flow.js';

/**
 * The heart of ConsultBridge, through the real SDK, the simulator, the real service and HTTP:
 * open a case → add a consultant → share → a GP outside the team asks → the attending approves →
 * the GP views a PDF watermarked for him → receipts.
 */
describe('approval-gated sharing', () => {
  let h: Harness;
  let app: FastifyInstance;
  let group: string;
  let code: string;
  let docId: string;
  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    group = h.demo.groups.cardiologyConsult;
    code = await openCase(h, group, 'A123456(3)', [{ institutionCode: 'HPH', status: 'granted' }]);
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    await h.service.secure.cases.team.addMember(chan, code, LAM, 'consulting', group);
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the attending shares a report, then the group gets a content-free card and the file is only ciphertext at rest', async () => {
    docId = await shareReport(h, app, group, CHAN, code);
    const card = [...h.sim.sent].reverse().find((s) => s.via === 'card' && s.conversationId === group)!;
    expect(card.text).toContain(`New report · case ${code}`);
    expect(card.text).toContain('陳大文 Dr CHAN Tai-man');
    expect(card.text).not.toMatch(/A123456|TEST Patient|Echo report/);
  });

  it('When a GP outside the team presses Open, then he is told why not, in plain words', async () => {
    const answer = await press(h, `doc:${docId}:${group}`, WONG, { action: 'open', documentId: docId });
    expect(answer.text).toContain('can’t open this yet');
    expect(answer.text).toContain(code);
    expect(answer.text).not.toContain('/app/doc/');
  });

  it('When he requests access with a reason and the attending approves, then he can view a PDF watermarked for him', async () => {
    const reasonsCard = replyAfter(h.sim, { userId: WONG, via: 'card' });
    await h.sim.clickCard({ outTrackId: `doc:${docId}:${group}`, userId: WONG, params: { action: 'request_access', documentId: docId } });
    const reasons = await reasonsCard;
    const approvalCard = replyAfter(h.sim, { userId: CHAN, via: 'card' });
    const asked = await press(h, reasons.outTrackId!, WONG, { action: 'request_reason', documentId: docId, reason: 'continuing_care' });
    expect(asked.text).toContain('CHAN Tai-man');
    const approval = await approvalCard;
    expect(approval.text).toContain('WONG Siu-ming');
    expect(approval.text).toContain('持續護理'); // Dr Chan reads Chinese
    const params = JSON.parse(JSON.stringify((approval.raw as { cardData: { cardParamMap: { buttons: string } } }).cardData.cardParamMap.buttons));
    const approve = (JSON.parse(params) as Array<{ action: string; params: Record<string, string> }>).find((b) => b.params.decision === 'approve')!;
    const granted = replyAfter(h.sim, { userId: WONG, via: 'oto' });
    const response = await h.sim.clickCard({ outTrackId: approval.outTrackId!, userId: CHAN, params: { action: approve.action, ...approve.params } });
    // The pressed card takes its final state at once: who decided and until when; only [Revoke] is left.
    const settled = h.sim.cards.get(approval.outTrackId!)!;
    expect(settled.cardParamMap.status).toMatch(/^已由 陳大文 Dr CHAN Tai-man.* 批准 · 存取有效至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(JSON.parse(settled.cardParamMap.buttons!)).toEqual([expect.objectContaining({ action: 'revoke', params: { grantId: expect.any(String) } })]);
    expect(JSON.stringify(response)).toContain('批准');
    const msg = await granted;
    expect(msg.text).toContain('approved your access');

    const token = await viewToken(h, app, msg.text, WONG);
    const res = await viewAs(h, app, token, WONG);
    expect(res.statusCode).toBe(200);
    // The request is logged by its URL, which holds no token (the token is in the body, which is never logged).
    expect(h.logs()).toContain('/api/app/documents/view');
    expect(h.logs()).not.toContain(token);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const { pages } = await extractPdfText(new Uint8Array(res.rawPayload));
    expect(pages).toHaveLength(2);
    const trace = /T-[A-Z0-9]{8}/.exec(pages[0]!.text)?.[0];
    expect(trace).toBeDefined();
    for (const p of pages) {
      expect(p.text).toContain('黃小明');
      expect(p.text).toContain('M45678');
      expect(p.text).toContain(trace!);
    }
    await h.service.audit.flush();
    const [entry] = await h.service.audit.repo.findByTrace(trace!);
    expect(entry).toMatchObject({ action: 'document.viewed', target: docId, actor: (await h.service.directoryRepo.findByDingTalkId(WONG))!.id });

    // `npm run audit -- trace CODE` names the viewer, the document's case and the time.
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/audit.ts', 'trace', trace!], {
      env: { ...process.env, DATABASE_URL: `file:${join(h.dir, 'cb.db')}`, KEY_DIR: join(h.dir, 'keys'), LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    const [cli] = JSON.parse(out) as Array<Record<string, string>>;
    expect(cli).toMatchObject({ viewer: '黃小明 Dr WONG Siu-ming', viewerRegistration: 'M45678', documentCase: code, trace, target: docId });
    expect(cli!.viewedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} HKT$/); // HK time, labelled (issue 12)
  }, 30_000);

  it('When a second press arrives on the decided card, then the card keeps its final state and the approver is told 1:1', async () => {
    const approval = lastCardTo(h, CHAN);
    const card = () => ({ ...h.sim.cards.get(approval.outTrackId!)!.cardParamMap, ...h.sim.cards.get(approval.outTrackId!)!.privateData[CHAN] });
    const before = await eventually(() => (card().buttons?.includes('"revoke"') && card().status?.includes('有效至') ? card() : undefined));
    const told = replyAfter(h.sim, { userId: CHAN, via: 'oto' });
    const response = await h.sim.clickCard({ outTrackId: approval.outTrackId!, userId: CHAN, params: { action: 'decide', decision: 'deny', requestId: (approval.outTrackId ?? '').split(':')[1]!, step: '0' } });
    expect(response ?? {}).toEqual({});
    expect((await told).text).toContain('該申請已有決定');
    // The expiry is not lost: the card still says who approved and until when, with no buttons.
    expect(card()).toEqual(before);
    expect(card().status).toContain('有效至');
    const caseId = (await h.service.secure.cases.queries.findCase(code)).id;
    expect((await h.service.secure.grants.activeGrantFor((await h.service.directoryRepo.findByDingTalkId(WONG))!.id, docId, caseId)).hasGrant).toBe(true);
  });

  it('When the attending asks for receipts, then the GP shows as opened and the consultant as not yet', async () => {
    const r = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, CHAN, `@ConsultBridge receipts ${code}`);
    const text = (await r).text;
    expect(text).toMatch(/已開啟: .*WONG Siu-ming/);
    expect(text).toMatch(/未開啟: .*LAM Ka-ming/);
  });

  it('When a view token is tampered with, then it is refused with a code (not a lost sign-in) and audited', async () => {
    const bad = await viewAs(h, app, 'eyJkIjoieCJ9.AAAA', WONG);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'view.token_invalid', message: expect.any(String), hint: expect.any(String) });
    await h.service.audit.flush();
    const [refused] = (await h.service.audit.repo.list({ outcome: 'denied', action: 'access.decision' }, { limit: 1 })).entries;
    expect(refused).toMatchObject({ actor: (await h.service.directoryRepo.findByDingTalkId(WONG))!.id, outcome: 'denied', reason: 'token.invalid' });
  });

  it('When the consultant leaves the group, then his access goes with the role bound through it', async () => {
    const lam = (await h.service.directoryRepo.findByDingTalkId(LAM))!;
    expect((await h.service.secure.access.decideView(lam, docId)).decision.allowed).toBe(true);
    h.sim.org.removeMember(group, LAM, { event: true });
    await eventually(async () => !(await h.service.secure.access.decideView(lam, docId)).decision.allowed, 5000, 'access to end');
  });
});
