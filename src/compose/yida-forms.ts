import type { Config } from '../config/config.js';
import { sourceAllowed } from '../config/yida-config.js';
import type { DingTalkApi } from '../dingtalk/openapi/index.js';
import type { OutboxIntent } from '../dingtalk/outbox-handlers.js';
import { asBuffer } from '../render-pool/print-pdf.js';
import type { OutboxService } from '../domain/outbox/outbox-service.js';
import type { AdminFormsDeps } from '../http/admin/admin-forms-routes.js';
import type { YidaCallbackDeps } from '../http/yida-callback-routes.js';
import { AUDIT_ACTIONS, type AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { OnFormFiled } from '../usecases/consult-rules/consult-rule-ports.js';
import type { PendingFormsDeps } from '../usecases/forms/pending-approvals.js';
import { fetchAndFile, type FileSubmissionDeps } from '../usecases/forms/file-submission.js';
import { receiveSubmission, type ReceiveSubmissionDeps } from '../usecases/forms/receive-submission.js';
import type { Medications } from './medications.js';
import type { Repositories } from './repositories.js';
import type { SecureSharing } from './secure-sharing.js';

/** Where the sandbox's form-data reads run (its demo systemToken and user; real deployments set both). */
export const SANDBOX_YIDA = { systemToken: 'sandbox-yida-system-token', userId: 'demo-admin' } as const;

export interface YidaFormsDeps {
  config: Readonly<Config>;
  repos: Pick<Repositories, 'transaction' | 'doctorInbox'>;
  secure: SecureSharing;
  medications: Medications;
  api: Pick<DingTalkApi, 'getFormInstance'>;
  outbox: Pick<OutboxService<OutboxIntent>, 'enqueue'>;
  audit: AuditSink;
  clock: Clock;
  /** The consult rules' hook: a filed form is evaluated like a shared document. */
  onFiled?: OnFormFiled;
}

/**
 * The Yida form archive (issue 14 item 5): the callback's deps, the outbox job that fetches and files,
 * and the console's parts. Form-data reads use the app token plus the Yida app's systemToken.
 */
export function createYidaForms(deps: YidaFormsDeps) {
  const { config, secure, audit, clock } = deps;
  const repo = secure.sealed.yida;
  const transaction = deps.repos.transaction;
  const yida = config.yida;
  const runAs = config.mode === 'sandbox' ? { systemToken: yida.systemToken ?? SANDBOX_YIDA.systemToken, userId: yida.userId ?? SANDBOX_YIDA.userId } : yida;
  const enqueueFetch = async (submissionId: string, idemKey: string) => {
    await deps.outbox.enqueue({ kind: 'yida.fetch', payload: { submissionId }, idemKey });
  };
  const file: FileSubmissionDeps = {
    repo,
    fetchForm: async (q) => {
      if (!runAs.systemToken || !runAs.userId) throw new DomainError('yida.fetch_failed', 'YIDA_SYSTEM_TOKEN and YIDA_USER_ID are not set');
      return (await deps.api.getFormInstance({ ...q, systemToken: runAs.systemToken, userId: runAs.userId })).formData;
    },
    patientSearch: secure.cases.patientSearch,
    cases: secure.casesRepo,
    vault: secure.vault,
    sharing: secure.sharing,
    titles: secure.titles,
    notes: secure.sealed.caseNotes,
    normaliser: deps.medications.normaliser,
    medications: { repo: deps.medications.repo, lexicon: deps.medications.lexicon, onAdded: deps.medications.useCases.onAdded },
    // In the render pool: embedding the CJK font subsets would hold the event loop (print-pdf.ts).
    renderPdf: async (record) => asBuffer(await secure.renderer.print({ kind: 'form_record', record })),
    transaction,
    audit,
    clock,
    onFiled: deps.onFiled,
  };
  const receive: ReceiveSubmissionDeps = { repo, enqueueFetch, transaction, audit, clock };
  const callback: YidaCallbackDeps = {
    secret: yida.callbackSecret,
    sourceAllowed: (ip) => sourceAllowed(yida.callbackSources, ip),
    ratePerMinute: yida.ratePerMinute,
    receive: (body) => receiveSubmission(receive, body),
    refused: (code) => audit.append({ actor: 'system', action: AUDIT_ACTIONS.yidaReceived, target: 'callback', outcome: 'denied', reason: code }),
  };
  const approve: PendingFormsDeps = { repo, inbox: deps.repos.doctorInbox, cases: secure.cases.queries, caseRows: secure.casesRepo, file, audit, clock };
  const admin: Omit<AdminFormsDeps, 'directory'> = {
    mappings: { repo, audit, clock },
    submissions: { repo, cases: secure.casesRepo, audit, clock, file, enqueueFetch },
    approve,
  };
  return {
    /** The outbox job of kind `yida.fetch`. */
    job: (submissionId: string) => fetchAndFile(file, submissionId),
    callback,
    admin,
    approve,
  };
}

export type YidaForms = ReturnType<typeof createYidaForms>;
