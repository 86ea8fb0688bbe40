import type { TermMatch } from '../clinical/clinical-normaliser.js';
import { dueDateIn } from './hk-dates.js';
import type { MdtSummary, MdtSummaryAction, MdtTerm } from './mdt-meeting.js';

/** The summary's sections a transcript line can belong to. */
export type MinutesSection = 'decisions' | 'actions' | 'problems' | 'medications' | 'notes';

/**
 * Section headings, English and Chinese (繁/简): a line that is one of these (with or without a colon,
 * a leading `#`, number or bullet) starts that section; `Heading: text` puts the text in it too.
 */
export const SECTION_KEYWORDS: Record<Exclude<MinutesSection, 'notes'>, readonly string[]> = {
  decisions: ['decisions', 'decision', 'conclusions', 'conclusion', 'plan', 'outcome', 'outcomes', '決定', '决定', '決議', '决议', '結論', '结论', '計劃', '计划'],
  actions: ['actions', 'action items', 'action', 'follow-up', 'follow up', 'follow-ups', 'todo', 'to do', 'tasks', '跟進', '跟进', '行動', '行动', '待辦', '待办', '跟進事項', '跟进事项'],
  problems: ['problems', 'problem list', 'problem', 'issues', 'diagnoses', 'diagnosis', '問題', '问题', '診斷', '诊断', '主要問題', '主要问题'],
  medications: ['medications', 'medication', 'medicines', 'drugs', 'meds', '藥物', '药物', '用藥', '用药'],
};

/** Everything the pre-fill needs to know besides the text: who may own actions, and the lexicon. */
export interface PrefillContext {
  /** The meeting's participants with every name they go by (Chinese, English, DingTalk's). */
  people: readonly { id: string; names: readonly string[] }[];
  /** The meeting's time: dates without a year fall on or after it. */
  meetingAt: number;
  normalise: (text: string) => readonly TermMatch[];
}

const BULLET = /^\s*(?:[-*•·‧●▪]|\d{1,2}[.)、]|[（(]?\d{1,2}[)）]|[一二三四五六七八九十]+[、.])\s*/;
const HEADING_MARK = /^\s*#{1,6}\s*|\*\*/g;
const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

/** Which section a line opens, and what follows the heading on the same line (empty for a heading alone). */
export function headingOf(line: string): { section: Exclude<MinutesSection, 'notes'>; rest: string } | null {
  const bare = line.replace(HEADING_MARK, '').replace(BULLET, '');
  const m = /^([^:：]{1,24})[:：]\s*(.*)$/.exec(bare);
  const head = fold(m ? m[1]! : bare).replace(/[\s【】[\]]+$/u, '').replace(/^[【[]/u, '');
  for (const [section, words] of Object.entries(SECTION_KEYWORDS) as [Exclude<MinutesSection, 'notes'>, readonly string[]][]) {
    if (words.includes(head)) return { section, rest: m ? m[2]!.trim() : '' };
  }
  return null;
}

/**
 * The structured summary pre-filled from a transcript by rules — section keywords, @-names of the
 * participants, dates, and the clinical lexicon. No language model: the same text always gives the
 * same summary, and a participant edits it before it goes for sign-off.
 */
export function prefillSummary(transcript: string, ctx: PrefillContext): MdtSummary {
  const out: MdtSummary = { decisions: [], actions: [], problems: [], medications: [], notes: [] };
  let section: MinutesSection = 'notes';
  for (const raw of transcript.split(/\r?\n/)) {
    const heading = headingOf(raw);
    if (heading) section = heading.section;
    const line = (heading ? heading.rest : raw.replace(HEADING_MARK, '').replace(BULLET, '')).trim();
    if (line.length === 0) continue;
    if (section === 'actions') out.actions.push(actionFrom(line, ctx));
    else if (section === 'problems' || section === 'medications') out[section].push(...termsFrom(line, section, ctx));
    else out[section].push(line);
  }
  return out;
}

/** The participant named first by `@Name` in a line (longest name first), or null. */
export function ownerIn(line: string, people: PrefillContext['people']): { id: string; mention: string } | null {
  const names = people.flatMap((p) => p.names.filter((n) => n.trim().length > 0).map((n) => ({ id: p.id, name: n.trim() })));
  names.sort((a, b) => b.name.length - a.name.length);
  const lower = line.normalize('NFKC').toLowerCase();
  for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
    const after = lower.slice(at + 1);
    const hit = names.find((n) => after.startsWith(n.name.normalize('NFKC').toLowerCase()));
    if (hit) return { id: hit.id, mention: line.slice(at, at + 1 + hit.name.length) };
  }
  return null;
}

function actionFrom(line: string, ctx: PrefillContext): MdtSummaryAction {
  const owner = ownerIn(line, ctx.people);
  const due = dueDateIn(line, ctx.meetingAt);
  const text = owner ? line.replace(owner.mention, '').replace(/^[\s,，:：]+/u, '').trim() : line;
  return { text: text.length > 0 ? text : line, ownerId: owner?.id ?? null, dueAt: due?.at ?? null };
}

const KINDS: Record<'problems' | 'medications', readonly string[]> = { problems: ['diagnosis', 'symptom'], medications: ['drug'] };

/**
 * Each item of a problem or medication line (split on commas and semicolons), with the lexicon entry
 * it names when the lexicon knows it; an item the lexicon does not know stays as written, never dropped.
 */
function termsFrom(line: string, section: 'problems' | 'medications', ctx: PrefillContext): MdtTerm[] {
  return line
    .split(/[,，;；、]/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((item) => {
      const m = ctx.normalise(item).find((t) => KINDS[section].includes(t.kind) && t.score >= 0.8);
      return { text: item, entry: m?.entry ?? null, canonical: m?.canonical ?? null };
    });
}
