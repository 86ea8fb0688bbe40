import type { MessagePort } from 'node:worker_threads';
import type { ContentLimits } from '../domain/viewing/content-limits.js';
import type { RenderMediaType, RenderRequest } from '../domain/viewing/render-watermarked.js';
import type { PrintJob } from './print-pdf.js';

/** What a render worker is asked to do; `started` hears one message when a worker picks the job up. */
export type RenderTask =
  | { op: 'inspect'; bytes: Uint8Array; mediaType: RenderMediaType; limits: ContentLimits; incremental: boolean; started: MessagePort }
  | ({ op: 'render'; limits: ContentLimits; incremental: boolean; started: MessagePort } & RenderRequest)
  | { op: 'print'; job: PrintJob; started: MessagePort };

/** A worker's answer: the stamped PDF, `null` for a passed inspection, or the refusal's code. */
export type RenderOutcome = Uint8Array | null | { refused: string; limit?: string };
