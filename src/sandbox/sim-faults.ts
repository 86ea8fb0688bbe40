/**
 * Fault injection: for the HTTP side, scripted failures per route, a global "DingTalk is down" switch
 * and failing gateway registrations (rules are consumed in the order they were added); for the Stream
 * side, ACKed events pushed again.
 */

export interface FaultRule {
  /** A path prefix (as the client sends it, e.g. `/v1.0/robot/` or `/oapi/gettoken`) or a RegExp. */
  path: RegExp | string;
  method?: string;
  /** How many matching calls fail; default 1, `Infinity` for all. */
  times?: number;
  /** HTTP status to answer with. Default: 503 for v1.0 paths, 200 when only `errcode` is given. */
  status?: number;
  /** v1.0-style error code, e.g. `Forbidden.AccessDenied.QpsLimitForAppkeyAndApi`. */
  code?: string;
  /** oapi-style errcode, e.g. 90018. */
  errcode?: number;
  message?: string;
  /** Wait this long before answering (with the fault if one is set, otherwise normally). */
  delayMs?: number;
  /** Never answer (the client must time out). */
  hang?: boolean;
  /** A name for counting (random faults are counted by it in `randomInjected`). */
  label?: string;
}

/** "DingTalk answers `rate` of the calls on matching paths with one of `faults`", chosen by `rng`. */
export interface RandomFaults {
  rate: number;
  rng: () => number;
  /** Only calls whose path matches; default every OpenAPI call except the stream gateway's registration. */
  path?: RegExp;
  /** The answers to draw from (their own `path`, `method` and `times` do not apply). */
  faults: Array<Omit<FaultRule, 'path' | 'times'>>;
}

interface ActiveRule extends FaultRule {
  remaining: number;
}

export class SimFaults {
  private rules: ActiveRule[] = [];
  private isDown = false;
  private gatewayFailures = 0;
  private random: RandomFaults | undefined;
  private eventsAgain: number;
  /** Random faults injected so far, by label (or status/`hang`). */
  readonly randomInjected = new Map<string, number>();

  constructor(redeliverEventsAfterAck = 0) {
    this.eventsAgain = redeliverEventsAfterAck;
  }

  /** From now on, this share (0–1) of ACKed EVENT frames is pushed once more, as DingTalk may do. */
  redeliverEventsAfterAck(rate: number): void {
    this.eventsAgain = Math.min(1, Math.max(0, rate));
  }

  get eventRedeliveryRate(): number {
    return this.eventsAgain;
  }

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, remaining: rule.times ?? 1 });
  }

  /** A QPS-limit answer in the style of the matched host (v1.0 403 code or oapi errcode 90018). */
  qpsLimit(path: RegExp | string, times = 1): void {
    const oapi = typeof path === 'string' ? path.startsWith('/oapi') : path.source.includes('oapi');
    this.inject(
      oapi
        ? { path, times, errcode: 90018, message: '当前企业内应用调用该接口超过限流阈值' }
        : { path, times, status: 403, code: 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi' },
    );
  }

  /** While down, every OpenAPI call (not the stream gateway) answers 503. */
  down(on: boolean): void {
    this.isDown = on;
  }

  get downNow(): boolean {
    return this.isDown;
  }

  /** The next `n` gateway registrations answer 503. */
  failGateway(n: number): void {
    this.gatewayFailures += n;
  }

  takeGatewayFailure(): boolean {
    if (this.gatewayFailures <= 0) return false;
    this.gatewayFailures--;
    return true;
  }

  /** Fails a share of the calls at random from now on (scripted rules still come first); undefined stops it. */
  randomly(r: RandomFaults | undefined): void {
    this.random = r;
  }

  private pickRandom(path: string): FaultRule | undefined {
    const r = this.random;
    if (!r || r.faults.length === 0 || (r.path ? !r.path.test(path) : path.startsWith('/v1.0/gateway/')) || r.rng() >= r.rate) return undefined;
    const f = r.faults[Math.floor(r.rng() * r.faults.length)]!;
    const key = f.label ?? (f.hang ? 'hang' : String(f.status ?? f.errcode ?? 'delay'));
    this.randomInjected.set(key, (this.randomInjected.get(key) ?? 0) + 1);
    return { ...f, path };
  }

  /** Finds and consumes the first rule matching this call (or draws a random fault). */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        (!r.method || r.method.toUpperCase() === method) &&
        (typeof r.path === 'string' ? path.startsWith(r.path) : r.path.test(path)),
    );
    if (!rule) return this.pickRandom(path);
    rule.remaining--;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule;
  }

  clear(): void {
    this.rules = [];
    this.random = undefined;
    this.isDown = false;
    this.gatewayFailures = 0;
    this.eventsAgain = 0;
  }
}
