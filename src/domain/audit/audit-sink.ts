/** The audit port lives in src/shared (the DingTalk edge writes through it too); re-exported for the domain. */
export { AUDIT_ACTIONS, type AuditInput, type AuditOutcome, type AuditSink } from '../../shared/audit-sink.js';
