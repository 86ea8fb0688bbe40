import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { ClinicianRow, DirectoryRepository, InstitutionRow } from './directory-repository.js';

/** Where first-seen users' names, titles and departments come from (DingTalk's user API). */
export interface UserProfileSource {
  getUser(userId: string): Promise<{ name: string; title?: string; department?: string }>;
}

export interface Actor {
  clinician: ClinicianRow;
  institutionName?: { en: string; zh?: string | null };
  /** Verified and not suspended: may touch patient data (policy still decides each access). */
  trusted: boolean;
}

export function createDirectoryService(deps: {
  repo: DirectoryRepository;
  profiles: UserProfileSource;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
}) {
  const { repo, profiles, audit, clock, logger } = deps;

  const actorOf = (c: ClinicianRow, inst: InstitutionRow | null | undefined): Actor => ({
    clinician: c,
    institutionName: inst ? { en: inst.nameEn, zh: inst.nameZh } : undefined,
    trusted: c.verified && !c.suspended,
  });

  async function toActor(c: ClinicianRow): Promise<Actor> {
    return actorOf(c, c.institutionId ? await repo.institution(c.institutionId) : undefined);
  }

  return {
    toActor,
    /**
     * The directory entry for a DingTalk user; a user seen for the first time is added unverified,
     * with name, title and department from DingTalk (or the nick from the message if that lookup fails).
     */
    async resolveOrEnroll(userId: string, fallbackName: string): Promise<Actor> {
      // One round trip for the entry and its institution: this runs for every message the bot handles.
      const known = await repo.findWithInstitution(userId);
      if (known) return actorOf(known.clinician, known.institution);
      let profile: { name: string; title?: string; department?: string } = { name: fallbackName || userId };
      try {
        profile = await profiles.getUser(userId);
      } catch (err) {
        logger.warn({ code: 'directory.profile_unavailable', err: (err as Error).message }, 'user lookup failed');
      }
      const row = await repo.insert(
        {
          dingtalkUserId: userId,
          displayName: profile.name,
          title: profile.title ?? null,
          department: profile.department ?? null,
          verified: false,
          suspended: false,
        },
        clock.now(),
      );
      audit.append({ actor: 'system', action: AUDIT_ACTIONS.directoryUserAdded, target: row.id, outcome: 'success' });
      return toActor(row);
    },

    setLanguage(clinicianId: string, language: 'en' | 'zh'): Promise<void> {
      return repo.update(clinicianId, { language }, clock.now());
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
