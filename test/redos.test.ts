import { describe, expect, it } from "vitest";
import { LEADING_ADDRESS } from "../knowledge/bounce/blocks.ts";
import { ANY_HEADER_LINE } from "../knowledge/bounce/notice-headers.ts";
import { CODE_LED, NAMING_SENTENCE, RCPT_LINE } from "../knowledge/formats/generic.ts";
import { ANCHOR as ADDRESS_ANCHOR, ROMAN_ANCHOR } from "../knowledge/pii/address.ts";
import { NUMBER_RULES } from "../knowledge/pii/numbers.ts";
import { DATE_AT, DATE_BEFORE } from "../knowledge/pii/person.ts";
import { SECRET_EN, SECRET_JA } from "../knowledge/pii/secret.ts";
import { SEPARATORS } from "../knowledge/symptom-text.ts";
import { type RegexScan, scanFolders, scanSource, type Verdict, verdictsOf } from "./support/regex-scan.ts";

/**
 * Every regular expression in the code that runs on users' text must be linear-time on 5,000 characters of
 * anything: one message that backtracks stalls every other user of the instance (issue #12: a 5,000
 * character line of "/" took 29 s). recheck proves it for each regex literal and each RegExp built at run
 * time; "unknown" (recheck gave up) fails like "vulnerable" does.
 *
 * When this fails on your pattern: bound the repeats ({0,64} instead of *), keep two neighbouring repeats
 * from matching the same characters ("[^\s@]+@" instead of "\S+@"), drop a "$" after ".*" on a line, or
 * scan by hand (knowledge/bounce/text.ts has small helpers).
 */

const FOLDERS = ["bot", "dialogs", "knowledge", "platform", "simulator"];

/**
 * RegExps built at run time, by the site that builds them ("file#the const or function it sits in"). A new
 * `new RegExp(…)` must be listed here with the object it builds, so the pattern that runs is the one checked.
 */
const BUILT: Record<string, readonly RegExp[]> = {
  "knowledge/bounce/blocks.ts#LEADING_ADDRESS": [LEADING_ADDRESS],
  "knowledge/bounce/notice-headers.ts#ANY_HEADER_LINE": [ANY_HEADER_LINE],
  "knowledge/formats/generic.ts#CODE_LED": [CODE_LED],
  "knowledge/formats/generic.ts#NAMING_SENTENCE": [NAMING_SENTENCE],
  "knowledge/formats/generic.ts#RCPT_LINE": [RCPT_LINE],
  "knowledge/pii/numbers.ts#NUMBER_RULES": NUMBER_RULES.map((r) => r.pattern),
  "knowledge/pii/secret.ts#SECRET_JA": [SECRET_JA],
  "knowledge/pii/secret.ts#SECRET_EN": [SECRET_EN],
  "knowledge/pii/address.ts#ANCHOR": [ADDRESS_ANCHOR],
  "knowledge/pii/address.ts#ROMAN_ANCHOR": [ROMAN_ANCHOR],
  "knowledge/pii/person.ts#DATE_AT": [DATE_AT],
  "knowledge/pii/person.ts#DATE_BEFORE": [DATE_BEFORE],
  "knowledge/symptom-text.ts#SEPARATORS": [SEPARATORS],
};

/**
 * Patterns recheck flags that only ever see bounded input: each with its bound, where the bound is
 * enforced, and what it costs there. Reviewed by hand; keep it short. A pattern that sees a user's text
 * unbounded does not belong here, however unlikely the attack looks. `where` is the file of a literal or
 * the BUILT site of a built one.
 */
const BOUNDED: readonly { where: string; pattern: string; bound: string; enforcedAt: string }[] = [
  {
    // A window of 60 characters after each verb, then a 64-character local part: linear with a constant
    // recheck's fuzzer cannot see past. 0.06 ms on 2,000 characters of "reach<to" (the attack it reports).
    where: "knowledge/formats/generic.ts#NAMING_SENTENCE",
    pattern: NAMING_SENTENCE.source,
    bound: "one line of at most 2,000 characters; at most 80 lines per mail",
    enforcedAt:
      "noticeLines → linesOf (knowledge/bounce/text.ts) cuts every line; namedRecipient (generic.ts) reads the first 80",
  },
];

/** The pattern dialogs/text-kind.ts ran on every message until issue #12: cubic on a run of "/". */
const OLD_TECHNICAL_TOKEN = /\S*[.@/=:]\S*[A-Za-z0-9]\S*/g;

function describeVerdict(where: string, v: Verdict): string {
  const attack = v.attack ? `, e.g. ${v.attack.slice(0, 80)}` : "";
  return `${where} /${v.pattern}/${v.flags}: ${v.status} (${v.summary}${attack})`;
}

describe("the checker", () => {
  it("flags the technical-token pattern that froze the bot", async () => {
    const [v] = await verdictsOf([{ pattern: OLD_TECHNICAL_TOKEN.source, flags: OLD_TECHNICAL_TOKEN.flags }]);
    expect(v!.status).toBe("vulnerable");
    expect(v!.summary).toMatch(/polynomial|exponential/);
  });

  it("passes the hand scan's kind of pattern", async () => {
    const [v] = await verdictsOf([{ pattern: "^[245]\\.\\d{1,3}\\.\\d{1,3}$", flags: "" }]);
    expect(v!.status).toBe("safe");
  });

  it("finds a literal and a built RegExp in source, with the name the construction is bound to", () => {
    const scan = scanSource(
      "dialogs/example.ts",
      [
        "const TOKEN = /\\S*[.@/=:]\\S*[A-Za-z0-9]\\S*/g;",
        "function words(list: string[]) {",
        '  const any = new RegExp(list.join("|"), "i");',
        "  return RegExp(any.source);",
        "}",
      ].join("\n"),
    );
    expect(scan.literals).toEqual([
      { file: "dialogs/example.ts", line: 1, pattern: OLD_TECHNICAL_TOKEN.source, flags: "g" },
    ]);
    expect(scan.constructions.map((c) => [c.site, c.line])).toEqual([
      ["dialogs/example.ts#any", 3],
      ["dialogs/example.ts#words", 4],
    ]);
  });
});

describe("every regular expression in bot/, dialogs/, knowledge/, platform/, simulator/", () => {
  const scan: RegexScan = scanFolders(process.cwd(), FOLDERS);

  it("found the code's regexes (the scan reads the right folders)", () => {
    expect(scan.literals.length).toBeGreaterThan(200);
    expect(scan.literals.some((l) => l.file.startsWith("simulator/page/") && l.file.endsWith(".js"))).toBe(
      true,
    );
  });

  it("builds RegExps only where the test knows the pattern that is built", () => {
    const sites = new Set(scan.constructions.map((c) => c.site));
    const unlisted = scan.constructions
      .filter((c) => !(c.site in BUILT))
      .map((c) => `${c.file}:${c.line} (${c.site}): export what it builds and list it in BUILT`);
    const stale = Object.keys(BUILT).filter((site) => !sites.has(site));
    expect(unlisted).toEqual([]);
    expect(stale).toEqual([]);
  });

  const checked = [
    ...scan.literals.map((l) => ({
      where: l.file,
      line: `${l.file}:${l.line}`,
      pattern: l.pattern,
      flags: l.flags,
    })),
    ...Object.entries(BUILT).flatMap(([site, list]) =>
      list.map((re) => ({ where: site, line: site, pattern: re.source, flags: re.flags })),
    ),
  ];
  const allowed = new Set(BOUNDED.map((b) => `${b.where} ${b.pattern}`));

  it("lists only bounded patterns that still exist", () => {
    const present = new Set(checked.map((c) => `${c.where} ${c.pattern}`));
    expect(BOUNDED.filter((b) => !present.has(`${b.where} ${b.pattern}`))).toEqual([]);
  });

  it("are linear-time (recheck), literals and built ones", { timeout: 600_000 }, async () => {
    const rest = checked.filter((c) => !allowed.has(`${c.where} ${c.pattern}`));
    const verdicts = await verdictsOf(rest);
    const failed = verdicts
      .map((v, i) => (v.status === "safe" ? "" : describeVerdict(rest[i]!.line, v)))
      .filter(Boolean);
    expect(failed).toEqual([]);
  });
});
