import { fold } from "../../knowledge/fold.ts";
import { GAPS_TRAILING } from "../marks.ts";
import { endOfLast, includesAny } from "../text.ts";
import { CLAUSE_CONTRASTS } from "./contrasts.ts";

/**
 * 「夜勤明けの朝5時なんですけど、この時間でも使えますか」「子どもがやっと寝たところなんですが、エラーメールって何？」:
 * an opening clause closed by a contrast (「けど」「ですが」「ますが」), then the question. The opening tells only the
 * writer's circumstance when it names nothing of ours (the caller knows the words: scope.ts); its words then
 * only dilute what is asked (the last clause alone scores 0.66 for chat hours, the whole 0.39, and 夜勤 counts as
 * a thing nothing knows). Cut at the last contrast, with a question of a few letters at least after it; the
 * opening must not name mail by a verb of one kanji (送った, 届く: no word of two the vocabulary would see).
 * Plain string search (endOfLast): no pattern.
 */
export function circumstanceAndQuestion(text: string): { opening: string; asked: string } | undefined {
  const t = fold(text);
  const end = endOfLast(t, CLAUSE_CONTRASTS);
  if (end < 0) return undefined;
  let from = end;
  while (from < t.length && GAPS_TRAILING.has(t[from]!)) from++;
  const asked = t.slice(from);
  if ([...asked].length < MIN_QUESTION_CHARS) return undefined;
  const opening = t.slice(0, end);
  return includesAny(opening, MAIL_DONE) ? undefined : { opening, asked };
}

/** Fewer letters after the contrast are its own ending (「…けどね」), no question. */
const MIN_QUESTION_CHARS = 5;
/** Verbs of mail in one kanji or in kana: an opening that names one tells of the mail, not of the writer's day. */
const MAIL_DONE = [
  "送",
  "届",
  "戻",
  "返",
  "受",
  "開",
  "貼",
  "消",
  "来",
  "おく",
  "とど",
  "もど",
  "きた",
  "かえって",
];
