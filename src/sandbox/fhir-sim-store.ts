/**
 * The in-memory resource store behind the simulated FHIR endpoint: ids, versions, identifier search
 * (token `system|value`, with FHIR's `\|` escaping) and conditional create (If-None-Exist).
 */
export type SimResource = { resourceType: string; id?: string; meta?: unknown; [k: string]: unknown };

type Ident = { system?: unknown; value?: unknown };

export const outcome = (code: string, diagnostics: string, severity = 'error') => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity, code, diagnostics }],
});

/** Splits `system|value` at the first unescaped `|` and unescapes the value. */
export function parseToken(token: string): { system?: string; value: string } {
  const m = /^((?:[^|\\]|\\.)*)\|(.*)$/.exec(token);
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  return m ? { system: unescape(m[1]!), value: unescape(m[2]!) } : { value: unescape(token) };
}

function identifiersOf(r: SimResource): Ident[] {
  const list = Array.isArray(r.identifier) ? (r.identifier as Ident[]) : [];
  const master = r.masterIdentifier as Ident | undefined;
  return master ? [master, ...list] : list;
}

export function createSimStore(now: () => number) {
  const byType = new Map<string, Map<string, SimResource>>();
  let seq = 1000;
  const table = (type: string) => byType.get(type) ?? byType.set(type, new Map()).get(type)!;

  function searchIdentifier(type: string, token: string): SimResource[] {
    const { system, value } = parseToken(token);
    return [...table(type).values()].filter((r) =>
      identifiersOf(r).some((i) => i.value === value && (system === undefined || system === '' || i.system === system)),
    );
  }

  function insert(resource: SimResource): SimResource {
    const stored = { ...resource, id: String(++seq), meta: { versionId: '1', lastUpdated: new Date(now()).toISOString() } };
    table(resource.resourceType).set(stored.id, stored);
    return stored;
  }

  return {
    insert,
    get: (type: string, id: string) => table(type).get(id),
    all: (type: string) => [...table(type).values()],
    searchIdentifier,
    /** Resources whose `subject` (or `patient`) reference is `ref` (e.g. `Patient/1001`). */
    bySubject: (type: string, ref: string) =>
      [...table(type).values()].filter((r) => ((r.subject ?? r.patient) as { reference?: unknown } | undefined)?.reference === ref),

    /**
     * If-None-Exist (FHIR R4 §3.1.0.8.1): no match creates (201), one match returns it (200),
     * several matches are 412. Only the `identifier` parameter is understood, as that is all we send.
     */
    conditionalCreate(resource: SimResource, ifNoneExist: string | undefined): { status: 200 | 201 | 412; resource?: SimResource } {
      const token = ifNoneExist ? new URLSearchParams(ifNoneExist).get('identifier') : null;
      if (token === null) return { status: 201, resource: insert(resource) };
      const found = searchIdentifier(resource.resourceType, token);
      if (found.length > 1) return { status: 412 };
      if (found.length === 1) return { status: 200, resource: found[0] };
      return { status: 201, resource: insert(resource) };
    },

    searchset(resources: SimResource[], count: number) {
      return {
        resourceType: 'Bundle',
        type: 'searchset',
        total: resources.length,
        entry: resources.slice(0, count).map((r) => ({ resource: r, search: { mode: 'match' } })),
      };
    },
  };
}

export type SimStore = ReturnType<typeof createSimStore>;
