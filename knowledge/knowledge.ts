import { existsSync, readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { trimRuns } from "./bounce/text.ts";
import { type CodeMeanings, loadCodes } from "./codes.ts";
import { type Claim, checkTopicClaims, loadClaims } from "./consistency.ts";
import { DataFileError, loadDataFile } from "./data-file.ts";
import {
  carriersSchema,
  type FixedBy,
  linksSchema,
  type Resend,
  symptomsSchema,
  topicSchema,
} from "./knowledge-schema.ts";
import { compilePhrase, foldSymptomText, occursIn, PhraseLists } from "./symptom-text.ts";
import { TOPIC_IDS, type TopicId } from "./types.ts";

/**
 * The assistant's advice as data: texts, links, carriers and symptom phrases live in knowledge/data/ so
 * support staff can edit them without touching code (see knowledge/data/README.md). Everything is
 * validated when loaded; a mistake stops the start with a DataFileError naming the file and the field.
 */

export type Lang = "ja" | "en";
export interface Localized {
  ja: string;
  en: string;
}
export interface LocalizedList {
  ja: string[];
  en: string[];
}
export interface Link {
  id: string;
  label: Localized;
  url: string;
}
/** A follow-up question offered after the diagnosis. */
export interface FollowUp {
  /** Stable; [a-z0-9-]+. */
  id: string;
  /** Quick-reply label, ≤ 20 graphemes in both languages. */
  label: Localized;
  /** The reply text when tapped (short, concrete). */
  answer: Localized;
  steps?: LocalizedList;
  /** Ids from links.yaml. */
  links?: string[];
  /** true: the dialog continues with the carrier picker. */
  carriers?: boolean;
}
export interface Topic {
  id: TopicId;
  /** Bubble header, ≤ 40 graphemes. */
  title: Localized;
  /** Symptom-menu quick-reply label, ≤ 20 graphemes. */
  menuLabel: Localized;
  /** What it means: 1–3 short sentences. */
  summary: Localized;
  /** What to do: 2–5 concrete steps. */
  steps: LocalizedList;
  resend: Resend;
  /** Who has to act (the user, the recipient, ...): what the texts' claims are checked against. */
  fixedBy: FixedBy;
  /** Example bounce lines as servers write them. */
  examples: string[];
  /** 0–4. */
  followUps: FollowUp[];
  /** Ids from links.yaml. */
  links: string[];
}
export interface Carrier {
  id: string;
  name: Localized;
  /** e.g. docomo.ne.jp; subdomains match too. */
  domains: string[];
  /** Words users type for this carrier besides its name (ahamo for docomo), so a follow-up naming it gets its steps. */
  typed?: string[];
  /** How the RECIPIENT allows our sender's address/domain. */
  allowSteps: LocalizedList;
}
/**
 * A symptom in words nobody listed (symptoms.yaml): a word of every group of `all` in a typed text and none
 * of `unless` (「写真をつけると戻ってくる」: a photo word and a coming-back word → "too big").
 */
export interface SymptomClass {
  all: string[][];
  unless?: string[];
  /** Only where the text retells what a returned mail said (「…って書いてあった」). */
  retold?: boolean;
}
export interface Knowledge {
  topics: ReadonlyMap<TopicId, Topic>;
  links: ReadonlyMap<string, Link>;
  carriers: readonly Carrier[];
  symptoms: readonly { topic: TopicId; phrases: string[]; classes?: SymptomClass[] }[];
  /** What texts may claim, for the consistency check (claims.yaml). */
  claims: readonly Claim[];
  /** What status and reply codes mean, in a few words (codes.yaml). */
  codes: CodeMeanings;
}

/** Links the dialogs refer to by id; the data must define them. */
export const REQUIRED_LINKS = ["qa-community", "virus-info", "returned-mail-page"] as const;

const DEFAULT_DIR = fileURLToPath(new URL("./data/", import.meta.url));
const MIN_NEEDLE = 2;

export function loadKnowledge(dir: string = DEFAULT_DIR): Knowledge {
  const links = loadLinks(join(dir, "links.yaml"));
  const claims = loadClaims(join(dir, "claims.yaml"));
  const topics = loadTopics(join(dir, "topics"), links, claims);
  const carriers = loadCarriers(join(dir, "carriers.yaml"));
  const symptoms = loadSymptoms(join(dir, "symptoms.yaml"), topics);
  const codes = loadCodes(join(dir, "codes.yaml"));
  return { topics, links, carriers, symptoms, claims, codes };
}

function loadLinks(file: string): Map<string, Link> {
  const data = loadDataFile(file, linksSchema);
  for (const id of REQUIRED_LINKS)
    if (!(id in data)) throw new DataFileError(file, id, "is missing: the assistant needs this link");
  return new Map(Object.entries(data).map(([id, link]) => [id, { id, ...link }]));
}

function checkLinkIds(file: string, field: string, ids: readonly string[], links: ReadonlyMap<string, Link>) {
  ids.forEach((id, i) => {
    if (!links.has(id))
      throw new DataFileError(file, `${field}.${i}`, `"${id}" is not a link id in links.yaml`);
  });
}

function loadTopics(
  topicsDir: string,
  links: ReadonlyMap<string, Link>,
  claims: readonly Claim[],
): Map<TopicId, Topic> {
  if (!existsSync(topicsDir)) throw new DataFileError(topicsDir, "", "folder is missing");
  const loaded = new Map<string, Topic>();
  for (const name of readdirSync(topicsDir).sort()) {
    if (name.startsWith(".")) continue;
    const file = join(topicsDir, name);
    const id = basename(name, extname(name));
    if (extname(name) !== ".yaml" || !(TOPIC_IDS as readonly string[]).includes(id))
      throw new DataFileError(
        file,
        "",
        `only <topic-id>.yaml files belong here; topic ids: ${TOPIC_IDS.join(", ")}`,
      );
    const topic = loadDataFile(file, topicSchema);
    if (topic.id !== id)
      throw new DataFileError(file, "id", `is "${topic.id}" but the file name says "${id}"`);
    checkLinkIds(file, "links", topic.links, links);
    const seen = new Set<string>();
    topic.followUps.forEach((followUp, i) => {
      if (seen.has(followUp.id))
        throw new DataFileError(file, `followUps.${i}.id`, `"${followUp.id}" is used twice in this topic`);
      seen.add(followUp.id);
      checkLinkIds(file, `followUps.${i}.links`, followUp.links ?? [], links);
    });
    checkTopicClaims(topic, file, claims);
    loaded.set(id, topic);
  }
  const topics = new Map<TopicId, Topic>();
  for (const id of TOPIC_IDS) {
    const topic = loaded.get(id);
    if (!topic)
      throw new DataFileError(
        join(topicsDir, `${id}.yaml`),
        "",
        "is missing: every topic id needs its own file",
      );
    topics.set(id, topic);
  }
  return topics;
}

function loadCarriers(file: string): Carrier[] {
  const carriers = Object.entries(loadDataFile(file, carriersSchema)).map(([id, c]) => ({ id, ...c }));
  const owner = new Map<string, string>();
  for (const carrier of carriers)
    carrier.domains.forEach((domain, i) => {
      const other = owner.get(domain);
      if (other)
        throw new DataFileError(
          file,
          `${carrier.id}.domains.${i}`,
          `"${domain}" is already listed under ${other}`,
        );
      owner.set(domain, carrier.id);
    });
  return carriers;
}

function loadSymptoms(file: string, topics: ReadonlyMap<TopicId, Topic>): Knowledge["symptoms"] {
  const data = loadDataFile(file, symptomsSchema);
  const neededBy = new Map<string, string>();
  const exampleLines = [...topics.values()].flatMap((t) =>
    t.examples.map((line) => ({ topic: t.id, line, folded: foldSymptomText(line) })),
  );
  const symptoms: Knowledge["symptoms"][number][] = [];
  for (const [topic, entries] of Object.entries(data)) {
    if (!topics.has(topic as TopicId))
      throw new DataFileError(file, topic, `is not a topic id; topic ids: ${TOPIC_IDS.join(", ")}`);
    const phrases: string[] = [];
    const classes: SymptomClass[] = [];
    entries.forEach((phrase, i) => {
      const field = `${topic}.${i}`;
      if (typeof phrase !== "string") {
        // A class's words are looked for only together (dialogs/understand/symptom-classes.ts), in typed text.
        for (const word of [...phrase.all.flat(), ...(phrase.unless ?? [])])
          if (foldSymptomText(word) === "")
            throw new DataFileError(
              file,
              field,
              `"${word}" has no letters to match (punctuation is ignored)`,
            );
        classes.push(phrase);
        return;
      }
      phrases.push(phrase);
      const compiled = compilePhrase(phrase);
      if ([...compiled.needle].length < MIN_NEEDLE)
        throw new DataFileError(file, field, `"${phrase}" is too short to match safely; write a few words`);
      const earlier = neededBy.get(compiled.needle);
      if (earlier) throw new DataFileError(file, field, `"${phrase}" matches the same words as ${earlier}`);
      neededBy.set(compiled.needle, `"${phrase}" (${topic})`);
      // Symptoms are users' own words. A phrase that matches another topic's bounce line would override
      // the classifier on an ordinary paste, so it is refused here.
      const clash = exampleLines.find(
        (example) => example.topic !== topic && occursIn(example.folded, compiled),
      );
      if (clash)
        throw new DataFileError(
          file,
          field,
          `"${phrase}" also matches the bounce line "${clash.line}" of topic ${clash.topic}; use the user's own words`,
        );
    });
    symptoms.push({ topic: topic as TopicId, phrases, ...(classes.length > 0 ? { classes } : {}) });
  }
  return symptoms;
}

/**
 * The consistency check again, now with the resend verdict line each topic's answer shows (it lives in
 * ui.yaml `diagnosis.resend`, outside this module's files): run where the two meet, by
 * `npm run check:knowledge` and at start-up (bot/render).
 */
export function checkResendLines(
  knowledge: Knowledge,
  lines: Readonly<Record<Resend, Localized>>,
  hiddenFor: readonly TopicId[],
  dir: string = DEFAULT_DIR,
): void {
  for (const topic of knowledge.topics.values()) {
    const shown = !hiddenFor.includes(topic.id);
    checkTopicClaims(
      topic,
      join(dir, "topics", `${topic.id}.yaml`),
      knowledge.claims,
      shown ? { text: lines[topic.resend], from: `ui.yaml diagnosis.resend.${topic.resend}` } : undefined,
    );
  }
}

/** The carrier whose mail domain this is: "docomo.ne.jp", "x.docomo.ne.jp", "@docomo.ne.jp" or a full address. */
export function carrierOf(knowledge: Knowledge, domain: string): Carrier | undefined {
  const name = domain.normalize("NFKC").trim().toLowerCase().split("@").at(-1)!;
  const host = trimRuns(name, ".", "end");
  if (!host) return undefined;
  let best: { carrier: Carrier; length: number } | undefined;
  for (const carrier of knowledge.carriers)
    for (const d of carrier.domains)
      if ((host === d || host.endsWith(`.${d}`)) && d.length > (best?.length ?? 0))
        best = { carrier, length: d.length };
  return best?.carrier;
}

const compiledSymptoms = new WeakMap<Knowledge["symptoms"], { topics: TopicId[]; lists: PhraseLists }>();

/**
 * The topic the user's own words describe (「送った覚えがないのに大量に届く」 → "backscatter"), or undefined.
 * Topics are tried in the order of symptoms.yaml; the first with a matching phrase wins.
 */
export function matchSymptom(knowledge: Knowledge, text: string): TopicId | undefined {
  let compiled = compiledSymptoms.get(knowledge.symptoms);
  if (!compiled) {
    compiled = {
      topics: knowledge.symptoms.map(({ topic }) => topic),
      lists: new PhraseLists(knowledge.symptoms.map(({ phrases }) => phrases.map(compilePhrase))),
    };
    compiledSymptoms.set(knowledge.symptoms, compiled);
  }
  return compiled.topics[compiled.lists.firstIn(foldSymptomText(text))];
}

/** A copy of the knowledge with one link's url replaced (QA_COMMUNITY_URL overrides `qa-community`). */
export function withLinkUrl(knowledge: Knowledge, id: string, url: string): Knowledge {
  const link = knowledge.links.get(id);
  if (!link) throw new Error(`withLinkUrl: no link "${id}" in links.yaml`);
  if (!URL.canParse(url) || new URL(url).protocol !== "https:")
    throw new Error(`withLinkUrl: the url for "${id}" must be a full https:// address`);
  const links = new Map(knowledge.links);
  links.set(id, { ...link, url });
  return { ...knowledge, links };
}
