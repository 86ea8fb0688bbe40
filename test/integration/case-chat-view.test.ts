import { randomUUID } from 'node:crypto';
import { errorHint } from '../../src/shared/error-hints.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkidFor, patientForm, startCaseChat, type CaseChat } from './case-chat-fixture.js';
import { askPrivately } from './sharing-edge-fixture.js';

/** `case C-XXXXX`: the team and documents, who may see them, and friendly answers to bad codes. */
describe('viewing a case from chat', () => {
  let cc: CaseChat;
  let group: string;
  let code: string;
  let docId: string;

  beforeAll(async () => {
    cc = await startCaseChat();
    group = cc.group(['qmh-lam-kaming', 'hph-lee-meiling', 'hph-wong-siuming']);
    ({ code } = await cc.openCase(group, 'qmh-lam-kaming', patientForm(hkidFor('141421'))));
    await cc.say(group, 'qmh-lam-kaming', `@ConsultBridge team ${code} add @李美玲 observer`, ['hph-lee-meiling']);
    const { secure, directoryRepo } = cc.h.service;
    docId = randomUUID();
    await secure.documentsRepo.insert({
      id: docId,
      caseId: (await secure.cases.queries.findCase(code)).id,
      authorId: (await directoryRepo.findByDingTalkId('qmh-lam-kaming'))!.id,
      authorInstitutionId: 'QMH',
      kind: 'report',
      restrictedCategory: 'mental_health',
      mediaType: 'application/pdf',
      size: 1234,
      createdAt: Date.UTC(2026, 10, 25, 6, 2),
    });
  });
  afterAll(async () => cc?.close());

  it('When a team member asks for the case, then code, team with roles, specialty, institution and badge, and documents by date are shown', async () => {
    const text = await cc.say(group, 'qmh-lam-kaming', `@ConsultBridge case ${code.toLowerCase()}`);
    expect(text).toContain(`**Case ${code}**`);
    expect(text).toContain('- 林嘉明 Dr LAM Ka-ming · **attending** · Cardiology · Queen Mary Hospital ✔');
    expect(text).toContain('- 李美玲 Dr LEE Mei-ling · **observer** · Cardiology · Harbourside Private Hospital unverified');
    expect(text).toContain(`- 📄 report · 2026-11-25 14:02 HKT · \`${docId.slice(0, 8)}\``);
    expect(text).not.toContain('mental');
    expect(text).toContain(`team ${code} add @name consulting`);
  });

  it('When the reader chose Chinese in Me and asks (個案 / 个案 / case), then the answer is in Chinese', async () => {
    const lam = (await cc.h.service.directoryRepo.findByDingTalkId('qmh-lam-kaming'))!;
    await cc.h.service.directory.setLanguage(lam.id, 'zh');
    try {
      for (const word of ['個案', '个案', 'case']) {
        const text = await cc.say(group, 'qmh-lam-kaming', `@ConsultBridge ${word} ${code}`);
        expect(text).toContain(`**個案 ${code}**`);
        expect(text).toContain('**主診**');
        expect(text).toContain('📄 報告');
      }
      expect(await cc.say(group, 'qmh-lam-kaming', '@ConsultBridge case C-7KQ2X')).toContain('找不到個案 C-7KQ2X。個案編號格式如 C-7KQ2M。');
    } finally {
      await cc.h.service.directory.setLanguage(lam.id, 'en');
    }
  });

  it('When a reader who prefers English asks with the Chinese word, then the answer is in English: the language is the reader’s, not the message’s (issue 12)', async () => {
    const text = await cc.say(group, 'qmh-lam-kaming', `@ConsultBridge 個案 ${code}`);
    expect(text).toContain(`**Case ${code}**`);
  });

  it('When a group member not on the team asks in the case’s group, then they see it; elsewhere they are refused', async () => {
    expect(await cc.say(group, 'hph-wong-siuming', `@ConsultBridge case ${code}`)).toContain('Care team');
    const other = cc.group(['hph-wong-siuming']);
    expect(await askPrivately(cc.h, other, 'hph-wong-siuming', `@ConsultBridge case ${code}`)).toBe("ConsultBridge\nYou can't do that.\n" + errorHint('access.denied', 'en'));
  });

  it('When the code is malformed or unknown, then the reply repeats it only if it is a plain code', async () => {
    expect(await cc.say(group, 'qmh-lam-kaming', '@ConsultBridge case C-7KQ2')).toBe(
      `ConsultBridge\nI can't find case C-7KQ2. Case codes look like C-7KQ2M.\n${errorHint('case.code_invalid', 'en')}`,
    );
    expect(await cc.say(group, 'qmh-lam-kaming', '@ConsultBridge case C-22222')).toBe(
      `ConsultBridge\nI can't find case C-22222. Case codes look like C-7KQ2M.\n${errorHint('case.not_found', 'en')}`,
    );
    const odd = await cc.say(group, 'qmh-lam-kaming', '@ConsultBridge case <img src=x>');
    expect(odd).toBe(`ConsultBridge\nI can't find that case. Case codes look like C-7KQ2M.\n${errorHint('case.code_invalid', 'en')}`);
  });

  it('When help is asked, then the case commands are listed with their Chinese aliases', async () => {
    const text = await askPrivately(cc.h, group, 'qmh-lam-kaming', '@ConsultBridge help');
    for (const c of ['**case open | C-XXXXX | bind C-XXXXX**', '**team C-XXXXX', '**consent C-XXXXX**']) expect(text).toContain(c);
    const zh = await askPrivately(cc.h, group, 'hph-lee-meiling', '@ConsultBridge 幫助');
    expect(zh).toContain('(個案)');
    expect(zh).toContain('開案');
  });
});
