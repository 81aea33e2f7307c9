import { hasQuestionMark, SENTENCE_END } from "../marks.ts";

/**
 * What is left out of a text before the question index reads it: fillers said before what is meant, and English
 * words that only colour what is asked. A hand scan, no pattern.
 */

/**
 * Fillers said before what is meant (「とりあえず今日はここまでにします」「えっと、再送していい？」): no example
 * holds them, so their rare n-grams would only pull a text away from its question. Left out of a query.
 */
const FILLERS = [
  "とりあえず",
  "えーっと",
  "えっと",
  "えーと",
  "ええと",
  "あのー",
  "あのう",
  "うーん",
  // 「ぶっちゃけ、…無料？」 "frankly" (round 43): colours what is asked.
  "ぶっちゃけ",
  // 「マジで意味不」「まじでどうすればいいの」 "seriously" (round 45): slang that colours what is said, as ぶっちゃけ.
  "マジで",
  "まじで",
  // Joining a second question (「…ですか？あと、チャットは残りますか」): "and", "by the way".
  "あと、",
  "それと、",
  "ちなみに",
];

export function withoutFillers(text: string): string {
  let out = text;
  for (const f of FILLERS) if (out.includes(f)) out = out.split(f).join(" ");
  return withoutEnglishFillers(withoutQuestionAnnounced(withoutAskingAnnounced(out)));
}

/**
 * 「夜勤明けで暇なので聞きますが、エラーメールって誰が送るの？」「事務的な質問ですが、原因はどう調べますか」: the question
 * announced in Japanese (「聞きます」「お聞きします」「伺います」「質問です」, with が/けど and a mark after it) after why or
 * how it is asked. What is asked follows the announcement; the day, mood or errand told before it are words no
 * answer's examples have, and pulled the text off its question (to the paste help, or a virus scan). Left out when
 * what follows asks (a question mark, or ending in か, の, 教えて, ください): 「また何かあったら聞きます、では」 stays.
 * One `includes` per word first; no pattern.
 */
function withoutAskingAnnounced(text: string): string {
  if (!text.includes("聞きま") && !text.includes("質問") && !text.includes("伺いま")) return text;
  let cut = -1;
  for (const word of ANNOUNCING_JA) {
    const at = text.lastIndexOf(word);
    if (at < 0) continue;
    let k = at + word.length;
    for (const tail of ANNOUNCED_TAILS_JA)
      if (text.startsWith(tail, k)) {
        k += tail.length;
        break;
      }
    if (k < text.length && SENTENCE_END.has(text[k]!) && k + 1 > cut) cut = k + 1;
  }
  if (cut < 0) return text;
  const rest = text.slice(cut).trimEnd();
  return rest.length >= MIN_ANNOUNCED_REST && asksAtEnd(rest) ? ` ${rest}` : text;
}
/** The announcing words, each with its polite or plain copula (「質問です」「質問なんですが」). */
const ANNOUNCING_JA = [
  "聞きます",
  "聞きますね",
  "伺います",
  "質問です",
  "質問なんです",
  "質問なのです",
  "質問があります",
];
/** What may close an announcement before its mark: "but" (が, けど). */
const ANNOUNCED_TAILS_JA = ["けれども", "けれど", "けど", "が"];
/** Fewer letters than a question needs after its announcement: 「質問です。はい」 is no question announced. */
const MIN_ANNOUNCED_REST = 4;
/** Whether a clause asks: a question mark, or a closing か, の, 教えて or ください (「…ですか」「…送れるの」). */
function asksAtEnd(rest: string): boolean {
  if (hasQuestionMark(rest)) return true;
  for (const end of ["か", "の", "教えて", "ください"]) if (rest.endsWith(end)) return true;
  return false;
}

/**
 * "quick question: what is a bounce?", "one question, can I send a screenshot": the question announced before it
 * is asked, its words ("question") in no answer's examples but a greeting's ("I have a question"). Left out when
 * a colon, comma or dash follows; alone ("I have a quick question") it stays. One `includes` first.
 */
function withoutQuestionAnnounced(text: string): string {
  if (!text.includes("uestion") && !text.includes(" q")) return text;
  const lower = text.toLowerCase();
  for (const lead of ANNOUNCING)
    for (const mark of ANNOUNCED_BY) {
      const at = lower.indexOf(lead + mark);
      if (at >= 0) return `${text.slice(0, at)} ${text.slice(at + lead.length + mark.length)}`;
    }
  return text;
}
const ANNOUNCING = ["quick question", "quick q", "one question", "small question", "a question"];
const ANNOUNCED_BY = [":", ",", " -", " :"];

/**
 * English words that only colour what is asked ("what is a bounce message exactly", "it worked fine last week
 * tho", "did i type it wrong or something"): "exactly" is in plain-words' "what happened exactly", "or" in
 * whose-side's "me or them", so each pulled a text to a question it does not ask. Whole words only.
 */
const EN_FILLERS = new Set([
  ..."exactly actually really just even basically literally honestly tho though anyway anyways".split(" "),
  ..."lol lmao haha hmm um uh kinda".split(" "),
  // Forms of address and politeness in English as written in India and the Philippines ("sir", "po").
  ..."sir sirs madam maam mam dear po".split(" "),
]);
/**
 * "it is bouncing back only", "since morning itself": a word of emphasis closing a clause. "itself" only after
 * a time or place ("today itself"): after a verb it is the object ("will this fix itself?").
 */
const EMPHATIC_TAILS = new Set(["only", "itself"]);
const EMPHASISED_WHEN = new Set(
  "today now morning evening night yesterday tomorrow week month here there".split(" "),
);
/** "or something" at a clause's end: a vague tail, no alternative asked about. */
const VAGUE_TAILS = new Set(["something", "anything", "smth", "sth", "whatever"]);

const isLetter = (code: number) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x27;

/** Whether nothing but spaces lies between `at` and the text's end or the next character that is no letter. */
function endsClause(text: string, at: number): boolean {
  let k = at;
  while (k < text.length && text[k] === " ") k++;
  return k === text.length || !isLetter(text.charCodeAt(k));
}

function withoutEnglishFillers(text: string): string {
  let out = "";
  let from = 0; // text[from, i) is still to be copied
  let i = 0;
  let orAt = -1; // where the last word "or" started, when it was the word just before
  let previous = ""; // the word before, lower case
  while (i < text.length) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isLetter(text.charCodeAt(j))) j++;
    const word = text.slice(i, j).toLowerCase();
    const tail = orAt >= 0 && VAGUE_TAILS.has(word) && endsClause(text, j);
    const emphatic =
      EMPHATIC_TAILS.has(word) && endsClause(text, j) && (word === "only" || EMPHASISED_WHEN.has(previous));
    if (tail || EN_FILLERS.has(word) || emphatic) {
      const start = tail ? orAt : i;
      if (start >= from) {
        out += `${text.slice(from, start)} `;
        from = j;
      }
    }
    orAt = word === "or" ? i : -1;
    previous = word;
    i = j;
  }
  return from === 0 ? text : out + text.slice(from);
}
