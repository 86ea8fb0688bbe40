import { createCorrectionNotices } from '../bot/correction-notices.js';
import type { Service } from './service.js';
import type { AlertRoutesDeps } from '../http/alert-routes.js';
import type { AppBurnDeps } from '../http/app-burn-routes.js';
import type { AppDoctorDeps } from '../http/app-doctor-routes.js';
import type { AppComposeDeps } from '../http/app/app-compose-routes.js';
import type { AppFormsDeps } from '../http/app/app-forms-routes.js';
import type { CorrectionRouteDeps } from '../http/app/correction-routes.js';
import type { MyCasesRouteDeps } from '../http/app/my-cases-routes.js';
import type { OpenableDocumentsRouteDeps } from '../http/app/openable-documents-routes.js';
import type { PatientBannerRouteDeps } from '../http/app/patient-banner-routes.js';
import type { GrantCaseRouteDeps } from '../http/app/grant-case-routes.js';
import { createGrantNotices } from '../bot/flows/grant-notices.js';
import type { AlertStatusRouteDeps } from '../http/app/alert-status-routes.js';
import type { InteractionRouteDeps } from '../http/app/interaction-routes.js';
import type { RuleReviewRouteDeps } from '../http/app/rule-review-routes.js';
import type { ImportResultsDeps } from '../usecases/consult-rules/import-results.js';

/**
 * The mini-app API's route plugins (/api/app/*, /api/alerts), each given only what it uses from the
 * running service (wiring only: no logic here).
 */
export function appHttpDeps(service: Service) {
  const { secure, audit, clock, escalation, stamp, directoryRepo: directory } = service;
  const cases = secure.cases.queries;
  const grantNotices = createGrantNotices({ directoryRepo: directory, notify: service.notify });
  const alerts: AlertRoutesDeps = { cases, alerts: service.alerts.service };
  const doctor: AppDoctorDeps = {
    doctorInbox: service.doctorInbox,
    cases,
    casesRepo: secure.casesRepo,
    documents: secure.documentsRepo,
    approvals: secure.approvals,
    grants: secure.grants,
    receipts: secure.receipts,
    access: secure.access,
    vault: secure.vault,
    directory,
    stamp,
    escalation,
    viewTokens: service.viewTokens,
    reasonCodes: secure.settings.reasonCodes,
    notices: service.accessChat,
    titles: secure.titles,
    firings: service.consultRules.firings,
    audit,
    clock,
  };
  const burn: AppBurnDeps = { burn: service.burn.service, escalation, viewTokens: service.burn.viewTokens, stamp, cases: secure.casesRepo, audit, clock };
  const forms: AppFormsDeps = {
    tokens: secure.cases.tokens,
    casesRepo: secure.casesRepo,
    directory,
    open: secure.cases.open,
    consent: secure.cases.consent,
    notices: service.caseNotices,
    audit,
    cases,
    documents: secure.documentsRepo,
    access: secure.access,
    grants: secure.grants,
    clock,
    consentNotices: grantNotices,
  };
  const compose: AppComposeDeps = {
    cases,
    casesRepo: secure.casesRepo,
    decideOnCase: secure.decideOnCase,
    burn: service.burn.service,
    grants: secure.grants,
    alerts: service.alerts.service,
    vault: secure.vault,
    sharing: secure.sharing,
    receipts: secure.receipts,
    escalation,
    cards: service.reportCards,
    onShared: service.consultRules.onShared,
    audit,
    clock,
  };
  const banner: PatientBannerRouteDeps = {
    cases,
    documents: secure.documentsRepo,
    access: secure.access,
    reveal: secure.cases.reveal,
    audit,
    clock,
  };
  const correction: CorrectionRouteDeps = {
    documents: secure.documentsRepo,
    cases,
    casesRepo: secure.casesRepo,
    directory,
    transaction: service.repos.transaction,
    notices: createCorrectionNotices({ directory, notify: service.notify }),
    escalation,
    decideOnCase: secure.decideOnCase,
    vault: secure.vault,
    sharing: secure.sharing,
    receipts: secure.receipts,
    cards: service.reportCards,
    audit,
    clock,
  };
  const grantCases: GrantCaseRouteDeps = {
    grants: secure.grants, cases, casesRepo: secure.casesRepo, approvals: secure.approvals, directory, audit, clock,
    lifecycle: secure.lifecycle, notices: grantNotices, documents: secure.documentsRepo, titles: secure.titles,
  };
  const myCases: MyCasesRouteDeps = secure.myCases;
  const openableDocuments: OpenableDocumentsRouteDeps = { ...secure.openableDocuments, directory };
  const alertStatus: AlertStatusRouteDeps = { ...service.alerts.statusDeps, people: directory };
  const medications = service.medications.useCases;
  const clinical = { normaliser: service.medications.normaliser };
  const { repo, checker } = service.interactions;
  const interactions: InteractionRouteDeps = {
    repo, medications: service.medications.repo, lexicon: service.medications.lexicon, checker, cases, casesRepo: secure.casesRepo, authorize: secure.authorize,
    escalation, transaction: service.repos.transaction, people: directory, audit, clock,
  };
  const { book, mayReview } = service.ruleReviews;
  const ruleReview: RuleReviewRouteDeps = { book, mayReview, transaction: service.repos.transaction, audit, clock, people: directory };
  const consultResults: ImportResultsDeps = { fire: service.consultRules.fire, audit, decideOnCase: secure.decideOnCase, cases, reveal: secure.cases.reveal, ehr: service.ehr };
  return { alerts, doctor, burn, forms, compose, banner, myCases, openableDocuments, alertStatus, grantCases, correction, medications, clinical, interactions, ruleReview, consultResults };
}
