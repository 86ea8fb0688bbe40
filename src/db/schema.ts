/** Schema barrel for drizzle's query builder; each context owns its *-tables.ts file. */
export * from '../domain/audit/audit-tables.js';
export * from '../domain/inbox/inbox-tables.js';
export * from '../domain/outbox/outbox-tables.js';
export * from '../domain/directory/directory-tables.js';
export * from '../domain/vault/vault-tables.js';
export * from '../domain/patients/patients-tables.js';
export * from '../domain/cases/cases-tables.js';
export * from '../domain/sharing/sharing-tables.js';
export * from '../domain/approvals/approvals-tables.js';
export * from '../domain/grants/grants-tables.js';
export * from '../domain/escalation/escalation-tables.js';
export * from '../domain/burn/burn-tables.js';
export * from '../domain/sessions/sessions-tables.js';
export * from '../domain/ehr/ehr-tables.js';
export * from '../domain/alerts/alerts-tables.js';
export * from '../domain/chat-history/chat-history-tables.js';
export * from '../domain/clinical/rule-review-tables.js';
