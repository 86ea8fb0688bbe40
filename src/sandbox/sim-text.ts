/**
 * What a person would read in the DingTalk client for each kind of outgoing message. Tests assert on
 * this text, so it joins every visible part (titles, bodies, button labels) with newlines.
 */

type Obj = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const join = (parts: Array<string | undefined>): string => parts.filter((p) => p !== undefined).join('\n');

/** Button labels of the sampleActionCardN / webhook actionCard families. */
function buttonLabels(p: Obj): string[] {
  const keys = Object.keys(p)
    .filter((k) => /^(actionTitle|buttonTitle)\d+$/.test(k) || k === 'singleTitle')
    .sort();
  const fromKeys = keys.map((k) => str(p[k])).filter((s): s is string => s !== undefined);
  const btns = Array.isArray(p.btns) ? (p.btns as Obj[]).map((b) => str(b.title)) : [];
  return [...fromKeys, ...btns.filter((s): s is string => s !== undefined)];
}

/** Text of a robot API message (`msgKey` + parsed `msgParam`). */
export function textOfMsgParam(msgKey: string, p: Obj): string {
  switch (msgKey) {
    case 'sampleText':
      return str(p.content) ?? '';
    case 'sampleMarkdown':
    case 'sampleLink':
      return join([str(p.title), str(p.text)]);
    case 'sampleImageMsg':
      return '[image]';
    case 'sampleFile':
      return `[file] ${str(p.fileName) ?? ''}`.trim();
    case 'sampleAudio':
      return '[audio]';
    case 'sampleVideo':
      return '[video]';
    default:
      // sampleActionCard, sampleActionCard2…6
      return join([str(p.title), str(p.text), ...buttonLabels(p)]);
  }
}

/** Text of a session-webhook body (custom-robot format). */
export function textOfWebhook(body: Obj): string {
  const kind = str(body.msgtype) ?? '';
  const part = (body[kind] ?? {}) as Obj;
  switch (kind) {
    case 'text':
      return str(part.content) ?? '';
    case 'markdown':
    case 'link':
      return join([str(part.title), str(part.text)]);
    case 'actionCard':
      return join([str(part.title), str(part.text), ...buttonLabels(part)]);
    case 'feedCard':
      return join(Array.isArray(part.links) ? (part.links as Obj[]).map((l) => str(l.title)) : []);
    default:
      return '';
  }
}

/** Text of a card: its public string values in key order (cards carry no free-form body). */
export function textOfCardData(map: Record<string, string>): string {
  return join(Object.values(map).map(str));
}
