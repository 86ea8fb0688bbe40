/**
 * Guideline links by lexicon entry (config/clinical/guidelines.json): which published guideline a
 * problem or medication on a case points to, for a case's key points (never for chat). Loaded at the
 * first use, like the lexicon.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DomainError } from '../../shared/errors.js';
import { projectPath } from '../../shared/paths.js';

export const GUIDELINES_FILE = projectPath('config', 'clinical', 'guidelines.json');

const source = z.strictObject({
  title: z.string().min(1),
  url: z.url({ protocol: /^https$/ }),
  publisher: z.string().min(1),
  reference: z.string().min(1),
  year: z.number().int().min(1990).max(2100).optional(),
  /** `guideline`: the guideline's own page; `fact-sheet` / `index`: a publisher page pointing to it (see `note`). */
  kind: z.enum(['guideline', 'fact-sheet', 'index']),
  note: z.string().optional(),
});

const guidelineFile = z
  .strictObject({
    version: z.string().min(1),
    about: z.string(),
    sources: z.record(z.string(), source),
    /** Lexicon entry id (e.g. `dx.atrial-fibrillation`, `drug.warfarin`) → source ids. */
    links: z.record(z.string(), z.array(z.string()).min(1)),
  })
  .superRefine((f, ctx) => {
    for (const [entry, refs] of Object.entries(f.links)) {
      for (const r of refs) if (!(r in f.sources)) ctx.addIssue({ code: 'custom', message: `${entry}: unknown source ${r}` });
    }
  });

export type GuidelineFile = z.infer<typeof guidelineFile>;
export type GuidelineSource = z.infer<typeof source> & { id: string };

export interface GuidelineLinks {
  readonly version: string;
  /** The guidelines for these lexicon entries, each once, in the order first met. */
  forEntries(entries: Iterable<string>): GuidelineSource[];
  /** Every entry id that has a link (for the lexicon check). */
  entries(): string[];
}

export function parseGuidelines(json: string): GuidelineFile {
  const parsed = guidelineFile.safeParse(JSON.parse(json));
  if (!parsed.success) throw new DomainError('config.invalid', `guidelines.json refused: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The guideline table, read at the first call. */
export function createGuidelineLinks(read: () => string = () => readFileSync(GUIDELINES_FILE, 'utf8')): GuidelineLinks {
  let file: GuidelineFile | undefined;
  const get = () => (file ??= parseGuidelines(read()));
  return {
    get version() {
      return get().version;
    },
    forEntries(entries) {
      const f = get();
      const out = new Map<string, GuidelineSource>();
      for (const e of entries) for (const id of f.links[e] ?? []) if (!out.has(id)) out.set(id, { id, ...f.sources[id]! });
      return [...out.values()];
    },
    entries: () => Object.keys(get().links),
  };
}
