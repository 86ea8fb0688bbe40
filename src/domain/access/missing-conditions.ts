/**
 * When no permit matched, says which permit conditions were not met, by reading the same facts the
 * request carried (so `@bot why` can say "you are not on the care team of C-7KQ2M and hold no
 * approved grant"). This mirrors the permit rules for explanation only; it never decides anything.
 * Forbids explain themselves through their policy ids.
 */
import type { AccessRequest, CedarEntity, CedarValue, EntityRef } from './access-vocabulary.js';

export type MissingCode =
  | 'care_team_or_grant' // view: not attending/consulting, no grant, no break-glass, no consult grant
  | 'care_team' // share: not attending/consulting
  | 'care_team_member' // readMedications: no role on the care team
  | 'prescriber_on_team' // addMedication: not attending/consulting/referring
  | 'medications_clinical_role' // readMedications, addMedication: not doctor/nurse/pharmacist
  | 'attending' // manageCase, decideRequest (first step)
  | 'privacy_officer_of_case' // decideRequest (second step)
  | 'decision_step' // decideRequest with an unknown step
  | 'clinical_role' // requestAccess
  | 'doctor_role' // breakGlass
  | 'oversight_role' // readAudit
  | 'admin_of_institution' // manageDirectory
  | 'pharmacist_role'; // reviewRules

export interface MissingCondition {
  code: MissingCode;
  /** The case the condition is about, when there is one. */
  caseCode?: string;
}

const CARE_TEAM = ['attending', 'consulting'];
const CLINICAL = ['doctor', 'nurse', 'pharmacist'];
const OVERSIGHT = ['auditor', 'privacy_officer', 'admin'];

function findEntity(req: AccessRequest, uid: EntityRef): CedarEntity | undefined {
  return req.entities?.find((e) => e.uid.type === uid.type && e.uid.id === uid.id);
}

/** An entity reference's id, or a plain string id (institutions travel as codes). */
function refId(v: CedarValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  return v !== null && typeof v === 'object' && '__entity' in v ? (v.__entity as EntityRef).id : undefined;
}

export function missingConditions(req: AccessRequest): MissingCondition[] {
  const principal = findEntity(req, req.principal)?.attrs ?? {};
  const resource = findEntity(req, req.resource)?.attrs ?? {};
  const ctx = req.context;
  const role = typeof principal.role === 'string' ? principal.role : '';
  const careRole = typeof ctx.careRole === 'string' ? ctx.careRole : '';
  const onTeam = CARE_TEAM.includes(careRole);
  const caseCode = req.resource.type === 'Case' ? req.resource.id : refId(resource.case);
  const out: MissingCondition[] = [];
  const need = (ok: boolean, code: MissingCode, withCase = false) => {
    if (!ok) out.push(withCase && caseCode ? { code, caseCode } : { code });
  };
  switch (req.action) {
    case 'view':
      need(onTeam || ctx.hasGrant === true || ctx.hasBreakGlass === true || ctx.hasConsultGrant === true, 'care_team_or_grant', true);
      break;
    case 'share':
      need(onTeam, 'care_team', true);
      break;
    case 'addCaseNote':
      need(onTeam, 'care_team', true);
      need(CLINICAL.includes(role), 'clinical_role');
      break;
    case 'manageCase':
      need(careRole === 'attending', 'attending', true);
      break;
    case 'readMedications':
      need(careRole !== '', 'care_team_member', true);
      need(CLINICAL.includes(role), 'medications_clinical_role');
      break;
    case 'addMedication':
      need(['attending', 'consulting', 'referring'].includes(careRole), 'prescriber_on_team', true);
      need(CLINICAL.includes(role), 'medications_clinical_role');
      break;
    case 'decideRequest': {
      const institutions = Array.isArray(resource.institutions) ? resource.institutions.map(refId) : [];
      if (ctx.step === 'attending') need(careRole === 'attending', 'attending', true);
      else if (ctx.step === 'privacy')
        need(role === 'privacy_officer' && institutions.includes(refId(principal.institution)), 'privacy_officer_of_case', true);
      else need(false, 'decision_step');
      break;
    }
    case 'requestAccess':
      need(CLINICAL.includes(role), 'clinical_role');
      break;
    case 'breakGlass':
      need(role === 'doctor', 'doctor_role');
      break;
    case 'readAudit':
      need(OVERSIGHT.includes(role), 'oversight_role');
      break;
    case 'manageDirectory':
      need(role === 'admin' && refId(principal.institution) === req.resource.id, 'admin_of_institution');
      break;
    case 'reviewRules':
      need(role === 'pharmacist', 'pharmacist_role');
      break;
  }
  return out;
}
