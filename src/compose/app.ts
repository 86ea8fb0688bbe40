import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from '../shared/logger.js';
import { registerErrorHandler } from '../http/error-handler.js';
import { healthRoutes, type HealthProbe } from '../http/health-routes.js';
import type { Simulator } from '../sandbox/simulator.js';
import { registerSandboxHttp } from '../sandbox/http/register-sandbox-http.js';
import type { Service } from './service.js';
import { adminRoutes } from '../http/admin-routes.js';
import { adminConsoleRoutes } from '../http/admin/admin-console.js';
import { adminHttpDeps } from './admin-http.js';
import { authHttpDeps } from './auth-http.js';
import { alertRoutes } from '../http/alert-routes.js';
import rateLimit from '@fastify/rate-limit';
import { registerSecurityHeaders } from '../http/security-headers.js';
import { registerDocs } from '../http/docs.js';
import { authRateLimit, registerAuth, type AuthOptions } from '../http/auth/register-auth.js';
import { miniappStatic } from '../http/miniapp-static.js';
import { appDoctorRoutes } from '../http/app-doctor-routes.js';
import { appBurnRoutes } from '../http/app-burn-routes.js';
import { appFormsRoutes } from '../http/app/app-forms-routes.js';
import { grantCaseRoutes } from '../http/app/grant-case-routes.js';
import { appComposeRoutes } from '../http/app/app-compose-routes.js';
import { myCasesRoutes } from '../http/app/my-cases-routes.js';
import { openableDocumentsRoutes } from '../http/app/openable-documents-routes.js';
import { patientBannerRoutes } from '../http/app/patient-banner-routes.js';
import { clinicalNotesRoutes } from '../http/app/clinical-notes-routes.js';
import { clinicalNotesRouteDeps } from './clinical-notes-http.js';
import { mdtRoutes } from '../http/app/mdt-routes.js';
import { referralRoutes } from '../http/app/referral-routes.js';
import { referralRouteDeps } from './referrals-http.js';
import { correctionRoutes } from '../http/app/correction-routes.js';
import { alertStatusRoutes } from '../http/app/alert-status-routes.js';
import { interactionRoutes } from '../http/app/interaction-routes.js';
import { ruleReviewRoutes } from '../http/app/rule-review-routes.js';
import { consultRuleRoutes } from '../http/app/consult-rule-routes.js';
import { appHttpDeps } from './app-http.js';
import { medicationRoutes } from '../http/app/medication-routes.js';
import { clinicalRoutes } from '../http/app/clinical-routes.js';
import { metricsRoutes } from '../http/metrics-routes.js';
import { sandboxChatHistory } from './sandbox-chat-history.js';
import { yidaCallbackRoutes } from '../http/yida-callback-routes.js';
import { yidaApprovalRoutes } from '../http/app/yida-approval-routes.js';

export interface AppDeps {
  logger: Logger;
  probe: HealthProbe;
  /** Called from Fastify's onClose, so `app.close()` tears the whole service down in order. */
  onClose?: () => Promise<void>;
  /** Sandbox mode only: the simulator, for the demo routes. */
  sandbox?: Simulator;
  /** The running service; its routes (mini-app API, admin) are mounted when given. */
  service?: Service;
  /** Mini-app sign-in settings (rate limit, session lifetimes); defaults suit production. */
  auth?: AuthOptions;
}

/** Builds the HTTP app; never listens (main.ts does), so tests can `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // No credential travels in a path (view tokens go in request bodies), so the default 100-character parameter limit stands.
  const app = Fastify({ loggerInstance: deps.logger as FastifyBaseLogger }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app as unknown as FastifyInstance);
  const root = app as unknown as FastifyInstance;
  await registerSecurityHeaders(root, { https: deps.service?.publicUrl.startsWith('https://') ?? false });
  // Opt-in per route (`config.rateLimit`); over the limit → 429 {code: 'rate_limited'}.
  await app.register(rateLimit, { global: false });
  await registerDocs(root);
  await app.register(healthRoutes, { probe: deps.probe, region: deps.service?.config.residency.region });
  const service = deps.service;
  // Sandbox mode only: the demo chat routes, and the demo-user picker sign-in and the chat's stored history when the service runs.
  if (deps.sandbox) {
    const signIn = service && { directoryRepo: service.directoryRepo, rateLimit: authRateLimit(deps.auth) };
    await registerSandboxHttp(root, { sim: deps.sandbox, signIn, history: service && sandboxChatHistory(service) });
  }
  if (service) {
    // Before the other route plugins: it decorates app.requireClinician / app.requireTrusted.
    await registerAuth(root, { ...authHttpDeps(service), sandboxMode: !!deps.sandbox, options: deps.auth });
    const appHttp = appHttpDeps(service);
    // /api/app/*, /api/alerts, and the clinical layer's /api/cases/:code/medications…, /api/clinical/* and /api/interaction-alerts/*: one hook — a signed-in, verified, active clinician.
    await app.register(async (trusted) => {
      trusted.addHook('onRequest', trusted.requireTrusted);
      await trusted.register(alertRoutes, appHttp.alerts);
      await trusted.register(appDoctorRoutes, appHttp.doctor);
      await trusted.register(appBurnRoutes, appHttp.burn);
      await trusted.register(appFormsRoutes, appHttp.forms);
      await trusted.register(appComposeRoutes, appHttp.compose);
      await trusted.register(patientBannerRoutes, appHttp.banner);
      await trusted.register(correctionRoutes, appHttp.correction);
      await trusted.register(grantCaseRoutes, appHttp.grantCases);
      await trusted.register(myCasesRoutes, appHttp.myCases);
      await trusted.register(openableDocumentsRoutes, appHttp.openableDocuments);
      await trusted.register(alertStatusRoutes, appHttp.alertStatus);
      await trusted.register(medicationRoutes, appHttp.medications);
      await trusted.register(clinicalRoutes, appHttp.clinical);
      await trusted.register(interactionRoutes, appHttp.interactions);
      await trusted.register(clinicalNotesRoutes, clinicalNotesRouteDeps(service));
      await trusted.register(ruleReviewRoutes, appHttp.ruleReview);
      await trusted.register(mdtRoutes, service.mdt.useCases);
      await trusted.register(consultRuleRoutes, appHttp.consultResults);
      await trusted.register(referralRoutes, referralRouteDeps(service));
      await trusted.register(yidaApprovalRoutes, service.yidaForms.approve);
    });
    // The Yida submission callback: DingTalk calls in (shared-secret header, optional source allowlist; README "Yida form archive").
    await app.register(yidaCallbackRoutes, service.yidaForms.callback);
    // Bearer METRICS_TOKEN, else loopback only (README "Metrics").
    await app.register(metricsRoutes, { scrape: service.metrics.scrape, token: service.config.http.metricsToken });
    const admin = adminHttpDeps(service);
    await app.register(adminRoutes, { prefix: '/api/admin', ...admin.directory });
    // Same prefix and token check; some console routes also admit privacy officers and auditors.
    await app.register(adminConsoleRoutes, { prefix: '/api/admin', ...admin.console });
  }
  await app.register(miniappStatic);
  if (deps.onClose) app.addHook('onClose', async () => deps.onClose!());
  return app as unknown as FastifyInstance;
}
