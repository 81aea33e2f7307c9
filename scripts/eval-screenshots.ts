/**
 * npm run --silent eval:screenshots -- DIR [DIR…] [--ocr-cache CACHE] [--misses] [--wrong]
 *
 * Where a screenshot loses against the same text pasted. DIR is a half written by
 * `npm run screenshots:bounces -- OUT --corpus ../shared/corpus/sisimai-dev --fragments` (OUT/dev or
 * OUT/held-out: images + labels.tsv, and text/ with the same fragments as text); several are scored
 * together (the same half drawn with --shift 3 and 5: each fragment in two variants). For every image:
 * - OCR (the route OCR_ENGINE picks), its TSV kept in CACHE when given, so a change to the layout,
 *   cleaning or classifier is re-scored in seconds (the cache holds text only, never an image);
 * - classified as `npm run classify` does, and the pasted fragment too, each twice: with everything on,
 *   and without the readers written for the mail's family (family-readers.ts: "-reader", the family as
 *   if unseen, as most of a hidden set's families are);
 * - the tokens of the pasted text that the OCR text lacks: reply codes, status codes, addresses.
 * Reported by family kind (a reader exists or not) and by image variant (theme, format, scale).
 * --wrong lists every screenshot whose reason or topic (all readers on) differs from its label, with the
 * OCR text as cleaned, for the dev half only (the held-out half is scored by its totals).
 * Only sets drawn with Japanese fonts are scored: DIR/fonts.txt (written by screenshots:bounces, which
 * refuses to draw without fonts-noto-cjk) must be there; older sets drew Japanese as boxes.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { findAddresses } from "../knowledge/bounce/text.ts";
import { classify } from "../knowledge/classify.ts";
import { setHoldout } from "../knowledge/holdout.ts";
import { ocrSettings } from "../knowledge/ocr/engine.ts";
import { chooseEngine, type OcrChoice, textOfTsv } from "../knowledge/ocr/reader.ts";
import { topicOf } from "../knowledge/topic-of-reason.ts";
import type { BounceRecord, DsnAction, Reason } from "../knowledge/types.ts";
import { FAMILY_READERS, familyOf } from "./family-readers.ts";

interface Row {
  /** The image's path. */
  image: string;
  /** The same fragment as text (DIR/text/NAME.txt). */
  text: string;
  name: string;
  family: string;
  reason: string;
  status: string;
  action: string;
}

interface Verdict {
  reason: string;
  topic: string;
}

/** Why DIR is no test set, or undefined: it must say it was drawn with fonts-noto-cjk (its fonts.txt). */
function notDrawnWithFonts(dir: string): string | undefined {
  const file = join(dir, "fonts.txt");
  if (!existsSync(file))
    return `${dir} has no fonts.txt: it was drawn before screenshots:bounces checked its Japanese font (boxes, most likely). Draw it again.`;
  const line = readFileSync(file, "utf8").trim();
  return /Noto Sans CJK JP/.test(line) && !/NOT fonts-noto-cjk/.test(line)
    ? undefined
    : `${dir} was not drawn with fonts-noto-cjk (${line}). Draw it again with the fonts installed.`;
}

/** The rows of DIR/labels.tsv; `image` is the image's path. */
function readRows(dir: string): Row[] {
  return readFileSync(join(dir, "labels.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t"))
    .filter(([file, idx, reason]) => file && idx === "1" && reason && reason !== "(unknown)")
    .map(([image, , reason, status, , action]) => {
      const name = image!.replace(/\.(?:light|dark)\.\w+\.(?:png|jpg)$/, "");
      return {
        image: join(dir, image!),
        text: join(dir, "text", `${name}.txt`),
        name,
        family: familyOf(`${name}.eml`),
        reason: reason!,
        status: status ?? "",
        action: action ?? "",
      };
    });
}

function expectedTopic(row: Row): string {
  return row.reason === "(none)"
    ? "(none)"
    : topicOf(row.reason as Reason, row.action as DsnAction, row.status);
}

function verdictOf(records: readonly BounceRecord[]): Verdict {
  const r = records[0];
  return r ? { reason: r.reason, topic: r.topic } : { reason: "(none)", topic: "(none)" };
}

/** OCR every image (two at a time), its TSV from the cache when there. */
async function ocrAll(rows: readonly Row[], cache: string | undefined): Promise<Map<string, string>> {
  const engine = chooseEngine((process.env.OCR_ENGINE ?? "auto") as OcrChoice);
  if (!engine) throw new Error("no OCR engine installed");
  const settings = JSON.stringify({ route: engine.route, ...ocrSettings() });
  if (cache) mkdirSync(cache, { recursive: true });
  const tsv = new Map<string, string>();
  const queue = [...rows];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const image = new Uint8Array(readFileSync(row.image));
      const key = createHash("sha256").update(settings).update(image).digest("hex").slice(0, 32);
      const cached = cache ? join(cache, `${key}.tsv`) : undefined;
      if (cached && existsSync(cached)) {
        tsv.set(row.image, readFileSync(cached, "utf8"));
        continue;
      }
      const text = await engine.read(image, 120_000).catch(() => "");
      if (cached && text) writeFileSync(cached, text);
      tsv.set(row.image, text);
    }
  };
  await Promise.all([worker(), worker()]);
  await engine.close();
  return tsv;
}

/** Classifies each text with the family's readers on (all) and off (-reader). */
async function verdicts(rows: readonly Row[], texts: ReadonlyMap<string, string>) {
  const all = new Map<string, Verdict>();
  const unseen = new Map<string, Verdict>();
  const byFamily = new Map<string, Row[]>();
  for (const r of rows) byFamily.set(r.family, [...(byFamily.get(r.family) ?? []), r]);
  for (const [family, list] of byFamily) {
    for (const [holdout, out] of [
      [[], all],
      [FAMILY_READERS[family] ?? [], unseen],
    ] as const) {
      setHoldout(holdout, []);
      for (const row of list)
        out.set(
          row.image,
          verdictOf((await classify(texts.get(row.image) ?? "", { kind: "fragment" })).records),
        );
    }
  }
  setHoldout([], []);
  return { all, unseen };
}

const CODE_TOKENS = /(?<![\w.])(?:[245]\d\d(?![\w.])|[245]\.\d{1,3}\.\d{1,3}(?![\w.]))/g;

/** Codes and addresses of the pasted text, and how many of them the OCR text has as well. */
function tokenLoss(paste: string, ocr: string): { total: number; lost: string[] } {
  const squash = (s: string) => s.replace(/\s+/g, "").toLowerCase();
  const have = squash(ocr);
  const tokens = [...new Set([...(paste.match(CODE_TOKENS) ?? []), ...findAddresses(paste)])];
  return { total: tokens.length, lost: tokens.filter((t) => !have.includes(squash(t))) };
}

/** The kinds of line a screenshot can lose, each tested on the pasted line (a line may be of several). */
const LINE_KINDS: readonly (readonly [string, RegExp])[] = [
  ["reply code", /(?<![\w.])[245]\d\d(?![\w.])/],
  ["status code", /(?<![\w.])[245]\.\d{1,3}\.\d{1,3}(?![\w.])/],
  ["address", /@/],
  ["dashes", /-{3}|={3}|_{3}/],
  ["japanese", /[\u3040-\u30ff\u4e00-\u9fff]/],
  ["over 40 characters (wraps)", /^.{41}/],
];

/**
 * The pasted text's lines of 6 or more characters the OCR text lacks (blanks and case ignored), per
 * variant and per kind of line: which part of a fragment the screenshot loses, verdict or not.
 */
function lineLoss(
  rows: readonly Row[],
  pasted: ReadonlyMap<string, string>,
  ocr: ReadonlyMap<string, string>,
) {
  const squash = (s: string) => s.replace(/\s+/g, "").toLowerCase();
  // Fixed order, so two runs' reports line up.
  const tally = new Map<string, [number, number]>(
    [
      "all lines",
      ...["light", "dark", "png", "jpeg", "2x", "3x"],
      ...LINE_KINDS.map(([k]) => k),
      "other",
    ].map((k, i) => [i === 0 ? k : `  ${k}`, [0, 0]]),
  );
  const count = (key: string, lost: boolean) => {
    const t = tally.get(key) ?? [0, 0];
    t[0]++;
    if (lost) t[1]++;
    tally.set(key, t);
  };
  for (const r of rows) {
    const have = squash(ocr.get(r.image) ?? "");
    const [, theme, scale, ext] = /\.(light|dark)\.(\w+)\.(png|jpg)$/.exec(r.image) ?? [];
    for (const line of (pasted.get(r.image) ?? "").split("\n")) {
      const s = squash(line);
      if (s.length < 6) continue;
      const lost = !have.includes(s);
      for (const v of ["all lines", `  ${theme}`, `  ${ext === "jpg" ? "jpeg" : ext}`, `  ${scale}`])
        count(v, lost);
      const kinds = LINE_KINDS.filter(([, re]) => re.test(line)).map(([k]) => k);
      for (const k of kinds.length > 0 ? kinds : ["other"]) count(`  ${k}`, lost);
    }
  }
  return tally;
}

const pct = (n: number, d: number) => (d === 0 ? "    -" : ((100 * n) / d).toFixed(1).padStart(5));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const dirs = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--ocr-cache");
  if (dirs.length === 0) {
    process.stderr.write(
      "usage: npm run --silent eval:screenshots -- DIR [DIR…] [--ocr-cache CACHE] [--misses] [--wrong]\n",
    );
    process.exit(2);
  }
  if (args.includes("--wrong") && dirs.some((d) => basename(d.replace(/\/+$/, "")) === "held-out")) {
    process.stderr.write("--wrong lists the dev half only: the held-out half is scored by its totals\n");
    process.exit(2);
  }
  const refused = dirs.map(notDrawnWithFonts).filter((why) => why !== undefined);
  if (refused.length > 0) {
    process.stderr.write(`${refused.join("\n")}\n`);
    process.exit(2);
  }
  const rows = dirs.flatMap(readRows);
  const tsv = await ocrAll(rows, value("--ocr-cache"));
  const ocrText = new Map(rows.map((r) => [r.image, textOfTsv(tsv.get(r.image) ?? "")]));
  const pasted = new Map(rows.map((r) => [r.image, readFileSync(r.text, "utf8")]));
  const shot = await verdicts(rows, ocrText);
  const paste = await verdicts(rows, pasted);

  // Fixed order, so two runs' reports line up.
  const groups = new Map<string, Row[]>(
    [
      "all",
      "families with a reader",
      "families without one",
      "  light",
      "  dark",
      "  png",
      "  jpeg",
      "  2x",
      "  3x",
    ].map((g) => [g, []]),
  );
  const add = (g: string, r: Row) => groups.get(g)?.push(r);
  for (const r of rows) {
    add("all", r);
    add(FAMILY_READERS[r.family] ? "families with a reader" : "families without one", r);
    const [, theme, scale, ext] = /\.(light|dark)\.(\w+)\.(png|jpg)$/.exec(r.image) ?? [];
    add(`  ${theme}`, r);
    add(`  ${ext === "jpg" ? "jpeg" : ext}`, r);
    add(`  ${scale}`, r);
  }
  const ok = (m: Map<string, Verdict>, r: Row, what: keyof Verdict) =>
    m.get(r.image)?.[what] === (what === "reason" ? r.reason : expectedTopic(r));
  const out = [
    `# ${dirs.join(" ")}: ${rows.length} screenshots (first recipient of each); reason / topic agreement in %`,
    "",
    `${"rows".padEnd(26)}    n   screenshot   pasted     -reader: screenshot  pasted`,
  ];
  for (const [g, list] of groups) {
    const cell = (m: Map<string, Verdict>) =>
      `${pct(list.filter((r) => ok(m, r, "reason")).length, list.length)}/${pct(list.filter((r) => ok(m, r, "topic")).length, list.length).trim()}`;
    out.push(
      `${g.padEnd(26)}${String(list.length).padStart(5)}  ${cell(shot.all)}  ${cell(paste.all)}   ${cell(shot.unseen)}  ${cell(paste.unseen)}`,
    );
  }

  // Where the screenshot loses: the pasted text right, the screenshot not.
  let tokens = 0;
  const lostTokens: string[] = [];
  const losses: string[] = [];
  const gains: string[] = [];
  for (const r of rows) {
    const loss = tokenLoss(pasted.get(r.image)!, ocrText.get(r.image)!);
    tokens += loss.total;
    lostTokens.push(...loss.lost);
    const [s, p] = [ok(shot.unseen, r, "reason"), ok(paste.unseen, r, "reason")];
    const line = `${basename(r.image)}\t${r.reason}: pasted ${paste.unseen.get(r.image)?.reason}, screenshot ${shot.unseen.get(r.image)?.reason}${loss.lost.length ? `\tOCR lost ${loss.lost.join(" ")}` : ""}`;
    if (p && !s) losses.push(line);
    if (s && !p) gains.push(line);
  }
  out.push(
    "",
    `codes and addresses of the pasted text missing from the OCR text: ${lostTokens.length}/${tokens}`,
    `-reader: pasted right, screenshot wrong: ${losses.length}; the other way: ${gains.length}`,
  );
  let topicLost = 0;
  let topicGained = 0;
  for (const r of rows) {
    const [s, p] = [ok(shot.all, r, "topic"), ok(paste.all, r, "topic")];
    if (p && !s) topicLost++;
    if (s && !p) topicGained++;
  }
  out.push(
    `topic, all readers on: pasted right, screenshot wrong: ${topicLost}; the other way: ${topicGained}`,
  );
  out.push("", "pasted lines (6+ characters) missing from the OCR text, blanks and case ignored:");
  for (const [key, [n, lost]] of lineLoss(rows, pasted, ocrText))
    out.push(`${key.padEnd(30)}${String(lost).padStart(5)} of ${String(n).padStart(5)}  ${pct(lost, n)} %`);
  if (args.includes("--misses")) {
    out.push("", "lost:", ...losses.map((l) => `  ${l}`), "", "gained:", ...gains.map((l) => `  ${l}`));
    out.push("", "tokens lost:", `  ${lostTokens.join("  ")}`);
  }
  if (args.includes("--wrong")) {
    out.push("", "wrong, all readers on (label → screenshot), with the OCR text:");
    for (const r of rows) {
      if (ok(shot.all, r, "reason") && ok(shot.all, r, "topic")) continue;
      const v = shot.all.get(r.image);
      const got = v ? `${v.reason}/${v.topic}` : "(none)";
      out.push(
        "",
        `${basename(r.image)}\t${r.reason}/${expectedTopic(r)} → ${got}`,
        ocrText.get(r.image)!.trimEnd(),
      );
    }
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

await main();
