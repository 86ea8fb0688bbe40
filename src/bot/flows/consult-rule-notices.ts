import { REFERRAL_SEVERITIES } from '../../contract/referrals.js';
import { isSpecialty, specialtyLabel } from '../../contract/specialties.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { ConsultRuleNotices } from '../../usecases/consult-rules/consult-rule-ports.js';
import { say } from '../i18n.js';
import type { Notifier } from '../outbound.js';
import { langOf } from '../people.js';
import { CONSULT_RULE_TEXTS as T } from '../texts/consult-rule-texts.js';

const ITEM = { document: T.itemDocument, observation: T.itemObservation, form: T.itemForm } as const;

/**
 * Tells a case's attending 1:1 that a consult rule opened a referral: the rule id, severity,
 * specialty and case code, never the sharer's flag, a result's value or anything about the patient.
 */
export function createConsultRuleNotices(deps: { directory: Pick<DirectoryRepository, 'findById'>; notify: Pick<Notifier, 'toUser'> }): ConsultRuleNotices {
  return {
    async ruleFired(n) {
      const c = await deps.directory.findById(n.clinicianId);
      if (!c) return;
      const lang = langOf(c);
      const label = REFERRAL_SEVERITIES[n.severity][lang];
      const specialty = isSpecialty(n.specialty) ? specialtyLabel(n.specialty, lang) : n.specialty;
      const text = say(lang, T.fired, n.ruleId, lang === 'en' ? label.toLowerCase() : label, specialty, ITEM[n.itemType][lang], n.caseCode);
      await deps.notify.toUser(`consult-rule:${n.firingId}:${n.clinicianId}`, c.dingtalkUserId, say(lang, T.firedTitle, n.caseCode), text);
    },
  };
}
