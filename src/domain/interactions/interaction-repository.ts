import { and, asc, desc, eq, isNull, ne, type Column } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { olderThan, type PageOf } from '../../db/keyset.js';
import type { SqliteStore } from '../../db/store.js';
import type { Async } from '../../shared/transactions.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { interactionAlertRecipients, interactionAlerts, type InteractionAlertState, type InteractionRecipientRole } from './interaction-tables.js';

type Row = typeof interactionAlerts.$inferSelect;
/** An alert row with its override reason opened (null when none). */
export type InteractionAlertRow = Row;
export type NewInteractionAlert = Omit<Row, 'state' | 'decidedBy' | 'decidedAt' | 'reason'>;
export type InteractionRecipientRow = typeof interactionAlertRecipients.$inferSelect;
export interface InteractionDecision {
  state: Exclude<InteractionAlertState, 'open'>;
  by: string;
  at: number;
  /** Free text: sealed at rest. */
  reason: string | null;
}

/** The two runs of a case's alert list, in screen order: still open, then acknowledged or overridden. */
export type InteractionAlertRun = 'open' | 'decided';

/** The condition of one run's page on either store's table. */
export const alertRunWhere = (t: { caseId: Column; state: Column; createdAt: Column; id: Column }, caseId: string, run: InteractionAlertRun, page: PageOf) =>
  and(eq(t.caseId, caseId), run === 'open' ? eq(t.state, 'open') : ne(t.state, 'open'), olderThan(t, page.after));

/** The port both stores implement (contract suite: test/pg/contracts/interaction-repository.contract.ts). */
export interface InteractionRepository {
  /** Stores an open alert and its recipients; false (nothing written) when the pair already has one. */
  insert(alert: NewInteractionAlert, recipients: readonly { clinicianId: string; role: InteractionRecipientRole }[]): Promise<boolean>;
  find(id: string): Promise<InteractionAlertRow | undefined>;
  /** A case's alerts, oldest first. */
  forCase(caseId: string): Promise<InteractionAlertRow[]>;
  /** One keyset page of a case's open or decided alerts, newest first by (createdAt, id): a seek on interaction_alerts_case_idx. */
  pageForCase(caseId: string, run: InteractionAlertRun, page: PageOf): Promise<InteractionAlertRow[]>;
  recipients(alertId: string): Promise<InteractionRecipientRow[]>;
  /** A recipient's first look; false when not a recipient or already read. */
  markRead(alertId: string, clinicianId: string, at: number): Promise<boolean>;
  /** Open → acknowledged / overridden; false when it was no longer open. */
  decide(id: string, decision: InteractionDecision): Promise<boolean>;
}

const REASON = 'interaction_alerts.reason';

/** Opens the sealed reason of a stored row (both stores share it). */
export const openReason = (texts: FreeTextCipher) => (row: Row): InteractionAlertRow =>
  row.reason === null ? row : { ...row, reason: texts.open(REASON, row.id, row.reason) };
export const sealReason = (texts: FreeTextCipher, id: string, reason: string | null) => (reason === null ? null : texts.seal(REASON, id, reason));

/** Interaction alerts on SQLite: named queries, every method a Promise (`store.wrap`). */
export function createInteractionRepository(db: Db, store: SqliteStore, texts: FreeTextCipher): InteractionRepository {
  const open = openReason(texts);
  const repo = {
    insert(alert: NewInteractionAlert, recipients: readonly { clinicianId: string; role: InteractionRecipientRole }[]): boolean {
      const written = db.insert(interactionAlerts).values({ ...alert, state: 'open' }).onConflictDoNothing().run().changes > 0;
      if (!written) return false;
      for (const r of recipients) db.insert(interactionAlertRecipients).values({ alertId: alert.id, ...r }).onConflictDoNothing().run();
      return true;
    },
    find(id: string): InteractionAlertRow | undefined {
      const row = db.select().from(interactionAlerts).where(eq(interactionAlerts.id, id)).get();
      return row && open(row);
    },
    forCase(caseId: string): InteractionAlertRow[] {
      return db.select().from(interactionAlerts).where(eq(interactionAlerts.caseId, caseId)).orderBy(asc(interactionAlerts.createdAt), asc(interactionAlerts.id)).all().map(open);
    },
    pageForCase(caseId: string, run: InteractionAlertRun, page: PageOf): InteractionAlertRow[] {
      const where = alertRunWhere(interactionAlerts, caseId, run, page);
      return db.select().from(interactionAlerts).where(where).orderBy(desc(interactionAlerts.createdAt), desc(interactionAlerts.id)).limit(page.limit).all().map(open);
    },
    recipients(alertId: string): InteractionRecipientRow[] {
      return db.select().from(interactionAlertRecipients).where(eq(interactionAlertRecipients.alertId, alertId)).orderBy(asc(interactionAlertRecipients.clinicianId)).all();
    },
    markRead(alertId: string, clinicianId: string, at: number): boolean {
      const key = and(eq(interactionAlertRecipients.alertId, alertId), eq(interactionAlertRecipients.clinicianId, clinicianId), isNull(interactionAlertRecipients.readAt));
      return db.update(interactionAlertRecipients).set({ readAt: at }).where(key).run().changes > 0;
    },
    decide(id: string, d: InteractionDecision): boolean {
      const set = { state: d.state, decidedBy: d.by, decidedAt: d.at, reason: sealReason(texts, id, d.reason) };
      return db.update(interactionAlerts).set(set).where(and(eq(interactionAlerts.id, id), eq(interactionAlerts.state, 'open'))).run().changes > 0;
    },
  };
  const wrapped: Async<typeof repo> = store.wrap(repo);
  return wrapped;
}
