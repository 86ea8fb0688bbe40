import type { Config } from '../config/config.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { RosterRepository } from '../domain/rosters/roster-port.js';
import { seedDemoRoster } from './demo-roster.js';
import type { Logger } from '../shared/logger.js';
import { DEMO_ORG, seedDemoOrg } from './demo-org.js';
import { startSimulator, type Simulator } from './simulator.js';
import { startFhirSim, type FhirSim } from './fhir-sim.js';
import { sandboxYidaSecret } from './yida-demo.js';

export interface Sandbox {
  sim: Simulator;
  /** The simulated FHIR endpoint, when no EHR_FHIR_BASE is configured. */
  fhir?: FhirSim;
  /** The config with both DingTalk bases pointed at the simulator. */
  config: Readonly<Config>;
  seedDirectory(repo: DirectoryRepository): Promise<void>;
  /** The demo on-call roster (demo-roster.ts), after the directory. */
  seedRoster(rosters: RosterRepository, directory: DirectoryRepository): Promise<void>;
  describe(): string[];
  close(): Promise<void>;
}

/**
 * Sandbox mode (no DingTalk credentials): the built-in simulator runs in-process with the demo org,
 * and the service talks to it exactly as it would to DingTalk — through the real SDK and OpenAPI client.
 */
export async function startSandbox(config: Readonly<Config>, logger: Logger): Promise<Sandbox> {
  const sim = await startSimulator({
    port: config.sandbox.port,
    clientId: config.dingtalk.clientId,
    clientSecret: config.dingtalk.clientSecret,
    robotCode: config.dingtalk.robotCode,
    corpId: config.dingtalk.corpId,
  });
  seedDemoOrg(sim);
  // No EHR configured: a simulated FHIR server stands in (it registers any valid HKID it is asked about).
  const fhir = config.ehr.fhirBase ? undefined : await startFhirSim({ hkidSystem: config.ehr.hkidSystem, autoRegisterPatients: true });
  logger.info({ code: 'sandbox.started', apiBase: sim.apiBase }, 'DingTalk simulator started');
  const sandboxConfig = Object.freeze({
    ...config,
    dingtalk: { ...config.dingtalk, apiBase: sim.apiBase, oapiBase: sim.oapiBase },
    // No register lookup configured: the simulator's stand-in register answers (routes-register.ts).
    directory: { registerLookupUrl: config.directory.registerLookupUrl ?? `${sim.apiBase}/sim/register` },
    // The Yida callback is on in the sandbox (the simulator calls it with this secret; see yida-demo.ts).
    yida: { ...config.yida, callbackSecret: sandboxYidaSecret(config.yida.callbackSecret) },
    ehr: fhir ? { ...config.ehr, fhirBase: fhir.baseUrl, tokenUrl: fhir.tokenUrl, clientId: fhir.clientId, clientSecret: fhir.clientSecret } : config.ehr,
  });
  return {
    sim,
    fhir,
    config: sandboxConfig,
    seedDirectory: (repo) => seedDirectory(repo),
    seedRoster: (rosters, directory) => seedDemoRoster(rosters, directory, Date.now()),
    describe: () => [
      `  Simulator    ${sim.apiBase} (DingTalk stand-in with a demo org)`,
      `  EHR (FHIR)   ${fhir ? `${fhir.baseUrl} (simulated FHIR R4 server)` : config.ehr.fhirBase}`,
      `  Register     ${config.directory.registerLookupUrl ?? `${sim.apiBase}/sim/register (simulated register lookup)`}`,
      `  Demo groups  ${DEMO_ORG.groups.map((g) => `${g.title} [${g.openConversationId}]`).join('; ')}`,
      `  Demo users   ${DEMO_ORG.clinicians.map((c) => `${c.userId}${c.verified ? '' : ' (unverified)'}`).join(', ')}`,
      `  Yida demo    POST /sandbox/yida/submit {"hkid":"<patient HKID>"} files a demo form to the patient's case (console: Forms)`,
      `  Try it       curl -s -XPOST ${config.http.publicUrl ?? `http://${config.http.host}:${config.http.port}`}/sandbox/say -H 'content-type: application/json' \\`,
      `                 -d '{"user":"qmh-chan-taiman","group":"cardiologyConsult","text":"@ConsultBridge help"}'`,
    ],
    close: async () => {
      await Promise.all([sim.close(), fhir?.close()]);
    },
  };
}

/** The demo clinicians as verified (or not) directory entries, so the sandbox is usable at once. */
export async function seedDirectory(repo: DirectoryRepository, now = Date.now()): Promise<void> {
  for (const i of DEMO_ORG.institutions) {
    await repo.upsertInstitution({ id: i.code, code: i.code, nameEn: i.nameEn, nameZh: i.nameZh, sector: i.sector });
  }
  const officer = DEMO_ORG.clinicians.find((c) => c.role === 'privacy_officer');
  for (const c of DEMO_ORG.clinicians) {
    if (await repo.findByDingTalkId(c.userId)) continue;
    await repo.insert(
      {
        dingtalkUserId: c.userId,
        displayName: c.dingtalkName,
        nameEn: `${c.role === 'doctor' ? 'Dr ' : ''}${c.nameEn}`,
        nameZh: c.nameZh,
        title: c.title,
        department: c.department,
        institutionId: c.institutionCode,
        role: c.role,
        specialty: c.specialty ?? null,
        registrationNo: c.registrationNo ?? null,
        verified: c.verified,
        verifiedBy: null,
        verifiedAt: c.verified ? now : null,
        suspended: false,
        language: c.lang === 'zh_CN' ? 'zh' : 'en',
      },
      now,
    );
  }
  if (officer) {
    const o = (await repo.findByDingTalkId(officer.userId))!;
    // The demo clinicians only, each by its key: the directory may be a big one (bench P9) and is not read whole at start.
    for (const demo of DEMO_ORG.clinicians) {
      const c = await repo.findByDingTalkId(demo.userId);
      if (c?.verified && !c.verifiedBy && c.id !== o.id) await repo.update(c.id, { verifiedBy: o.id }, now);
    }
  }
}
