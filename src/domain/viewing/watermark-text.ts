import { formatHkTime } from './hk-time.js';

/** Who is looking (and at what kind of document): printed on every page of what they are shown. */
export interface ViewerStamp {
  /** Display name; may be Chinese, English or both, e.g. `陳大文 Dr CHAN Tai-man`. */
  name: string;
  /** Medical Council (or other board) registration number, when known. */
  registrationNo?: string;
  institution: string;
  /**
   * The document's type in the viewer's language (`Lab result`, `化驗結果`), on the footer line; never
   * its title (titles are mini-app only). Absent for items without a type (burn messages).
   */
  documentType?: string;
}

/** The strings a stamp draws; built once per render, shared by every page. */
export interface WatermarkText {
  /** Diagonal tile, first line: who. */
  tileTop: string;
  /** Diagonal tile, second line: where, when, which view. */
  tileBottom: string;
  /** One small line at the foot of each page with everything. */
  footer: string;
}

const MAX_FIELD = 80;

/**
 * Keeps a field printable: drops control and format characters (a bidi override could make the
 * stamp read differently from what it contains), folds whitespace, caps the length.
 */
export function cleanField(value: string): string {
  const flat = value
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...flat];
  return chars.length > MAX_FIELD ? chars.slice(0, MAX_FIELD - 1).join('') + '…' : flat;
}

export function buildWatermarkText(viewer: ViewerStamp, at: Date | number, traceCode: string): WatermarkText {
  const name = cleanField(viewer.name) || 'Unknown viewer';
  const reg = viewer.registrationNo ? cleanField(viewer.registrationNo) : '';
  const institution = cleanField(viewer.institution);
  const time = formatHkTime(at);
  const trace = cleanField(traceCode);
  const type = viewer.documentType ? cleanField(viewer.documentType) : '';
  const who = reg ? `${name} · ${reg}` : name;
  const where = [institution, time, trace].filter(Boolean).join(' · ');
  return {
    tileTop: who,
    tileBottom: where,
    footer: `Confidential · ${type ? `${type} · ` : ''}Viewed by ${who}${institution ? `, ${institution}` : ''} · ${time} · Trace ${trace}`,
  };
}
