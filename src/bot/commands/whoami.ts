import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { clinicianLine, clinicianName, hkDate, roleName } from '../format.js';
import type { Command } from './command.js';

/** The sender's own directory entry, and how to get verified when they are not. */
export function whoamiCommand(repo: DirectoryRepository): Command {
  return {
    name: 'whoami',
    aliases: ['me', '我是誰', '我是谁', '我的資料', '我的资料'],
    summary: { en: 'show your directory entry and verification', zh: '顯示你的名錄資料及驗證狀態' },
    needsTrust: false,
    run(ctx) {
      const actor = ctx.actor!;
      const c = actor.clinician;
      const zh = ctx.lang === 'zh';
      const lines = [clinicianLine(actor, ctx.lang)];
      const facts = [
        c.registrationNo ? `${zh ? '註冊編號' : 'Registration'} ${c.registrationNo}` : undefined,
        c.role ? `${zh ? '角色' : 'Role'}: ${roleName(c.role, ctx.lang)}` : undefined,
        c.specialty && c.title ? `${zh ? '專科' : 'Specialty'}: ${c.specialty}` : undefined,
      ].filter(Boolean);
      if (facts.length) lines.push(facts.join(' · '));
      if (c.suspended) {
        lines.push(zh ? '⛔ 帳戶已暫停，請聯絡院方 ConsultBridge 管理員。' : '⛔ Suspended — contact your hospital’s ConsultBridge admin.');
      } else if (c.verified) {
        const by = c.verifiedBy ? repo.findById(c.verifiedBy) : undefined;
        const who = by ? `${clinicianName(by)}${by.role ? ` (${roleName(by.role, ctx.lang)})` : ''}` : undefined;
        const when = c.verifiedAt ? hkDate(c.verifiedAt) : '';
        lines.push(zh ? `✔ 已驗證${who ? `（${who}）` : ''} ${when}` : `✔ verified${who ? ` by ${who}` : ''} ${when}`.trim());
      } else {
        lines.push(
          zh
            ? '尚未驗證 — 請聯絡院方 ConsultBridge 管理員核實你的註冊資料。在此之前你不能開啟病人文件。'
            : 'Not yet verified — ask your hospital’s ConsultBridge admin to verify your registration. Until then you can’t open patient documents.',
        );
      }
      ctx.reply({ title: zh ? '我的資料' : 'Who am I', text: lines.join('\n\n') });
    },
  };
}
