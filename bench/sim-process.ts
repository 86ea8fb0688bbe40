import { seedDemoOrg } from '../src/sandbox/demo-org.js';
import { startSimulator } from '../src/sandbox/simulator.js';

/** A DingTalk simulator in its own process (for P7: the service's memory without the simulator in it). */
const sim = await startSimulator({ port: Number(process.argv[2] ?? 0), clientId: 'p7-client', clientSecret: 'p7-secret', pingIntervalMs: 0 });
seedDemoOrg(sim);
process.stdout.write(`${JSON.stringify({ apiBase: sim.apiBase, oapiBase: sim.oapiBase })}\n`);
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
