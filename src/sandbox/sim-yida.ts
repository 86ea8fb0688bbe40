/**
 * Yida (宜搭) in the simulator: form instances a test (or the sandbox demo) submits, the form-data
 * OpenAPI that serves them (routes-yida.ts), and the integration callback Yida would POST to the
 * service — with the configured secret, or a wrong one, or a malformed body, to test the refusals.
 * Every callback sent is recorded (`callbacks`, and the `yidaCallback` event) like other simulator calls.
 */
import { randomBytes } from 'node:crypto';
import { YIDA_SECRET_HEADER } from '../http/yida-callback-routes.js';
import type { SimEvents } from './sim-events.js';

export interface SimYidaInstance {
  instanceId: string;
  formUuid: string;
  appType: string;
  /** Component id → value; `malformed` serves a broken answer (formData not an object). */
  formData: Record<string, unknown> | 'malformed';
}

export interface SimYidaCallback {
  url: string;
  instanceId: string | null;
  status: number;
  answer: unknown;
}

export interface EmitOptions {
  /** Defaults to the target's secret; `null` sends no secret header. */
  secret?: string | null;
  /** Replaces the JSON body (a string is sent as is, e.g. broken JSON). */
  body?: unknown;
}

export const SIM_YIDA_APP_TYPE = 'APP_SIMCONSULT01';

const instanceId = (): string => `FINST-${randomBytes(9).toString('hex').toUpperCase()}`;

export class SimYida {
  readonly instances = new Map<string, SimYidaInstance>();
  readonly callbacks: SimYidaCallback[] = [];
  /** Where submissions are announced (the service's callback URL and secret), once the sandbox knows it. */
  target?: { url: string; secret: string };

  constructor(private readonly events: SimEvents) {}

  /** Stores a submission as Yida would on a form submit; answers it (not yet announced). */
  submit(i: { formUuid: string; formData: SimYidaInstance['formData']; appType?: string; instanceId?: string }): SimYidaInstance {
    const inst: SimYidaInstance = { instanceId: i.instanceId ?? instanceId(), formUuid: i.formUuid, appType: i.appType ?? SIM_YIDA_APP_TYPE, formData: i.formData };
    this.instances.set(inst.instanceId, inst);
    return inst;
  }

  /** POSTs the integration callback for a stored instance to the target; answers the service's status and body. */
  async emit(inst: SimYidaInstance | null, opts: EmitOptions = {}, target = this.target): Promise<SimYidaCallback> {
    if (!target) throw new Error('simulator: no Yida callback target configured');
    const secret = opts.secret === undefined ? target.secret : opts.secret;
    const body = opts.body !== undefined ? opts.body : { formUuid: inst?.formUuid, appType: inst?.appType, formInstanceId: inst?.instanceId, eventType: 'submit' };
    const res = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === null ? {} : { [YIDA_SECRET_HEADER]: secret }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let answer: unknown = text;
    try {
      answer = JSON.parse(text);
    } catch {
      /* kept as text */
    }
    const record: SimYidaCallback = { url: target.url, instanceId: inst?.instanceId ?? null, status: res.status, answer };
    this.callbacks.push(record);
    this.events.record('yidaCallback', record);
    return record;
  }

  /** Submits and announces in one step (what a form submit does with the integration configured). */
  async submitAndEmit(i: Parameters<SimYida['submit']>[0], opts?: EmitOptions): Promise<{ instance: SimYidaInstance; callback: SimYidaCallback }> {
    const instance = this.submit(i);
    return { instance, callback: await this.emit(instance, opts) };
  }
}
