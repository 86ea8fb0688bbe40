import type { AuthDeps } from '../http/auth/register-auth.js';
import { setLanguagePreference } from '../usecases/me/set-language.js';
import type { Service } from './service.js';

/** What the mini-app sign-in routes use from the service. */
export function authHttpDeps(service: Service): AuthDeps {
  return {
    sessionSecret: service.sessionSecret,
    clock: service.clock,
    directoryRepo: service.directoryRepo,
    directory: service.directory,
    sessionsWith: (times) => service.sessionsWith(times),
    exchangeCode: (code) => service.api.getUserInfoByAuthCode(code),
    audit: service.audit,
    logger: service.logger,
    dingtalk: { corpId: service.config.dingtalk.corpId, clientId: service.config.dingtalk.clientId },
    publicUrl: service.publicUrl,
    setLanguage: (clinicianId, lang) => setLanguagePreference({ directory: service.directory }, clinicianId, lang),
  };
}
