/**
 * "why my email come back to me?", "how come my mail bounced?", "why do my emails keep coming back?": the
 * English of 「なんで戻ってくるの」 (asking.ts isLament). Japanese glues its words together, so what is left
 * there besides the words about returned mail is a few letters; English leaves the subject, the helping verb
 * and "to me" as words of their own, and the index matched them with "why do I get bounces for mail I never
 * sent" (why-me) or "no bounce came, did it arrive?". Asked of the words left besides returned mail
 * (mentionOf.strip): only "why" and such words, and the user's own mail or self named. A hand scan.
 */

/** Words that ask why. */
const WHY: ReadonlySet<string> = new Set(["why", "y"]);
/** The user's own mail or self. */
const OWN: ReadonlySet<string> = new Set(["my", "me", "i", "our", "us", "we", "mine"]);
/** Words that say nothing besides: helping verbs, articles, pronouns, mail named, "still", "again". */
const FILLER: ReadonlySet<string> = new Set([
  "how",
  "come",
  "do",
  "does",
  "did",
  "is",
  "are",
  "was",
  "were",
  "has",
  "have",
  "been",
  "it",
  "its",
  "they",
  "this",
  "that",
  "these",
  "those",
  "the",
  "a",
  "an",
  "to",
  "all",
  "so",
  "always",
  "still",
  "again",
  "keep",
  "keeps",
  "every",
  "time",
  "back",
  "sent",
  "mail",
  "mails",
  "email",
  "emails",
  "e",
  "letter",
  "letters",
  "message",
  "messages",
  // What a verb's ending leaves where the phrase was blanked out ("bounce|d", "bounc|ing").
  "d",
  "s",
  "ed",
  "es",
  "ing",
  // Particles closing a sentence in Hong Kong, Singapore and Nigerian English ("bounce one?", "come back o").
  "one",
  "lah",
  "la",
  "leh",
  "ah",
  "meh",
  "o",
]);

/**
 * Whether the words besides returned mail only ask why it came back: "own" where they name the user's own mail
 * or self ("why did my mail  to me?"), "any" where they do not ("why it  ?"), undefined where they say more.
 */
export function asksWhyMailBack(besides: string): "own" | "any" | undefined {
  const words = wordsOf(besides.toLowerCase());
  let why = false;
  let own = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === "how" && words[i + 1] === "come") why = true;
    if (WHY.has(w)) why = true;
    else if (OWN.has(w)) own = true;
    else if (!FILLER.has(w)) return undefined;
  }
  return !why ? undefined : own ? "own" : "any";
}

/**
 * The runs of letters and apostrophes of a text (a hand scan); any other script counts as letters, so that a
 * word of it is a word besides (「why 送れない」 is no bare "why").
 */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let word = "";
  for (const ch of text) {
    if ((ch >= "a" && ch <= "z") || ch === "'" || (ch > "\u007f" && ch !== "\u3000")) word += ch;
    else if (word !== "") {
      words.push(word);
      word = "";
    }
  }
  if (word !== "") words.push(word);
  return words;
}
