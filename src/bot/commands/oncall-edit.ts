import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { RosterShift } from '../../domain/rosters/roster-port.js';
import { assertMayEditRoster, rosterByWords, type RosterDeps, type RosterKey } from '../../usecases/rosters/roster-deps.js';
import { coverShift, swapShifts } from '../../usecases/rosters/swap-cover.js';
import { DAY_MS } from '../../shared/hk-wall-clock.js';
import { hkDateTime } from '../../shared/hk-time.js';
import { clinicianName } from '../format.js';
import type { BotContext } from '../context.js';
import { say } from '../i18n.js';
import { ROSTER_TEXTS as T } from '../texts/roster-texts.js';
import { levelWord, rosterName, rosterWords, specialtyAndCode, timeAfter } from './oncall-words.js';

type Deps = { rosters: RosterDeps };

const FROM = ['from', '由', '從', '从'];
const UNTIL = ['until', 'to', '至', '到'];
/** How far ahead `swap` looks for each colleague's next shift. */
const SWAP_HORIZON_MS = 60 * DAY_MS;

/** The roster named before the keywords, checked editable by the sender; undefined → the usage was replied. */
async function editableRoster(deps: Deps, ctx: BotContext, words: string[], usage: { en: string; zh: string }): Promise<RosterKey | undefined> {
  const named = specialtyAndCode(rosterWords(words, [...FROM, ...UNTIL]));
  if (!named) {
    await ctx.reply(say(ctx.lang, usage));
    return undefined;
  }
  const key = await rosterByWords(deps.rosters, named.code, named.specialty);
  await assertMayEditRoster(deps.rosters, ctx.actor!.clinician, key);
  return key;
}

/** The @-mentioned colleagues as directory rows, in mention order; undefined when one is unknown. */
async function mentioned(deps: Deps, ctx: BotContext): Promise<ClinicianRow[] | undefined> {
  const rows: ClinicianRow[] = [];
  for (const id of new Set(ctx.msg.mentionedUserIds)) {
    const row = await deps.rosters.directory.findByDingTalkId(id);
    if (!row) return undefined;
    rows.push(row);
  }
  return rows;
}

/**
 * `oncall cover cardiology QMH [second] @name [from 14:00] [until 20:00]`: the mentioned colleague takes
 * the first-call (or named level) shift running at `from` (default now), until `until` (default its end).
 */
export async function coverByChat(deps: Deps, ctx: BotContext, words: string[]): Promise<void> {
  const { lang } = ctx;
  const key = await editableRoster(deps, ctx, words, T.coverUsage);
  if (!key) return;
  const people = await mentioned(deps, ctx);
  if (!people) return ctx.reply(say(lang, T.unknownUser));
  if (people.length !== 1) return ctx.reply(say(lang, T.coverUsage));
  const now = deps.rosters.clock.now();
  const from = timeAfter(words, FROM, now) ?? now;
  const until = timeAfter(words, UNTIL, from);
  const level = levelWord(words.filter((w) => !w.startsWith('@'))) ?? 'first';
  const running = await deps.rosters.rosters.listRange({ institutionId: key.institution.id, specialty: key.specialty, from, to: from + 1 });
  const shift = running.find((s) => s.level === level && s.startsAt <= from);
  if (!shift) return ctx.reply(say(lang, T.noShiftNow, say(lang, T.level, level), rosterName(key.specialty, key.institution, lang)));
  const to = until ?? shift.endsAt;
  await coverShift(deps.rosters, ctx.actor!.clinician, { shiftId: shift.id, clinicianId: people[0]!.id, from, to });
  await ctx.reply(say(lang, T.covered, clinicianName(people[0]!), say(lang, T.level, level), hkDateTime(from), hkDateTime(to), rosterName(key.specialty, key.institution, lang)));
}

/** A colleague's current or next shift on this roster. */
async function nextShift(deps: Deps, key: RosterKey, clinicianId: string, now: number): Promise<RosterShift | undefined> {
  const ahead = await deps.rosters.rosters.listRange({ institutionId: key.institution.id, specialty: key.specialty, from: now, to: now + SWAP_HORIZON_MS });
  return ahead.find((s) => s.clinicianId === clinicianId);
}

/** `oncall swap cardiology QMH @a @b`: the two colleagues' current or next shifts on this roster exchange hands. */
export async function swapByChat(deps: Deps, ctx: BotContext, words: string[]): Promise<void> {
  const { lang } = ctx;
  const key = await editableRoster(deps, ctx, words, T.swapUsage);
  if (!key) return;
  const people = await mentioned(deps, ctx);
  if (!people) return ctx.reply(say(lang, T.unknownUser));
  if (people.length !== 2) return ctx.reply(say(lang, T.swapUsage));
  const now = deps.rosters.clock.now();
  const [a, b] = people as [ClinicianRow, ClinicianRow];
  const roster = rosterName(key.specialty, key.institution, lang);
  const sa = await nextShift(deps, key, a.id, now);
  if (!sa) return ctx.reply(say(lang, T.noNextShift, clinicianName(a), roster));
  const sb = await nextShift(deps, key, b.id, now);
  if (!sb) return ctx.reply(say(lang, T.noNextShift, clinicianName(b), roster));
  await swapShifts(deps.rosters, ctx.actor!.clinician, sa.id, sb.id);
  const span = (s: RosterShift) => `${hkDateTime(s.startsAt)} – ${hkDateTime(s.endsAt)}`;
  await ctx.reply(say(lang, T.swapped, clinicianName(a), span(sa), clinicianName(b), span(sb)));
}
