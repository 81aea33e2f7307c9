/**
 * English as learners type it, where the helping verb is left out ("I not send this", "it is not arrive",
 * "why it come back", "what mean this error"): read with the verb the examples are written with ("I didn't
 * send this", "it didn't arrive", "why did it come back", "what does it mean this error"), so that their
 * words and n-grams match (without "did", "why it come back" matched "keeps failing" by "come back"; "what
 * mean this error" matched "what is a bounce" by "what" and "error"). Only where the sentence cannot be
 * read otherwise: a bare verb after "not" with no helping verb before it, a bare verb right after "why" and
 * its subject, "mean" after "what" with no "does". A hand scan over the words: linear in the text.
 */

/** Verbs people use about their mail, in their bare form (only whether a word is one is asked). */
const BARE: ReadonlySet<string> = new Set([
  "send",
  "arrive",
  "reach",
  "receive",
  "get",
  "come",
  "go",
  "bounce",
  "return",
  "fail",
  "work",
  "deliver",
  "happen",
  "do",
  "fix",
  "check",
  "understand",
  "know",
  "open",
  "write",
  "change",
  "reply",
]);
/**
 * The bare forms of the past of the verbs of sending and writing: "I not sent this email" is "I didn't send this email"
 * (with "didn't" put in and the past kept, it matched nothing of the never-sent examples).
 */
const BARE_OF: ReadonlyMap<string, string> = new Map([
  ["sent", "send"],
  ["wrote", "write"],
]);

/**
 * Verbs of knowing, said of now: "I not understand" is "I don't understand" (read "didn't", it matched "that
 * didn't help" by its past).
 */
const NOW: ReadonlySet<string> = new Set(["understand", "know"]);
/** Subjects that stand right before "not" in "I not send". */
const PRONOUNS: ReadonlySet<string> = new Set(["i", "it", "he", "she", "they", "we", "you", "mail", "email"]);
/** Question words asked without "do" ("what I do", "how I fix it"). */
const QUESTION_WORDS: ReadonlySet<string> = new Set(["what", "how", "where"]);
/** The user asking about themselves, right after a question word. */
const ASKERS: ReadonlySet<string> = new Set(["i", "we"]);
/** Forms of "be" learners put before "not" in place of "do" ("it is not arrive"). */
const BE: ReadonlySet<string> = new Set(["am", "is", "are", "was", "were", "be"]);
/**
 * Words that are a verb of their own or carry one: after "why" or "what" they make the sentence whole
 * ("why is it…", "why it is…", "what does it mean").
 */
const VERBS: ReadonlySet<string> = new Set([
  ...BE,
  "do",
  "does",
  "did",
  "don't",
  "doesn't",
  "didn't",
  "can",
  "can't",
  "could",
  "will",
  "won't",
  "would",
  "should",
  "must",
  "has",
  "have",
  "had",
  "may",
  "might",
  "it's",
  "that's",
  "what's",
  "isn't",
  "wasn't",
  "not",
]);
/** How many words a subject may take between "why" and its bare verb ("why my new email come back"). */
const SUBJECT_REACH = 3;
/** Longer texts are stories: left as typed. */
const MAX_CHARS = 200;

/** A word as compared: lower case, without the punctuation typed around it. */
function core(word: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && !isLetter(word[from]!)) from++;
  while (to > from && !isLetter(word[to - 1]!)) to--;
  return word.slice(from, to).toLowerCase();
}
const isLetter = (ch: string) => (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || ch === "'";

/** The word `word` with its core replaced by `by`, the punctuation around it kept. */
function replaced(word: string, by: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && !isLetter(word[from]!)) from++;
  while (to > from && !isLetter(word[to - 1]!)) to--;
  return word.slice(0, from) + by + word.slice(to);
}

/** The word with `by` put after its last letter, before the punctuation typed after it ("domain?" → "domain mean?"). */
function followed(word: string, by: string): string {
  let to = word.length;
  while (to > 0 && !isLetter(word[to - 1]!)) to--;
  return word.slice(0, to) + by + word.slice(to);
}

/**
 * The index of the word that ends a short clause starting at `from` (its mark, or the text's end) within
 * SUBJECT_REACH words and with no verb in it, or -1.
 */
function clauseEnd(words: readonly string[], from: number): number {
  for (let j = from; j < from + SUBJECT_REACH && j < words.length; j++) {
    if (VERBS.has(core(words[j]!)) || core(words[j]!) === "") return -1;
    if (endsClause(words[j]!) || j === words.length - 1) return j;
  }
  return -1;
}

/** Marks that end a clause as typed ("back?", "it,"). */
const CLAUSE_ENDS: ReadonlySet<string> = new Set([..."?!.,;:？！。、"]);
/** Whether a word ends a clause as typed ("back?", "it,"). */
const endsClause = (word: string) => CLAUSE_ENDS.has(word.slice(-1));

/** The text with the helping verbs learners leave out put back, or undefined when none was missing. */
export function learnerEnglish(text: string): string | undefined {
  if (text.length > MAX_CHARS) return undefined;
  const words = text.split(" ");
  const cores = words.map(core);
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    const w = cores[i]!;
    // "I not sent this email": the past after "not" and a subject, with no "did": "I didn't send".
    if (w === "not" && PRONOUNS.has(cores[i - 1] ?? "") && BARE_OF.has(cores[i + 1] ?? "")) {
      words[i] = replaced(words[i]!, "didn't");
      words[i + 1] = replaced(words[i + 1]!, BARE_OF.get(cores[i + 1]!)!);
      changed = true;
      continue;
    }
    // "I not send", "it is not arrive", "the mail was not reach": a bare verb after "not" with no "do".
    if (w === "not" && i + 1 < words.length && BARE.has(cores[i + 1]!)) {
      const before = cores[i - 1] ?? "";
      // "didn't", as the examples write it ("I didn't send this": never sent; "did not" came closer to a
      // symptom told).
      if (BE.has(before)) {
        words[i - 1] = replaced(words[i - 1]!, "didn't");
        words[i] = "";
        changed = true;
      } else if (PRONOUNS.has(before)) {
        words[i] = replaced(words[i]!, NOW.has(cores[i + 1]!) ? "don't" : "didn't");
        changed = true;
      }
      continue;
    }
    // "why it come back", "why my email bounce": "did" after "why", before the subject.
    if (w === "why" && !endsClause(words[i]!)) {
      for (let j = i + 1; j <= i + SUBJECT_REACH + 1 && j < words.length; j++) {
        const c = cores[j]!;
        if (VERBS.has(c) || c === "") break;
        if (BARE.has(c) && j > i + 1) {
          words[i] = `${words[i]!} did`;
          changed = true;
          break;
        }
        if (endsClause(words[j]!)) break;
      }
      continue;
    }
    // "what I do?", "how I fix it": "do" after the question word, before the subject and its bare verb.
    if (QUESTION_WORDS.has(w) && ASKERS.has(cores[i + 1] ?? "") && BARE.has(cores[i + 2] ?? "")) {
      words[i] = `${words[i]!} do`;
      changed = true;
      continue;
    }
    // "what mean this error", "what is mean this", "what is this error mean": "what does it mean".
    if (w === "what" && !endsClause(words[i]!)) {
      const next = cores[i + 1];
      // "what mean domain?", "what mean MX record": the thing named after "mean" is the one asked about ("what
      // does domain mean", as the examples of what a word means are written; "what does it mean domain" read as
      // the diagnosis in plain words). A clause of a few words, up to its end.
      const named = next === "mean" && !endsClause(words[i + 1]!) ? clauseEnd(words, i + 2) : -1;
      if (named >= 0) {
        words[i + 1] = "does";
        cores[i + 1] = "does";
        words[named] = followed(words[named]!, " mean");
        changed = true;
        continue;
      }
      if (next === "mean" || (next === "is" && cores[i + 2] === "mean")) {
        const last = next === "mean" ? i + 1 : i + 2;
        words.splice(i + 1, last - i, replaced(words[last]!, "does it mean"));
        cores.splice(i + 1, last - i, "does it mean");
        changed = true;
        continue;
      }
      if (next === "is") {
        // "what is this error mean": the "is" stands for "does" when a bare "mean" ends the clause.
        for (let j = i + 2; j <= i + SUBJECT_REACH + 2 && j < words.length; j++) {
          const c = cores[j]!;
          if (VERBS.has(c) || c === "") break;
          if (c === "mean") {
            words[i + 1] = replaced(words[i + 1]!, "does");
            changed = true;
            break;
          }
          if (endsClause(words[j]!)) break;
        }
      }
    }
  }
  return changed ? words.filter((w) => w !== "").join(" ") : undefined;
}
