import { specialtyName } from '../../shared/specialties.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { clinicianLine, clinicianName, hkDate, roleName } from '../format.js';
import type { Command } from './command.js';
import { say } from '../i18n.js';
import { LINK_TEXTS as T } from '../texts/link-command-texts.js';

/** The sender's own directory entry, and how to get verified when they are not. */
export function whoamiCommand(repo: DirectoryRepository): Command {
  return {
    name: 'whoami',
    aliases: ['me', '我是誰', '我是谁', '我的資料', '我的资料'],
    summary: { en: 'show your directory entry and verification', zh: '顯示你的名錄資料及驗證狀態' },
    needsTrust: false,
    personal: true,
    async run(ctx) {
      const actor = ctx.actor!;
      const c = actor.clinician;
      const { lang } = ctx;
      const lines = [clinicianLine(actor, lang)];
      const facts = [
        c.registrationNo ? `${say(lang, T.whoamiRegistration)} ${c.registrationNo}` : undefined,
        c.role ? `${say(lang, T.whoamiRole)}: ${roleName(c.role, lang)}` : undefined,
        c.specialty && c.title ? `${say(lang, T.whoamiSpecialty)}: ${specialtyName(c.specialty, lang)}` : undefined,
      ].filter(Boolean);
      if (facts.length) lines.push(facts.join(' · '));
      if (c.suspended) {
        lines.push(say(lang, T.whoamiSuspended));
      } else if (c.verified) {
        const by = c.verifiedBy ? await repo.findById(c.verifiedBy) : undefined;
        const who = by ? `${clinicianName(by)}${by.role ? ` (${roleName(by.role, lang)})` : ''}` : undefined;
        const when = c.verifiedAt ? hkDate(c.verifiedAt) : '';
        lines.push(say(lang, T.whoamiVerified, who, when));
      } else {
        lines.push(say(lang, T.whoamiUnverified));
      }
      await ctx.reply({ title: say(lang, T.whoamiTitle), text: lines.join('\n\n') });
    },
  };
}
