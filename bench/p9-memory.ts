import { readFileSync } from 'node:fs';
import { metricValue, scrape } from './p9-loop.js';

/** The service's memory: RSS from /proc, V8's heap and off-heap memory from its own /metrics (prom-client). */
export interface Memory {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

const MB = 1024 * 1024;

export function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
}

export async function memoryNow(base: string, pid: number): Promise<Memory> {
  const text = await scrape(base);
  return {
    rssMb: rssMb(pid),
    heapUsedMb: metricValue(text, 'nodejs_heap_size_used_bytes') / MB,
    heapTotalMb: metricValue(text, 'nodejs_heap_size_total_bytes') / MB,
    externalMb: metricValue(text, 'nodejs_external_memory_bytes') / MB,
  };
}

/**
 * A full collection in the service, asked through its inspector (the child runs with
 * `--inspect=127.0.0.1:<port>`): what is left is what the service holds, not garbage V8 has not
 * collected yet (it runs a full collection when it needs room, not when the process goes idle).
 */
export async function collectGarbage(inspectPort: number): Promise<void> {
  const { WebSocket } = await import('ws');
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('error', reject);
      ws.once('open', () => ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' })));
      ws.on('message', (data) => {
        if ((JSON.parse(String(data)) as { id?: number }).id === 1) resolve();
      });
    });
  } finally {
    ws.close();
  }
}
