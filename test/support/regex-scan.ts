import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseSync } from "oxc-parser";
import { check, type Diagnostics } from "recheck";

/**
 * Finds every regular expression in the source and asks recheck whether its backtracking can blow up
 * (test/redos.test.ts). Literals are read from the syntax tree; a `new RegExp(…)` / `RegExp(…)` is
 * reported as a site by the name it is bound to, since its pattern only exists at run time.
 */

export interface RegexLiteral {
  file: string;
  line: number;
  pattern: string;
  flags: string;
}

export interface RegexConstruction {
  file: string;
  line: number;
  /** The variable or function the construction sits in: "knowledge/bounce/text.ts#ADDRESS". */
  site: string;
}

export interface RegexScan {
  literals: RegexLiteral[];
  constructions: RegexConstruction[];
}

const SOURCE = /\.(?:ts|js|mjs)$/;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") yield* sourceFiles(path);
    } else if (SOURCE.test(entry.name)) {
      yield path;
    }
  }
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

/** The name a node binds or declares, if it is a declaration the site can be named after. */
function declaredName(node: Node): string | undefined {
  if (node.type === "VariableDeclarator" || node.type === "FunctionDeclaration") {
    const id = node.id as Node | null;
    return id?.type === "Identifier" ? String(id.name) : undefined;
  }
  return undefined;
}

function isRegExpConstruction(node: Node): boolean {
  if (node.type !== "NewExpression" && node.type !== "CallExpression") return false;
  const callee = node.callee as Node;
  return callee.type === "Identifier" && callee.name === "RegExp";
}

/** Scans source text; `file` is the name reported (and tells the parser TS from JS). */
export function scanSource(file: string, text: string): RegexScan {
  const parsed = parseSync(file, text);
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const scan: RegexScan = { literals: [], constructions: [] };
  const visit = (node: Node, names: readonly string[]): void => {
    const regex = node.regex as { pattern: string; flags: string } | undefined;
    if (node.type === "Literal" && regex) {
      scan.literals.push({ file, line: lineOf(node.start), pattern: regex.pattern, flags: regex.flags });
    }
    if (isRegExpConstruction(node)) {
      const site = `${file}#${names.at(-1) ?? "(top level)"}`;
      scan.constructions.push({ file, line: lineOf(node.start), site });
    }
    const name = declaredName(node);
    const inner = name ? [...names, name] : names;
    for (const [key, value] of Object.entries(node)) {
      if (key === "parent") continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item, inner);
      } else if (isNode(value)) {
        visit(value, inner);
      }
    }
  };
  visit(parsed.program as unknown as Node, []);
  return scan;
}

/** Every regex in the given folders (paths reported relative to `root`). */
export function scanFolders(root: string, folders: readonly string[]): RegexScan {
  const all: RegexScan = { literals: [], constructions: [] };
  for (const folder of folders) {
    for (const path of sourceFiles(join(root, folder))) {
      const found = scanSource(relative(root, path), readFileSync(path, "utf8"));
      all.literals.push(...found.literals);
      all.constructions.push(...found.constructions);
    }
  }
  return all;
}

export interface Verdict {
  pattern: string;
  flags: string;
  /** recheck's status; "unknown" (it gave up, e.g. a timeout) is not a pass. */
  status: Diagnostics["status"];
  /** "linear", "2nd degree polynomial", "exponential", or why it is unknown. */
  summary: string;
  /** For a vulnerable pattern: an input that shows it, as recheck writes it. */
  attack?: string;
}

/**
 * How long recheck may think about one pattern. The slowest safe pattern here takes ~4 s alone (a long
 * case-insensitive alternation builds a big automaton); the margin is for a loaded machine.
 */
export const CHECK_TIMEOUT_MS = 30_000;

export async function verdictOf(pattern: string, flags: string): Promise<Verdict> {
  const d = await check(pattern, flags, { timeout: CHECK_TIMEOUT_MS });
  if (d.status === "safe") return { pattern, flags, status: d.status, summary: d.complexity.summary };
  if (d.status === "vulnerable") {
    return { pattern, flags, status: d.status, summary: d.complexity.summary, attack: d.attack.pattern };
  }
  return { pattern, flags, status: d.status, summary: `${d.error.kind}` };
}

/**
 * Safe verdicts are kept between runs in the system's temporary folder, keyed by recheck's version and the
 * exact pattern and flags: a pattern that changes is checked again, one that did not costs nothing (the
 * whole set takes recheck ~30 s on two cores). A clean machine (CI) checks everything. REDOS_CACHE=0 turns
 * it off.
 */
const CACHE =
  process.env.REDOS_CACHE === "0"
    ? undefined
    : join(
        tmpdir(),
        `bounce-bot-redos-${createRequire(import.meta.url)("recheck/package.json").version}.json`,
      );

function readCache(): Set<string> {
  if (!CACHE || !existsSync(CACHE)) return new Set();
  try {
    return new Set(JSON.parse(readFileSync(CACHE, "utf8")) as string[]);
  } catch {
    return new Set(); // a half-written or foreign file: check again
  }
}

function writeCache(safe: Set<string>): void {
  if (!CACHE) return;
  const part = `${CACHE}.${process.pid}`;
  writeFileSync(part, JSON.stringify([...safe].sort()));
  renameSync(part, CACHE); // atomic: parallel runs never read half a file
}

/**
 * Verdicts for many patterns, a few at a time: recheck's native checker runs requests in parallel, and
 * all at once on two cores pushes the big automata past their timeout. Its fuzzer is time-boxed too (how
 * long an attack may run), so on a loaded machine it can call a pattern vulnerable or give up where it
 * would not alone: such verdicts are checked again alone, and only a repeated one stands.
 */
export async function verdictsOf(
  patterns: readonly { pattern: string; flags: string }[],
  parallel = Math.max(1, Math.min(4, availableParallelism())),
): Promise<Verdict[]> {
  const keyOf = (p: { pattern: string; flags: string }) => `/${p.pattern}/${p.flags}`;
  const safe = readCache();
  const done = new Map<string, Verdict>();
  const todo = new Map<string, { pattern: string; flags: string }>();
  for (const p of patterns) {
    const key = keyOf(p);
    if (safe.has(key)) done.set(key, { ...p, status: "safe", summary: "safe (checked before)" });
    else todo.set(key, p);
  }
  const queue = [...todo.entries()];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      done.set(next[0], await verdictOf(next[1].pattern, next[1].flags));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  for (const [key, v] of done) {
    if (v.status === "unknown" || (v.status === "vulnerable" && v.summary.includes("fuzz"))) {
      done.set(key, await verdictOf(v.pattern, v.flags));
    }
    if (done.get(key)!.status === "safe") safe.add(key);
  }
  if (todo.size > 0) writeCache(safe);
  return patterns.map((p) => done.get(keyOf(p))!);
}
