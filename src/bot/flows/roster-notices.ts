import { isSpecialty, specialtyLabel } from '../../contract/specialties.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { RosterShift } from '../../domain/rosters/roster-port.js';
import type { RosterNotices } from '../../usecases/rosters/roster-notices.js';
import type { Notifier } from '../outbound.js';
import { hkDateTime } from '../format.js';
import { say, type Lang } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import { ROSTER_NOTICE_TEXTS as T } from '../texts/roster-notice-texts.js';
import { ROSTER_TEXTS } from '../texts/roster-texts.js';

type Deps = { directory: Pick<DirectoryRepository, 'findById' | 'institution'>; notify: Pick<Notifier, 'toUser'> };

/** "first call" in an English sentence, 第一當值 in Chinese. */
const levelOf = (s: RosterShift, lang: Lang) => (lang === 'en' ? say(lang, ROSTER_TEXTS.level, s.level).toLowerCase() : say(lang, ROSTER_TEXTS.level, s.level));
const span = (s: Pick<RosterShift, 'startsAt' | 'endsAt'>) => `${hkDateTime(s.startsAt)} – ${hkDateTime(s.endsAt)}`;

/**
 * The 1:1 notices of a cover or a swap (RosterNotices), each in its reader's language, over the
 * outbox inside the change's transaction. The clinician who made the change is not told (the reply
 * or the console already did). Keys are per change and reader, so a repeated step sends nothing new.
 */
export function createRosterNotices(deps: Deps): RosterNotices {
  async function rosterOf(s: RosterShift, lang: Lang): Promise<string> {
    const inst = await deps.directory.institution(s.institutionId);
    return `${isSpecialty(s.specialty) ? specialtyLabel(s.specialty, lang) : s.specialty} · ${inst?.code ?? s.institutionId}`;
  }

  /** One reader's notice, unless they made the change or are not in the directory. */
  async function tell(key: string, clinicianId: string, actorId: string, write: (lang: Lang) => Promise<{ title: string; text: string }>) {
    if (clinicianId === actorId) return;
    const c = await deps.directory.findById(clinicianId);
    if (!c || c.suspended) return;
    const lang = langOf(c);
    const { title, text } = await write(lang);
    await deps.notify.toUser(`${key}:${c.id}`, c.dingtalkUserId, title, text + say(lang, T.arrangedBy, await personLine(deps.directory, actorId, lang)));
  }

  return {
    async covered({ actorId, at, covering, replaced }) {
      const key = `roster:cover:${covering.id}:${at}`;
      const from = hkDateTime(covering.startsAt);
      const to = hkDateTime(covering.endsAt);
      await tell(key, covering.clinicianId, actorId, async (lang) => ({
        title: say(lang, T.coverTitle, await rosterOf(covering, lang)),
        text: say(lang, T.youCover, levelOf(covering, lang), await rosterOf(covering, lang), from, to, await personLine(deps.directory, replaced.clinicianId, lang)),
      }));
      await tell(key, replaced.clinicianId, actorId, async (lang) => ({
        title: say(lang, T.coverTitle, await rosterOf(covering, lang)),
        text: say(lang, T.youAreCovered, await personLine(deps.directory, covering.clinicianId, lang), levelOf(covering, lang), await rosterOf(covering, lang), from, to),
      }));
    },

    async swapped({ actorId, at, a, b }) {
      const key = `roster:swap:${a.id}:${b.id}:${at}`;
      // After the swap a's clinician holds b's shift, and b's clinician holds a's.
      for (const [mine, theirs] of [[a, b], [b, a]] as const) {
        await tell(key, mine.clinicianId, actorId, async (lang) => ({
          title: say(lang, T.swapTitle, await rosterOf(mine, lang)),
          text: say(lang, T.youSwapped, await rosterOf(mine, lang), levelOf(theirs, lang), span(theirs), await personLine(deps.directory, theirs.clinicianId, lang), levelOf(mine, lang), span(mine)),
        }));
      }
    },
  };
}
