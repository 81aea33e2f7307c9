/**
 * npm run --silent eval:families -- [DIR] [--misses] [--strict]
 *
 * How well does the classifier do on an MTA family it has never seen? The dev folder is grouped into
 * families by file-name prefix (lhost-postfix, rhost-google, arf, ...). For each family the script
 * classifies its files three times:
 *   all      everything on (what `npm run eval` measures);
 *   -reader  without the formats and providers written for this family (FAMILY_READERS below);
 *   -own     also without the reason phrases that decided only this family's records in the full run
 *            (phrases that also decided another family's records stay on: they generalise).
 * The "-own" column approximates a family first met in production: no reader, and none of the
 * phrases that were added because of it. Phrases that helped only to pick signal lines are not
 * traced, so the estimate is a little optimistic. Rows labelled "(unknown)" are left out.
 *
 * --strict holds out every phrase that MATCHES only this family's records, not just the one that
 * decided: otherwise a general phrase that sorts before a specific one ("folder is full" before
 * "mailfolder is full") raises -own by itself, since the shadowed phrase stays on.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { classify } from "../knowledge/classify.ts";
import { setHoldout } from "../knowledge/holdout.ts";
import type { BounceRecord } from "../knowledge/types.ts";
import { FAMILY_READERS, familyOf, matchingFamilies } from "./family-readers.ts";
import { sharedPath } from "./shared-dir.ts";

interface Row {
  file: string;
  idx: number;
  reason: string;
}

function readLabels(dir: string): Row[] {
  return readFileSync(join(dir, "labels.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split("\t"))
    .filter(([, , reason]) => reason !== "(unknown)")
    .map(([file, idx, reason]) => ({ file: file!, idx: Number(idx), reason: reason! }));
}

function gotFor(row: Row, records: readonly BounceRecord[]): string {
  if (row.reason === "(none)") return records[0]?.reason ?? "(none)";
  return records[row.idx - 1]?.reason ?? "(none)";
}

/** The reason phrase a record was decided by ("phrase: mailbox ...full" → "mailbox …full"). */
function phraseOf(record: BounceRecord): string | undefined {
  const m = /^phrase: (.+)$/.exec(record.evidence);
  return m ? m[1]!.replace(/\.\.\./g, "…") : undefined;
}

async function run(dir: string, files: readonly string[]): Promise<Map<string, BounceRecord[]>> {
  const out = new Map<string, BounceRecord[]>();
  for (const f of files) out.set(f, (await classify(new Uint8Array(readFileSync(join(dir, f))))).records);
  return out;
}

function pct(n: number, d: number): string {
  return d === 0 ? "    -" : `${((100 * n) / d).toFixed(1).padStart(5)}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const showMisses = args.includes("--misses");
  const strict = args.includes("--strict");
  const dir = resolve(args.find((a) => !a.startsWith("--")) ?? sharedPath("corpus", "sisimai-dev"));
  const rows = readLabels(dir);
  const present = new Set(readdirSync(dir));
  const files = [...new Set(rows.map((r) => r.file))].filter((f) => present.has(f));
  const byFamily = new Map<string, Row[]>();
  for (const r of rows) {
    if (!present.has(r.file)) continue;
    const list = byFamily.get(familyOf(r.file)) ?? [];
    list.push(r);
    byFamily.set(familyOf(r.file), list);
  }

  setHoldout([], []);
  const full = await run(dir, files);
  // Which families each deciding phrase served.
  const phraseFamilies = new Map<string, Set<string>>();
  for (const [file, records] of full) {
    for (const r of records) {
      const p = phraseOf(r);
      if (!p) continue;
      const set = phraseFamilies.get(p) ?? new Set<string>();
      set.add(familyOf(file));
      phraseFamilies.set(p, set);
    }
  }

  // --strict: which families' records each phrase matches at all.
  const matchFamilies = strict ? matchingFamilies(full) : new Map<string, Set<string>>();
  const ownSource = strict ? matchFamilies : phraseFamilies;

  const lines: string[] = [];
  const missLines: string[] = [];
  const total = { rows: 0, all: 0, reader: 0, own: 0 };
  const unseen = { rows: 0, all: 0, reader: 0, own: 0 };
  for (const [family, list] of [...byFamily].sort((a, b) => a[0].localeCompare(b[0]))) {
    const famFiles = [...new Set(list.map((r) => r.file))];
    const readers = FAMILY_READERS[family] ?? [];
    const own = [...ownSource].filter(([, fams]) => fams.size === 1 && fams.has(family)).map(([p]) => p);
    setHoldout(readers, []);
    const withoutReader = await run(dir, famFiles);
    setHoldout(readers, own);
    const withoutOwn = await run(dir, famFiles);
    setHoldout([], []);
    const score = (res: Map<string, BounceRecord[]>) =>
      list.filter((r) => gotFor(r, res.get(r.file) ?? []) === r.reason).length;
    const [a, b, c] = [score(full), score(withoutReader), score(withoutOwn)];
    if (showMisses) {
      for (const r of list) {
        const rec = withoutOwn.get(r.file)?.[r.idx - 1];
        const got = gotFor(r, withoutOwn.get(r.file) ?? []);
        if (got !== r.reason)
          missLines.push(
            `  ${r.file}#${r.idx}\t${r.reason} → ${got}\t${rec ? `${rec.lhost}: ${rec.evidence} | ${rec.diagnosis.slice(0, 100)}` : ""}`,
          );
      }
    }
    for (const t of readers.length > 0 || own.length > 0 ? [total, unseen] : [total]) {
      t.rows += list.length;
      t.all += a;
      t.reader += b;
      t.own += c;
    }
    lines.push(
      `${family.padEnd(24)}${String(list.length).padStart(5)}  ${pct(a, list.length)}  ${pct(b, list.length)}  ${pct(c, list.length)}   ${readers.join(",") || "-"}${own.length ? `; ${own.length} own phrase${own.length > 1 ? "s" : ""}` : ""}`,
    );
  }

  // Readers written for one family that read another family's bounces (how far a reader carries).
  const ownReaders = new Set(Object.values(FAMILY_READERS).flat());
  let borrowed = 0;
  let borrowedRight = 0;
  for (const r of rows) {
    const rec = r.reason === "(none)" ? undefined : full.get(r.file)?.[r.idx - 1];
    if (!rec || !ownReaders.has(rec.lhost) || (FAMILY_READERS[familyOf(r.file)] ?? []).includes(rec.lhost))
      continue;
    borrowed++;
    if (rec.reason === r.reason) borrowedRight++;
  }

  const sharedDecisions = [...full.values()]
    .flat()
    .map(phraseOf)
    .filter((p): p is string => p !== undefined);
  const shared = sharedDecisions.filter((p) => (phraseFamilies.get(p)?.size ?? 0) > 1).length;

  console.log(
    [
      `# ${dir}: reason agreement per family, with and without what was written for it`,
      "",
      `${"family".padEnd(24)} rows    all  -reader   -own   held out`,
      ...lines,
      "",
      `all families:           ${String(total.rows).padStart(5)}  ${pct(total.all, total.rows)}  ${pct(total.reader, total.rows)}  ${pct(total.own, total.rows)}`,
      `families with own parts:${String(unseen.rows).padStart(5)}  ${pct(unseen.all, unseen.rows)}  ${pct(unseen.reader, unseen.rows)}  ${pct(unseen.own, unseen.rows)}`,
      "",
      `phrase decisions: ${sharedDecisions.length}; by a phrase that decided records of 2+ families: ${shared} (${pct(shared, sharedDecisions.length).trim()}%)`,
      `distinct deciding phrases: ${phraseFamilies.size}; used by one family only: ${[...phraseFamilies.values()].filter((s) => s.size === 1).length}`,
      `rows read by a reader written for another family: ${borrowed}; right: ${borrowedRight} (${pct(borrowedRight, borrowed).trim()}%)`,
      ...(showMisses ? ["", "misses without the family's own reader and phrases:", ...missLines] : []),
    ].join("\n"),
  );
}

await main();
