/**
 * Layering rules for ConsultBridge (issue 10, item 6). Read by
 * test/unit/architecture.test.ts (which fails on any violation not listed
 * in config/architecture-allowlist.json) and by `npm run deps:check`.
 * docs: https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
 */
const domain = "^src/domain/";
const edge = "^src/dingtalk/";
const http = "^src/http/";
const bot = "^src/bot/";
const sandbox = "^src/sandbox/";
const usecases = "^src/usecases/";
const ehrAdapter = "^src/ehr/";
const compose = "^src/compose/";
const inbound = "^src/inbound/";
const db = "^src/db/";
const pdf = "^src/pdf/";
/** The web framework, the DingTalk SDK and the transports under it (resolved paths). */
const frameworks = "(^|node_modules/)(fastify|@fastify|fastify-[^/]+|dingtalk-stream|ws|axios)(/|$)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-inner",
      comment: "The domain imports no edge, HTTP, bot, sandbox, use case, EHR adapter or wiring.",
      severity: "error",
      from: { path: domain },
      to: { path: [edge, http, bot, sandbox, usecases, ehrAdapter, compose, inbound] },
    },
    {
      name: "core-knows-no-framework",
      comment: "The domain and the use cases know neither Fastify nor the DingTalk SDK (nor ws/axios under it).",
      severity: "error",
      from: { path: [domain, usecases] },
      to: { path: frameworks },
    },
    {
      name: "usecases-know-no-adapters",
      comment: "Use cases know neither the bot, HTTP, the DingTalk edge, the sandbox, the inbound routing nor the wiring.",
      severity: "error",
      from: { path: usecases },
      to: { path: [bot, http, edge, sandbox, compose, inbound] },
    },
    {
      name: "bot-boundaries",
      comment: "The bot imports neither HTTP, the sandbox, the wiring nor the database.",
      severity: "error",
      from: { path: bot },
      to: { path: [http, sandbox, compose, db] },
    },
    {
      name: "patient-identity-never-in-chat",
      comment: "Decrypted patient identity (the reveal, the patient banner) is for the mini-app's screens only: the bot, the DingTalk edge and inbound routing never import it.",
      severity: "error",
      from: { path: [bot, edge, inbound] },
      to: { path: "^src/(domain/cases/patient-reveal|usecases/cases/patient-banner)\\.ts$" },
    },
    {
      name: "http-boundaries",
      comment: "HTTP imports neither the bot, the sandbox, the wiring nor the database.",
      severity: "error",
      from: { path: http },
      to: { path: [bot, sandbox, compose, db] },
    },
    {
      name: "edge-is-outer",
      comment: "The DingTalk edge imports neither the domain nor the use cases (ports live in src/shared).",
      severity: "error",
      from: { path: edge },
      to: { path: [domain, usecases, inbound] },
    },
    {
      name: "inbound-boundaries",
      comment: "What the stream delivers is routed to the bot and use cases; the inbound routing knows neither HTTP, the sandbox, the wiring nor the database.",
      severity: "error",
      from: { path: inbound },
      to: { path: [http, sandbox, compose, db] },
    },
    {
      name: "pdf-is-a-library",
      comment: "PDF writing internals (TrueType subsetter, structure parser, incremental writer) know nothing of the app.",
      severity: "error",
      from: { path: pdf },
      to: { path: [domain, http, bot, edge, sandbox, compose] },
    },
    {
      name: "no-cycles",
      comment: "No import cycle anywhere in src.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
  ],
  options: {
    // src, plus the framework packages so the rule above can see them (not followed into).
    includeOnly: ["^src/", frameworks],
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: [".ts", ".js"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
