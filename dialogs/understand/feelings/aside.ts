import { mentionsAny } from "../../text.ts";
import { sentenceAsks, sentencesOf } from "../asking.ts";
import { MAX_SHAPE_CHARS, PAUSES } from "./letters.ts";

/**
 * 「お腹ぺこぺこで頭回らないけど、ここって24時間やってる？」「歩き疲れてヘトヘトですが、夜でも使えますか」
 * 「ワクワクしながら聞きますが、無料ですか」: an opening clause that tells the writer's own state (hunger, sleep, a
 * tiredness with its cause, the body, excitement at asking), set aside by a contrast (「けど」「が、」), before a plain
 * question: small talk on the way to the question, nothing about the mail to comfort (the question is then read
 * alone, its own words of feeling still count). Not when the clause names the mail (「クタクタなのにまた戻って
 * きた」), distress (「もう」「困」「のに」) or tells a tiredness without its cause (「へとへとです…」: the mail may
 * have worn them out), nor without a question after it. A hand scan of the text (NFKC): linear.
 */
export function afterOwnStateAside(t: string): string | undefined {
  if (t.length > MAX_SHAPE_CHARS || !mentionsAny(t, OWN_STATES)) return undefined;
  for (let at = 0; at < t.length; at++) {
    const contrast = CONTRASTS.find((c) => t.startsWith(c, at));
    if (contrast === undefined) continue;
    let end = at + contrast.length;
    // 「お腹が空いて」「…ですが気分は」: a が that is a particle or joins two clauses is no contrast; 「が、」 is.
    if (contrast === "が" && !PAUSES.has(t[end] ?? "")) continue;
    // The first contrast closes the aside: what follows it is read as it is.
    const aside = t.slice(0, end);
    if (!mentionsAny(aside, OWN_STATES) || mentionsAny(aside, NOT_ASIDE)) return undefined;
    while (end < t.length && PAUSES.has(t[end]!)) end++;
    const rest = t.slice(end);
    return sentencesOf(rest).some(sentenceAsks) ? rest : undefined;
  }
  return undefined;
}
/** The contrasts that close an aside, the longer forms first (「けれど」 before 「けど」). */
const CONTRASTS = ["けれど", "けど", "が"];
/**
 * The writer's own state, told of the body or the day rather than of the mail. Tiredness only with its cause
 * (「歩き疲れ」「稽古終わり」); excitement or nerves only at asking (「ドキドキしながら聞きます」): alone they may be
 * about the mail (「ドキドキする…このメール開いても平気？」).
 */
const OWN_STATES = [
  "お腹すい",
  "お腹空",
  "おなかすい",
  "お腹が空",
  "お腹がすい",
  "お腹ぺこぺこ",
  "腹ぺこ",
  "はらぺこ",
  "ハラペコ",
  "腹減",
  "腹へ",
  "眠くて",
  "眠い",
  "ねむくて",
  "ねむい",
  "眠たい",
  "寝不足",
  "寝起き",
  "二日酔い",
  "歩き疲れ",
  "歩きすぎ",
  "稽古",
  "練習終わり",
  "仕事終わり",
  // Round 32 (emo22): after a night shift (「夜勤明けで頭が回らないけど、…」), as 「仕事終わり」.
  "夜勤明け",
  "夜勤終わり",
  "夜勤後",
  "筋肉痛",
  "腰が痛",
  "ながら聞き",
  "ながら質問",
  "ながら使",
];
/** Words that make the clause more than an aside: the mail itself, distress, a reproach. */
const NOT_ASIDE = [
  "メール",
  "めーる",
  "mail",
  "送",
  "届",
  "戻",
  "返って",
  "エラー",
  "アドレス",
  "相手",
  "先方",
  "もう",
  "困",
  "不安",
  "心配",
  "のに",
  "待っ",
];
