/** Schema barrel of the PostgreSQL twins (one file per context, mirroring src/db/schema.ts). */
export * from './audit-tables.js';
export * from './inbox-tables.js';
export * from './outbox-tables.js';
export * from './directory-tables.js';
export * from './vault-tables.js';
export * from './patients-tables.js';
export * from './cases-tables.js';
export * from './sharing-tables.js';
export * from './approvals-tables.js';
export * from './grants-tables.js';
export * from './escalation-tables.js';
export * from './burn-tables.js';
export * from './sessions-tables.js';
export * from './ehr-tables.js';
export * from './alerts-tables.js';
export * from './chat-history-tables.js';
export * from './rule-review-tables.js';
