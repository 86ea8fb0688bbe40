/**
 * P3: access-policy latency. Decision p50/p99 over 10k requests drawn from a small world (60
 * clinicians with fixed roles and institutions, 300 cases, 3000 documents), every action in a
 * realistic mix, the relation (care role, grant, consent…) varying per request, so allows and denies
 * (by forbid and by no permit) are both common; the mix and its allow share are printed as rows.
 * Also: listing the documents a user may open among 10k. The listing pre-filters from facts
 * (documents of cases where the user is attending/consulting or has break-glass, plus documents with a
 * grant: every view permit needs one of these, see visible-documents.ts) and asks Cedar only about
 * those candidates.
 * Every request is decided several times: p50/p99 are over all those decisions; a row also gives
 * the p99 of each request's fastest run, i.e. what the requests cost on a quiet machine.
 * Run: npx tsx bench/p3-policy.ts
 */
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { fileURLToPath } from 'node:url';
import {
  auditLogRequest,
  caseRequest,
  directoryRequest,
  ruleSetRequest,
  documentRequest,
  type CaseFacts,
  type ClinicianFacts,
  type DocumentFacts,
  type RelationFacts,
} from '../src/domain/access/access-facts.js';
import type { AccessAction, AccessRequest, CareRole, ClinicianRole } from '../src/domain/access/access-vocabulary.js';
import { loadPolicyEngine, type PolicyEngine, type PolicyEngineOptions } from '../src/domain/access/policy-engine.js';
import { loadPolicies } from '../src/domain/access/policy-loader.js';
import { listViewableDocuments, type DocumentWithRelation } from '../src/domain/access/visible-documents.js';
import { percentile, round as roundTo, type BenchRow } from './row.js';

const POLICY_DIR = fileURLToPath(new URL('../config/policies', import.meta.url));
const INSTITUTIONS = ['QMH', 'HKSH', 'PWH', 'CMC'];
const CARE: CareRole[] = ['attending', 'consulting', 'consulting', 'consulting', 'referring', 'observer', ''];
const ROLES: (ClinicianRole | null)[] = ['doctor', 'doctor', 'doctor', 'doctor', 'nurse', 'nurse', 'pharmacist', 'admin', 'privacy_officer', 'auditor', null];
/** Share of requests per action: mostly opening documents, then the case work around them. */
const ACTION_MIX: [AccessAction, number][] = [
  ['view', 0.6],
  ['share', 0.1],
  ['requestAccess', 0.08],
  ['decideRequest', 0.08],
  ['manageCase', 0.05],
  ['readAudit', 0.04],
  ['manageDirectory', 0.03],
  ['breakGlass', 0.02],
];

/** Deterministic pseudo-random numbers so runs compare. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function world(r: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const clinicians: ClinicianFacts[] = Array.from({ length: 60 }, (_, i) => ({
    id: `u-${i}`,
    institutionId: pick(INSTITUTIONS),
    role: pick(ROLES),
    verified: r() > 0.05,
    suspended: r() < 0.02,
  }));
  const cases: CaseFacts[] = Array.from({ length: 300 }, (_, i) => ({
    code: `C-${i}`,
    institutionIds: [...new Set([pick(INSTITUTIONS), pick(INSTITUTIONS), pick(INSTITUTIONS)].slice(0, 1 + Math.floor(r() * 3)))],
    // One case in ten is closed (read-only); by index, so the random sequence stays as it was.
    closed: i % 10 === 9,
  }));
  const documents: DocumentFacts[] = Array.from({ length: 3000 }, (_, i) => {
    const kase = cases[i % cases.length]!;
    return {
      id: `d-${i}`,
      caseCode: kase.code,
      authorInstitutionId: r() < 0.02 ? '' : pick(kase.institutionIds),
      restrictedCategory: r() < 0.1 ? pick(['psychiatry', 'hiv']) : null,
      caseClosed: kase.closed,
    };
  });
  return { pick, clinicians, cases, documents };
}

function mixedRequests(n: number): AccessRequest[] {
  const r = rng(7);
  const { pick, clinicians, cases, documents } = world(r);
  const clinicalStaff = clinicians.filter((c) => c.role === 'doctor' || c.role === 'nurse' || c.role === 'pharmacist');
  const action = (): AccessAction => {
    let x = r();
    for (const [a, share] of ACTION_MIX) if ((x -= share) < 0) return a;
    return 'view';
  };
  const out: AccessRequest[] = [];
  for (let i = 0; i < n; i++) {
    const a = action();
    // Clinical work mostly comes from clinical staff; oversight from anyone (a doctor may try too).
    const clinical = a !== 'readAudit' && a !== 'manageDirectory' && r() < 0.9;
    const c = pick(clinical ? clinicalStaff : clinicians);
    const d = pick(documents);
    const kase = pick(cases);
    const rel: RelationFacts = {
      careRole: pick(CARE),
      hasGrant: r() < 0.1,
      hasBreakGlass: r() < 0.02,
      patientConsentsToInstitution: r() > 0.2,
      hasRestrictedConsent: r() < 0.5,
    };
    if (a === 'view') out.push(documentRequest(c, 'view', d, rel));
    else if (a === 'requestAccess') out.push(r() < 0.5 ? documentRequest(c, a, d, rel) : caseRequest(c, a, kase, rel));
    else if (a === 'decideRequest') out.push(caseRequest(c, a, kase, { ...rel, step: r() < 0.7 ? 'attending' : 'privacy', isRequester: r() < 0.05 }));
    else if (a === 'readAudit') out.push(auditLogRequest(c));
    else if (a === 'manageDirectory') out.push(directoryRequest(c, r() < 0.7 ? c.institutionId : pick(INSTITUTIONS)));
    // Not in ACTION_MIX (rare, and never on the hot path): here only so every action has a builder.
    else if (a === 'reviewRules') out.push(ruleSetRequest(c, '1.2.0'));
    else out.push(caseRequest(c, a, kase, rel));
  }
  return out;
}

/** What the mix holds, so a reader can judge it: shares of views, allows, and denies by a forbid. */
function mixRows(engine: PolicyEngine, reqs: AccessRequest[]): BenchRow[] {
  const decisions = reqs.map((q) => engine.decide(q));
  const share = (f: (i: number) => boolean) => round((100 * reqs.filter((_, i) => f(i)).length) / reqs.length);
  return [
    { name: 'requests in the decision mix (60 clinicians × 3000 documents / 300 cases, all 8 actions)', value: reqs.length, unit: 'requests' },
    { name: 'share of the mix that are views', value: share((i) => reqs[i]!.action === 'view'), unit: '%' },
    { name: 'share of the mix allowed', value: share((i) => decisions[i]!.allowed), unit: '%' },
    { name: 'share of the mix denied by a forbid', value: share((i) => !decisions[i]!.allowed && decisions[i]!.policies.length > 0), unit: '%' },
  ];
}

function timeEach(reqs: AccessRequest[], decide: (r: AccessRequest) => unknown): number[] {
  for (const r of reqs.slice(0, 1000)) decide(r); // warm-up
  const us: number[] = [];
  for (const r of reqs) {
    const t = process.hrtime.bigint();
    decide(r);
    us.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  return us.sort((a, b) => a - b);
}

interface Variant {
  label: string;
  engine: PolicyEngine;
  goal: boolean;
}

const ROUNDS = 5;

/**
 * Each variant decides every request ROUNDS times, the variants taking turns every block of requests
 * so that a burst of load from other processes hits them alike. Kept per request: each wall-clock
 * time, and the fastest of its rounds (what the request costs when nothing else gets in the way).
 * Also the mean CPU time, which does not count time spent waiting for a core.
 */
function measure(variants: Variant[], reqs: AccessRequest[]): { us: number[]; best: number[]; cpuUs: number }[] {
  for (const v of variants) for (const q of reqs.slice(0, 1000)) v.engine.decide(q); // warm-up
  const out = variants.map(() => ({ us: [] as number[], best: reqs.map(() => Infinity), cpu: 0 }));
  const BLOCK = 250;
  for (let round = 0, turn = 0; round < ROUNDS; round++) {
    for (let from = 0; from < reqs.length; from += BLOCK, turn++) {
      for (let k = 0; k < variants.length; k++) {
        const i = (k + turn) % variants.length;
        const { engine } = variants[i]!;
        const o = out[i]!;
        const start = process.cpuUsage();
        for (let j = from; j < Math.min(from + BLOCK, reqs.length); j++) {
          const t = process.hrtime.bigint();
          engine.decide(reqs[j]!);
          const us = Number(process.hrtime.bigint() - t) / 1000;
          o.us.push(us);
          if (us < o.best[j]!) o.best[j] = us;
        }
        const used = process.cpuUsage(start);
        o.cpu += used.user + used.system;
      }
    }
  }
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  return out.map((o) => ({ us: sorted(o.us), best: sorted(o.best), cpuUs: o.cpu / (reqs.length * ROUNDS) }));
}

function decisionRows(variants: Variant[], reqs: AccessRequest[]): BenchRow[] {
  const results = measure(variants, reqs);
  return variants.flatMap(({ label, goal }, i) => {
    const { us, best, cpuUs } = results[i]!;
    const p99 = percentile(us, 99);
    return [
      { name: `decision p50 (${label})`, value: round(percentile(us, 50)), unit: 'µs' },
      { name: `decision p99 (${label})`, value: round(p99), unit: 'µs', ...(goal ? { goal: '≤ 150', ok: p99 <= 150 } : {}) },
      { name: `decision p99 of each request's fastest of ${ROUNDS} runs (${label})`, value: round(percentile(best, 99)), unit: 'µs' },
      { name: `decision mean CPU time (${label})`, value: round(cpuUs), unit: 'µs' },
    ];
  });
}

/** Baseline for the choice of API: isAuthorized re-parses the policy text and schema on every call. */
function reparseRow(reqs: AccessRequest[]): BenchRow {
  const loaded = loadPolicies(POLICY_DIR);
  const staticPolicies = Object.fromEntries(loaded.policies.map((p) => [p.id, p.text]));
  const sample = reqs.slice(0, 1300);
  const us = timeEach(sample, (q) =>
    cedar.isAuthorized({
      principal: q.principal,
      action: { type: 'Action', id: q.action },
      resource: q.resource,
      context: q.context,
      entities: q.entities ?? [],
      policies: { staticPolicies },
      schema: loaded.schema,
    }),
  );
  return { name: 'decision p50 (isAuthorized, re-parsing per call; not used)', value: round(percentile(us, 50)), unit: 'µs' };
}

function listingData(): { user: ClinicianFacts; items: DocumentWithRelation[] } {
  const r = rng(11);
  const user: ClinicianFacts = { id: 'u-me', institutionId: 'QMH', role: 'doctor', verified: true, suspended: false };
  const careRoleByCase = new Map<string, CareRole>();
  for (let c = 0; c < 1000; c++) {
    const x = r();
    careRoleByCase.set(`C-${c}`, x < 0.003 ? 'attending' : x < 0.008 ? 'consulting' : x < 0.02 ? 'observer' : '');
  }
  const items: DocumentWithRelation[] = [];
  for (let i = 0; i < 10_000; i++) {
    const caseCode = `C-${i % 1000}`;
    items.push({
      document: { id: `d-${i}`, caseCode, authorInstitutionId: INSTITUTIONS[i % 4]!, restrictedCategory: r() < 0.1 ? 'hiv' : null, caseClosed: false },
      relation: {
        careRole: careRoleByCase.get(caseCode) ?? '',
        hasGrant: r() < 0.003,
        hasBreakGlass: caseCode === 'C-999',
        patientConsentsToInstitution: r() > 0.3,
        hasRestrictedConsent: r() < 0.5,
      },
    });
  }
  return { user, items };
}

/** `engine` is a fresh production engine (its memo filled only by the warm-up); `plain` has the memo off. */
function listingRows(engine: PolicyEngine, plain: PolicyEngine): BenchRow[] {
  const { user, items } = listingData();
  listViewableDocuments(engine, user, items.slice(0, 500)); // warm-up
  let t = performance.now();
  const visible = listViewableDocuments(engine, user, items);
  const filteredMs = performance.now() - t;
  t = performance.now();
  const all = items.filter((i) => plain.decide(documentRequest(user, 'view', i.document, i.relation)).allowed);
  const bruteMs = performance.now() - t;
  if (all.length !== visible.length) throw new Error('pre-filter changed the result');
  return [
    { name: 'list viewable among 10k documents (production engine; pre-filtered, Cedar on candidates)', value: round(filteredMs), unit: 'ms', goal: '≤ 50', ok: filteredMs <= 50 },
    { name: 'documents visible in that listing', value: visible.length, unit: 'docs' },
    { name: 'list viewable among 10k documents (Cedar on every document, memo off; not used)', value: round(bruteMs), unit: 'ms' },
  ];
}

/** One decimal: these rows are µs and ms. */
const round = (x: number) => roundTo(x, 1);

/**
 * The memo's side of the story. The measured rounds repeat the same 10k requests (as a running service
 * meets the same roles, flags and relations again and again), so after the first round every answer is
 * remembered; the first pass of a fresh engine over the mix shows the cold case.
 */
function memoRows(engine: PolicyEngine, fresh: PolicyEngine, reqs: AccessRequest[]): BenchRow[] {
  const { hits, misses } = engine.memoStats();
  const firstPass = timeEach(reqs, (q) => fresh.decide(q));
  const cold = fresh.memoStats();
  return [
    { name: 'production: answers from the memo over warm-up and the 5 rounds', value: roundTo((100 * hits) / Math.max(1, hits + misses), 1), unit: '%' },
    { name: 'production: Cedar calls for memo misses (distinct attribute/context combinations in the mix)', value: misses, unit: 'calls' },
    { name: 'production, fresh engine, first pass over the 10k requests: answers from the memo', value: roundTo((100 * cold.hits) / Math.max(1, cold.hits + cold.misses), 1), unit: '%' },
    { name: 'production, fresh engine, first pass over the 10k requests: decision p50', value: round(percentile(firstPass, 50)), unit: 'µs' },
    { name: 'production, fresh engine, first pass over the 10k requests: decision p99', value: round(percentile(firstPass, 99)), unit: 'µs' },
  ];
}

export async function benchPolicy(): Promise<BenchRow[]> {
  let t = performance.now();
  const checked = loadPolicyEngine(POLICY_DIR);
  const loadMs = performance.now() - t;
  const engine = (opts: PolicyEngineOptions) => loadPolicyEngine(POLICY_DIR, opts);
  const production = engine({ validateRequests: false });
  const reqs = mixedRequests(10_000);
  return [
    { name: 'load + validate + pre-parse policies', value: round(loadMs), unit: 'ms' },
    ...mixRows(production, reqs),
    ...decisionRows(
      [
        { label: 'production: validated at start, unread attributes left out, answers remembered', engine: production, goal: true },
        { label: 'production with the memo off: Cedar on every call; comparison', engine: engine({ validateRequests: false, memoize: false }), goal: false },
        { label: 'schema-checked requests, as in tests; not the production path', engine: checked, goal: false },
        { label: 'production sending every attribute, no memo, as before; comparison', engine: engine({ validateRequests: false, pruneAttributes: false, memoize: false }), goal: false },
      ],
      reqs,
    ),
    ...memoRows(production, engine({ validateRequests: false }), reqs),
    reparseRow(reqs),
    ...listingRows(engine({ validateRequests: false }), engine({ validateRequests: false, memoize: false })),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.table(await benchPolicy());
}
