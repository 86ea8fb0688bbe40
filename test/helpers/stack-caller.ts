/**
 * The first stack frame outside node_modules, node's own code and the file `self` (the capture asking):
 * who ran a statement, relative to the checkout (src/… for the service's own), if the stack still shows it.
 */
export function firstCaller(self: string): string | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const root = `${process.cwd()}/`;
  for (const m of stack.matchAll(/(?:\(|at )(?:file:\/\/)?(\/[^():]+):\d+:\d+\)?$/gm)) {
    const file = m[1]!;
    if (!file.includes('/node_modules/') && !file.endsWith(`/${self}`) && !file.endsWith('/stack-caller.ts')) return file.startsWith(root) ? file.slice(root.length) : file;
  }
  return undefined;
}
