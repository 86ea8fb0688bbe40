import type { DirectoryService } from '../../domain/directory/directory-service.js';
import type { Lang } from '../../shared/lang.js';

/**
 * Choosing a language in Me: the preference every surface then answers in (chat replies, mini-app
 * screens, HTTP errors, notifications; the rule is src/shared/lang.ts `replyLang`).
 */
export async function setLanguagePreference(deps: { directory: Pick<DirectoryService, 'setLanguage'> }, clinicianId: string, lang: Lang): Promise<{ language: Lang }> {
  await deps.directory.setLanguage(clinicianId, lang);
  return { language: lang };
}
