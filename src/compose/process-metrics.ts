import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * prom-client's default process metrics (RSS, heap, CPU, event-loop lag, GC), collected once per
 * process into one registry of their own. They describe the process, not a service, and collecting
 * them starts an event-loop delay monitor and a GC observer that prom-client gives no way to stop; so
 * services never collect them again (tests build many services in one process), and each service's
 * scrape adds its own `instance_id` to these series (see `withLabel`).
 */
let processRegistry: Registry | undefined;

export function processMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (.+)$/;

/** Prometheus text with `name="value"` added as the last label of every sample line (comments kept). */
export function withLabel(text: string, name: string, value: string): string {
  const label = `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  return text
    .split('\n')
    .map((line) => {
      const m = line.startsWith('#') ? null : SAMPLE.exec(line);
      return m ? `${m[1]}{${m[2] ? `${m[2]},` : ''}${label}} ${m[3]}` : line;
    })
    .join('\n');
}
