import { DataFileError, loadDataFile } from "./data-file.ts";
import { claimsSchema, type FixedBy, type Resend } from "./knowledge-schema.ts";
import { type CompiledPhrase, foldSymptomText } from "./symptom-text.ts";

/**
 * One topic must not say two things that cannot both be true: 「あなたの側で直すところはありません」 next to
 * 「送り直し：原因を直してから…」 leaves the user not knowing what to do. What texts assert is data
 * (claims.yaml: phrases, and the topics each claim can be true for); every topic declares who has to act
 * (`fixedBy`) and its verdict on resending (`resend`). The check, in this order:
 * 1. two claims of one topic that fit no topic together contradict each other;
 * 2. a claim must fit the topic's own declaration.
 * Every refusal quotes the phrases and names the fields, for the support staff who edit the texts.
 */

type Lang = "ja" | "en";
type Localized = Record<Lang, string>;
type Lists = { ja: readonly string[]; en: readonly string[] };
/** The parts of a topic (knowledge.ts) that hold texts and declarations. */
interface TopicData {
  title: Localized;
  menuLabel: Localized;
  summary: Localized;
  steps: Lists;
  followUps: readonly { label: Localized; answer: Localized; steps?: Lists | undefined }[];
  resend: Resend;
  fixedBy: FixedBy;
}

export interface Claim {
  id: string;
  /** What the claim says, in the words of an error message ("the user has nothing to fix"). */
  means: string;
  fits: { fixedBy?: readonly FixedBy[]; resend?: readonly Resend[] };
  phrases: Record<Lang, CompiledPhrase[]>;
}

/** Exact phrases (no verb-ending folding, unlike symptoms): a claim is worded, not guessed. */
function compileExact(phrase: string): CompiledPhrase {
  const needle = foldSymptomText(phrase);
  return { phrase, needle, wordStart: /^[a-z0-9]/.test(needle), ending: 0 };
}

export function loadClaims(file: string): Claim[] {
  return Object.entries(loadDataFile(file, claimsSchema)).map(([id, c]) => ({
    id,
    means: c.means,
    fits: c.fits,
    phrases: { ja: c.ja.map(compileExact), en: c.en.map(compileExact) },
  }));
}

/** One text of a topic: its field path ("steps.2") and, for texts from elsewhere, where it lives. */
interface Field {
  field: string;
  text: Localized;
  from?: string;
}

/** The resend verdict line shown under the topic's advice (ui.yaml), unless the topic hides it. */
export interface ResendLine {
  text: Localized;
  /** e.g. "ui.yaml diagnosis.resend.after-fix" */
  from: string;
}

function fieldsOf(topic: TopicData, resendLine: ResendLine | undefined): Field[] {
  const listed = (prefix: string, list: Lists) =>
    list.ja.map((ja, i) => ({ field: `${prefix}.${i}`, text: { ja, en: list.en[i] ?? "" } }));
  return [
    { field: "title", text: topic.title },
    { field: "menuLabel", text: topic.menuLabel },
    { field: "summary", text: topic.summary },
    ...listed("steps", topic.steps),
    ...topic.followUps.flatMap((f, i) => [
      { field: `followUps.${i}.label`, text: f.label },
      { field: `followUps.${i}.answer`, text: f.answer },
      ...(f.steps ? listed(`followUps.${i}.steps`, f.steps) : []),
    ]),
    ...(resendLine ? [{ field: "resend", text: resendLine.text, from: resendLine.from }] : []),
  ];
}

interface Found {
  claim: Claim;
  field: Field;
  lang: Lang;
  phrase: string;
}

/** Where a phrase occurs in a folded text (start, end), English phrases only at a word start. */
function spansOf(folded: string, p: CompiledPhrase): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = folded.indexOf(p.needle); at !== -1; at = folded.indexOf(p.needle, at + 1))
    if (!p.wordStart || at === 0 || !/[a-z0-9]/.test(folded[at - 1]!)) spans.push([at, at + p.needle.length]);
  return spans;
}

/**
 * The claims each text makes. Where one claim's phrase lies inside another's ("send it again" inside "no
 * need to send it again"), the longer phrase is what the text says.
 */
function find(fields: Field[], claims: readonly Claim[]): Found[] {
  const found: Found[] = [];
  for (const field of fields)
    for (const lang of ["ja", "en"] as const) {
      const folded = foldSymptomText(field.text[lang]);
      const hits = claims.flatMap((claim) =>
        claim.phrases[lang].flatMap((p) =>
          spansOf(folded, p).map(([from, to]) => ({ claim, phrase: p.phrase, from, to })),
        ),
      );
      const inside = (h: (typeof hits)[number]) =>
        hits.some(
          (o) => o.claim !== h.claim && o.from <= h.from && h.to <= o.to && o.to - o.from > h.to - h.from,
        );
      for (const hit of hits.filter((h) => !inside(h)))
        if (!found.some((f) => f.field === field && f.lang === lang && f.claim === hit.claim))
          found.push({ claim: hit.claim, field, lang, phrase: hit.phrase });
    }
  return found;
}

/** Whether some topic declaration fits both claims. */
function compatible(a: Claim, b: Claim): boolean {
  const overlap = <T>(x: readonly T[] | undefined, y: readonly T[] | undefined) =>
    !x || !y || x.some((v) => y.includes(v));
  return overlap(a.fits.fixedBy, b.fits.fixedBy) && overlap(a.fits.resend, b.fits.resend);
}

const where = (f: Found) =>
  f.field.from
    ? `the resend line (${f.field.from}) says 「${f.phrase}」`
    : `${f.field.field}.${f.lang} says 「${f.phrase}」`;

/** What each text of a topic claims: for tests and for anyone asking why the check refused a text. */
export function claimsMade(
  topic: TopicData,
  claims: readonly Claim[],
  resendLine?: ResendLine,
): { claim: string; field: string; lang: Lang; phrase: string }[] {
  return find(fieldsOf(topic, resendLine), claims).map((f) => ({
    claim: f.claim.id,
    field: f.field.field,
    lang: f.lang,
    phrase: f.phrase,
  }));
}

/**
 * Refuses a topic whose texts contradict each other or its own `fixedBy` / `resend`, with a
 * DataFileError naming `file`. `resendLine`: the verdict line shown with the topic (checked with it).
 */
export function checkTopicClaims(
  topic: TopicData,
  file: string,
  claims: readonly Claim[],
  resendLine?: ResendLine,
): void {
  const found = find(fieldsOf(topic, resendLine), claims);

  for (const [i, a] of found.entries())
    for (const b of found.slice(i + 1))
      if (a.claim !== b.claim && !compatible(a.claim, b.claim))
        throw new DataFileError(
          file,
          b.field.field,
          `contradicts another text of this topic: ${where(a)} (${a.claim.means}), but ${where(b)} (${b.claim.means}). Both cannot be true: change one of them`,
        );

  for (const f of found) {
    const { fixedBy, resend } = f.claim.fits;
    const misfit =
      fixedBy && !fixedBy.includes(topic.fixedBy)
        ? `fixedBy: ${topic.fixedBy} (claim "${f.claim.id}" in claims.yaml fits fixedBy ${fixedBy.join(", ")})`
        : resend && !resend.includes(topic.resend)
          ? `resend: ${topic.resend} (claim "${f.claim.id}" in claims.yaml fits resend ${resend.join(", ")})`
          : undefined;
    if (misfit)
      throw new DataFileError(
        file,
        f.field.from ? "resend" : `${f.field.field}.${f.lang}`,
        `${where(f)}, that is: ${f.claim.means}. That does not fit this topic's ${misfit}`,
      );
  }
}
