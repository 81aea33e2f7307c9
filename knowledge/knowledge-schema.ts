import { z } from "zod";
import { graphemeLength, LINE_LIMITS } from "../platform/line-limits.ts";
import { TOPIC_IDS } from "./types.ts";

/**
 * Shapes and per-field limits of the knowledge data files (knowledge/data/). Messages are written for
 * support staff: loadDataFile prefixes them with the file and the field path.
 * Cross-file rules (one file per topic, link ids that exist, ...) live in knowledge.ts. LINE's own limits
 * have one home, platform/line-limits.ts, which also counts labels in graphemes as LINE does.
 */

export const LIMITS = {
  /** Quick-reply labels (LINE's hard limit). */
  label: LINE_LIMITS.quickReplyLabel,
  /** Bubble header; also LINE's template title limit. */
  title: 40,
  /** Any other single text; well below LINE's 5000, so a reply of several parts still fits a phone screen. */
  text: 600,
  summarySentences: 3,
  steps: { min: 2, max: 5 },
  followUps: 4,
  emojiPerText: 1,
} as const;

const EMOJI = /\p{Extended_Pictographic}/gu;

/**
 * An object that refuses unknown fields, reporting each under its own name ("stpes": not a known field), so
 * the error points at the typo rather than at the whole file.
 */
function strict<T extends z.ZodRawShape>(shape: T, params?: Parameters<typeof z.looseObject>[1]) {
  return z.looseObject(shape, params).superRefine((value, ctx) => {
    for (const key of Object.keys(value))
      if (!Object.hasOwn(shape, key))
        ctx.addIssue({ code: "custom", path: [key], message: "is not a known field (check the spelling)" });
  });
}

/** Ends of sentences: 。！？, or . ! ? before a space or the end. The brand "Yahoo!" ends none. */
export function sentenceCount(text: string): number {
  const ends = text
    .trim()
    .replace(/Yahoo!/gi, "Yahoo")
    // A run counts once, from its first character: "(?<!…)" keeps the engine from retrying it mid-run.
    .match(/(?<![。！？])[。！？]+|(?<![.!?])[.!?]+(?=\s|$)/g);
  return Math.max(1, ends?.length ?? 0);
}

function text(maxGraphemes: number, what: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "is missing" : "must be text") })
    .refine((value) => value.trim().length > 0, { message: "must not be empty" })
    .refine((value) => graphemeLength(value) <= maxGraphemes, {
      error: (issue) =>
        `is ${graphemeLength(String(issue.input))} characters long; ${what} allow at most ${maxGraphemes}`,
    })
    .refine((value) => (value.match(EMOJI)?.length ?? 0) <= LIMITS.emojiPerText, {
      message: `has more than ${LIMITS.emojiPerText} emoji; keep it to one light emoji per text`,
    });
}

function missingOrNotLocalized(issue: { code?: string; input?: unknown }) {
  if (issue.code !== "invalid_type") return undefined;
  return issue.input === undefined ? "is missing" : "needs ja: and en:";
}

function localized(maxGraphemes: number = LIMITS.text, what = "texts") {
  return strict(
    { ja: text(maxGraphemes, what), en: text(maxGraphemes, what) },
    { error: missingOrNotLocalized },
  );
}

const summary = localized().superRefine((value, ctx) => {
  for (const lang of ["ja", "en"] as const) {
    const n = sentenceCount(value[lang]);
    if (n > LIMITS.summarySentences)
      ctx.addIssue({
        code: "custom",
        path: [lang],
        message: `has ${n} sentences; a summary has at most ${LIMITS.summarySentences} short ones`,
      });
  }
});

function localizedList(min: number, max: number, what: string) {
  const list = z
    .array(text(LIMITS.text, "texts"), {
      error: (i) => (i.input === undefined ? "is missing" : "must be a list"),
    })
    .min(min, { message: `needs at least ${min} ${what}` })
    .max(max, { message: `allows at most ${max} ${what}` });
  return strict({ ja: list, en: list }, { error: missingOrNotLocalized }).superRefine((value, ctx) => {
    if (value.ja.length !== value.en.length)
      ctx.addIssue({
        code: "custom",
        path: ["en"],
        message: `has ${value.en.length} ${what} but ja has ${value.ja.length}; both languages need the same number`,
      });
  });
}

export const ID_PATTERN = /^[a-z0-9-]+$/;
const id = z
  .string({ error: (issue) => (issue.input === undefined ? "is missing" : "must be text") })
  .regex(ID_PATTERN, { message: "may only use a-z, 0-9 and '-'" });
const linkIds = z.array(id, { error: "must be a list of link ids from links.yaml" });

const followUp = strict({
  id,
  label: localized(LIMITS.label, "quick-reply labels"),
  answer: localized(),
  steps: localizedList(1, LIMITS.steps.max, "steps").optional(),
  links: linkIds.optional(),
  carriers: z.boolean({ error: "must be true or false" }).optional(),
});

/**
 * The verdict on sending again (its line is in ui.yaml `diagnosis.resend`): after-fix once the user fixed
 * the cause; later after some time; new-address only to an address the recipient gives; no-need (still on
 * its way, or nothing failed); not-yours (the user never sent it).
 */
export const RESEND = ["after-fix", "later", "new-address", "no-need", "not-yours"] as const;
export type Resend = (typeof RESEND)[number];

/**
 * Who has to act before the problem is solved: the user (address, file, settings, own PC or account), the
 * recipient or their mail server, the ISP's sending server, time alone (the servers retry), nobody
 * (nothing failed), or unknown. The texts' claims are checked against it (knowledge/consistency.ts).
 */
export const FIXED_BY = ["you", "recipient", "isp", "time", "nobody", "unknown"] as const;
export type FixedBy = (typeof FIXED_BY)[number];

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? "is missing" : `must be one of ${values.join(", ")}`),
  });

export const topicSchema = strict({
  id: z.enum(TOPIC_IDS, {
    error: (issue) =>
      issue.input === undefined ? "is missing" : "is not a topic id listed in knowledge/types.ts",
  }),
  title: localized(LIMITS.title, "titles"),
  menuLabel: localized(LIMITS.label, "quick-reply labels"),
  summary,
  steps: localizedList(LIMITS.steps.min, LIMITS.steps.max, "steps"),
  resend: oneOf(RESEND),
  fixedBy: oneOf(FIXED_BY),
  examples: z.array(z.string().trim().min(1, { message: "must not be empty" }), { error: "must be a list" }),
  followUps: z
    .array(followUp, { error: "must be a list (write [] for none)" })
    .max(LIMITS.followUps, { message: `allows at most ${LIMITS.followUps} follow-ups` }),
  links: linkIds,
});

const httpsUrl = z
  .string({ error: (issue) => (issue.input === undefined ? "is missing" : "must be text") })
  .refine((value) => URL.canParse(value) && new URL(value).protocol === "https:" && !/\s/.test(value), {
    message: "must be a full https:// address",
  })
  .refine((value) => value.length <= LINE_LIMITS.uriLength, {
    message: `is longer than LINE's ${LINE_LIMITS.uriLength} characters for a link`,
  });

/** Messages for a top level that is not a mapping, or a key that is not an id; others keep their own. */
function entries(shape: string) {
  return (issue: { code?: string }) =>
    issue.code === "invalid_type"
      ? `must be entries like ${shape}`
      : issue.code === "invalid_key"
        ? "is not a valid id: use only a-z, 0-9 and '-'"
        : undefined;
}

/** links.yaml: `<id>: { label, url }`; the key is the link id. */
export const linksSchema = z.record(
  id,
  strict({ label: localized(LIMITS.label, "link labels"), url: httpsUrl }),
  { error: entries("<link-id>: { label, url }") },
);

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * carriers.yaml: `<id>: { name, domains, typed?, allowSteps }`; the order is the order of the carrier picker.
 * `typed`: words users type for the carrier besides its name (brands that keep its mail filters, kana).
 */
export const carriersSchema = z.record(
  id,
  strict({
    name: localized(LIMITS.label, "carrier names (they are quick-reply labels)"),
    domains: z
      .array(z.string().regex(DOMAIN, { message: "must be a lower-case domain such as docomo.ne.jp" }))
      .min(1, { message: "needs at least one domain" }),
    typed: z.array(z.string().trim().min(2).max(20)).optional(),
    allowSteps: localizedList(LIMITS.steps.min, LIMITS.steps.max, "steps"),
  }),
  { error: entries("<carrier-id>: { name, domains, allowSteps }") },
);

const symptomWords = z
  .array(z.string().trim().min(1, { message: "must not be empty" }), { error: "must be a list of words" })
  .min(1, { message: "needs at least one word" });
/**
 * A symptom told in words nobody listed (symptoms.yaml): a word of each group of `all` in the text (「写真」
 * and 「戻ってくる」), none of `unless`; with `retold`, only where the text retells what a mail said.
 */
export const symptomClassSchema = z
  .object({
    all: z.array(symptomWords, { error: "must be a list of word lists" }).min(2, {
      message: "needs at least two word lists (one list is a phrase)",
    }),
    unless: symptomWords.optional(),
    /** Only in a text that retells what a returned mail said (「…って書いてあった」「…って言われた」). */
    retold: z.boolean().optional(),
  })
  .strict();

/**
 * symptoms.yaml: `<topic-id>: [phrases]`, where an entry may also be a class of phrasings
 * (`{ all: [[words], [words]], unless: [words] }`); earlier topics win when several match.
 */
export const symptomsSchema = z.record(
  z.string(),
  z
    .array(z.union([z.string().trim().min(1, { message: "must not be empty" }), symptomClassSchema]), {
      error: "must be a list of phrases",
    })
    .min(1, { message: "needs at least one phrase" }),
  { error: entries("<topic-id>: [phrases]") },
);

/**
 * claims.yaml: `<claim-id>: { means, fits, ja, en }`. A claim is something a text asserts ("nothing to
 * fix on your side"); `fits` lists the topic declarations it can be true for; ja/en are phrases that make
 * the claim, matched like symptoms.yaml (width, case and kana do not matter).
 */
export const claimsSchema = z.record(
  id,
  strict({
    means: text(100, "descriptions"),
    fits: strict({
      fixedBy: z.array(oneOf(FIXED_BY)).min(1).optional(),
      resend: z.array(oneOf(RESEND)).min(1).optional(),
    }).refine((f) => f.fixedBy !== undefined || f.resend !== undefined, {
      message: "needs fixedBy or resend (or both): the topics this claim can be true for",
    }),
    ja: z.array(text(100, "phrases")).min(1, { message: "needs at least one phrase" }),
    en: z.array(text(100, "phrases")).min(1, { message: "needs at least one phrase" }),
  }),
  { error: entries("<claim-id>: { means, fits, ja, en }") },
);

/** How long the words after a code may be: a few words, not a sentence. */
const CODE_MEANING = 40;
/** A class answer (codes.yaml `classes`): what the code says and the next step, a short paragraph. */
const CODE_CLASS_ANSWER = 200;
const codeMeanings = (key: RegExp, shape: string) =>
  z.record(
    z.string().regex(key, { message: `is not a code like ${shape}` }),
    localized(CODE_MEANING, "code meanings"),
    {
      error: (issue) =>
        issue.code === "invalid_key"
          ? `is not a code like ${shape}`
          : entries(`"${shape}": { ja, en }`)(issue),
    },
  );

/**
 * codes.yaml: what the codes of a bounce mean, in a few words (「552 5.2.3：メールが大きすぎる」).
 * status: RFC 3463 codes; group: "class.subject" (5.1: the address) for statuses not listed; reply: SMTP
 * reply codes; shown: how code and meaning are put together ({code}, {meaning}).
 */
export const codesSchema = strict({
  shown: localized(40, "formats").refine(
    (f) => [f.ja, f.en].every((s) => s.includes("{code}") && s.includes("{meaning}")),
    { message: "must contain {code} and {meaning} in ja and en" },
  ),
  status: codeMeanings(/^[245]\.\d{1,3}\.\d{1,3}$/, "5.1.1"),
  group: codeMeanings(/^[245]\.\d{1,3}$/, "5.1"),
  reply: codeMeanings(/^[245]\d\d$/, "550"),
  classes: z.record(
    z.string().regex(/^(?:5\.[1-4]|55[03])$/, "is not a class key like 5.1 or 550"),
    localized(CODE_CLASS_ANSWER, "class answers").refine(
      (c) => c.ja.includes("{code}") && c.en.includes("{code}"),
      { message: "must contain {code} in ja and en" },
    ),
  ),
});

/** What a question may do instead of (or besides) answering with a text. */
export const QUESTION_ACTIONS = [
  "paste-help",
  "ask-person",
  "restart",
  "not-helpful",
  "next-steps",
  "repeat",
  "menu",
  "more",
  "help",
] as const;

const FOLLOW_UP_REF = /^[a-z0-9-]+\/[a-z0-9-]+$/;
/** An answer: a text, or "answer as the follow-up button <topic-id>/<follow-up-id> does" (carriers included). */
const answer = z.union([
  localized(),
  strict({
    followUp: z.string({ error: "must be <topic-id>/<follow-up-id>" }).regex(FOLLOW_UP_REF, {
      message: "must be <topic-id>/<follow-up-id>, e.g. user-unknown/mobile-address",
    }),
  }),
]);

export const QUESTION_LIMITS = { examples: 8, exampleLength: 200 } as const;

/**
 * questions/*.yaml: a list of questions (and conversation acts) users type, each with the phrasings they
 * type it in and what the assistant answers. Cross-file rules (unique ids, topic and follow-up ids that
 * exist, no personal data in examples) live in knowledge/questions.ts.
 */
export const questionSchema = strict({
  id,
  label: localized(LIMITS.label, "quick-reply labels"),
  examples: z
    .array(
      z
        .string({ error: "must be text" })
        .trim()
        .min(1, { message: "must not be empty" })
        .max(QUESTION_LIMITS.exampleLength, {
          message: `must be at most ${QUESTION_LIMITS.exampleLength} characters (a typed question, not a paste)`,
        }),
      { error: "must be a list of example phrasings" },
    )
    .min(QUESTION_LIMITS.examples, {
      message: `needs at least ${QUESTION_LIMITS.examples} example phrasings (polite, casual, hiragana, typos)`,
    }),
  answer: answer.optional(),
  noDiagnosis: localized().optional(),
  topics: z
    .partialRecord(z.enum(TOPIC_IDS, { error: "is not a topic id" }), answer, {
      // zod reports a key outside the enum of a partial record as "unrecognized_keys".
      error: (issue) => {
        const { code, keys } = issue as { code?: string; keys?: string[] };
        return code === "unrecognized_keys"
          ? `"${(keys ?? []).join('", "')}" is not a topic id; topic ids: ${TOPIC_IDS.join(", ")}`
          : "must be entries like <topic-id>: { ja, en }";
      },
    })
    .optional(),
  links: linkIds.optional(),
  does: z.enum(QUESTION_ACTIONS, { error: `must be one of ${QUESTION_ACTIONS.join(", ")}` }).optional(),
  withDiagnosis: id.optional(),
  everyTopic: z.boolean({ error: "must be true or false" }).optional(),
  statement: z.boolean({ error: "must be true or false" }).optional(),
  notBounce: z.boolean({ error: "must be true or false" }).optional(),
  courtesy: z.boolean({ error: "must be true or false" }).optional(),
  ratesHelpful: z.boolean({ error: "must be true or false" }).optional(),
  polar: z.enum(["affirming", "negating"], { error: "must be affirming or negating" }).optional(),
  asksSide: z.boolean({ error: "must be true or false" }).optional(),
  asksWhat: z.boolean({ error: "must be true or false" }).optional(),
  needs: z.array(z.string().trim().min(1), { error: "must be a list of words" }).min(1).optional(),
  needsNot: z.array(z.string().trim().min(1), { error: "must be a list of phrases" }).min(1).optional(),
  notWhen: z.array(z.string().trim().min(1), { error: "must be a list of phrases" }).min(1).optional(),
  inScope: z.array(z.string().trim().min(1), { error: "must be a list of words" }).min(1).optional(),
  needsOn: z
    .object(
      {
        topics: z.array(z.enum(TOPIC_IDS, { error: "is not a topic id" })).min(1),
        words: z.array(z.string().trim().min(1)).min(1),
        unless: z.array(z.string().trim().min(1)).min(1).optional(),
      },
      { error: "must be { topics: [topic ids], words: [words], unless: [words] }" },
    )
    .strict()
    .optional(),
  toldAs: z
    .array(symptomClassSchema, { error: "must be a list of classes ({ all: [[words], [words]] })" })
    .min(1)
    .optional(),
  asksOutcome: z.enum(["after-fixing", "after-waiting"]).optional(),
  ifTold: id.optional(),
  ifDenied: id.optional(),
  ifHowAsked: id.optional(),
  ifWhyAsked: id.optional(),
  whyKeptAfter: z.array(z.string().trim().min(1), { error: "must be a list of phrases" }).min(1).optional(),
  ifDeviceNamed: id.optional(),
  ifCheckAsked: id.optional(),
  aboutMail: z
    .object(
      {
        topics: z.array(z.enum(TOPIC_IDS, { error: "is not a topic id" })).min(1),
        words: z.array(z.string().trim().min(1)).min(1),
        unless: z.array(z.string().trim().min(1)).optional(),
      },
      { error: "must be { topics: [topic ids], words: [words], unless: [words] }" },
    )
    .strict()
    .optional(),
  withoutBounce: id.optional(),
  ifOneCameBack: id.optional(),
  asksHelp: z.boolean({ error: "must be true or false" }).optional(),
  anyDiagnosis: z.boolean({ error: "must be true or false" }).optional(),
});

export const questionsFileSchema = z.array(questionSchema, {
  error: "must be a list of questions (each starting with - id: …)",
});

/** kana-english.yaml: `<english word>: [<its kana spellings>]`, so 「ユーザーアンノウン」 reads as "user unknown". */
export const kanaEnglishSchema = z.record(
  z.string().regex(/^[a-z]{2,20}$/, { message: "must be one English word in lower case" }),
  z
    .array(
      z
        .string({ error: "must be a spelling in kana" })
        .regex(/^[\u3041-\u3096\u30A1-\u30FAー]{2,20}$/u, { message: "must be written in kana only" }),
    )
    .min(1, { error: "needs at least one spelling in kana" }),
  { error: "must be entries like unknown: [アンノウン]" },
);

/** readings.yaml: `<word in kanji>: <its reading in hiragana>`, so typed hiragana matches kanji examples. */
export const readingsSchema = z.record(
  z.string().trim().min(1).max(10),
  z
    .string({ error: "must be a reading in hiragana" })
    .regex(/^[\u3041-\u3096ー]{1,20}$/u, { message: "must be written in hiragana only" }),
  { error: "must be entries like 容量: ようりょう" },
);
