/**
 * Words the access policies speak: actions, care roles and the Cedar entity types. The Cedar schema in
 * config/policies/consultbridge.cedarschema must declare the same actions; the loader checks that.
 */
import type { ClinicianRole } from '../directory/directory-tables.js';

export type { ClinicianRole };

export const ACCESS_ACTIONS = [
  'view',
  'share',
  'requestAccess',
  'decideRequest',
  'manageCase',
  'readMedications',
  'addMedication',
  'breakGlass',
  'addCaseNote',
  'readAudit',
  'manageDirectory',
] as const;

export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** The principal's role on a case right now; '' means no role. */
export type CareRole = 'attending' | 'consulting' | 'referring' | 'observer' | '';

/** Which step of an access request is being decided: the attending first, a privacy officer second. */
export type DecisionStep = 'attending' | 'privacy';

export const ENTITY = {
  clinician: 'Clinician',
  institution: 'Institution',
  case: 'Case',
  document: 'Document',
  auditLog: 'AuditLog',
} as const;

export type EntityType = (typeof ENTITY)[keyof typeof ENTITY];

/** The single audit log's entity id. */
export const AUDIT_LOG_ID = 'main';

/** A Cedar entity reference. */
export interface EntityRef {
  type: string;
  id: string;
}

/** A Cedar JSON value (what entity attributes and context values may hold). */
export type CedarValue =
  | string
  | number
  | boolean
  | { __entity: EntityRef }
  | CedarValue[]
  | { [key: string]: CedarValue };

/** One entity in Cedar's JSON form. Build these with access-facts.ts instead of by hand. */
export interface CedarEntity {
  uid: EntityRef;
  attrs: Record<string, CedarValue>;
  parents: EntityRef[];
}

/** What `engine.decide` takes. */
export interface AccessRequest {
  principal: EntityRef;
  action: AccessAction;
  resource: EntityRef;
  context: Record<string, CedarValue>;
  entities?: CedarEntity[];
}

export function isAccessAction(s: string): s is AccessAction {
  return (ACCESS_ACTIONS as readonly string[]).includes(s);
}
