import { endsWithQuestionMark } from "../../marks.ts";
import { followedWithin, trimEndOf } from "../../text.ts";
import { clausesOf, sentencesOf } from "../asking.ts";
import { CLOSING, KANJI, MAX_SHAPE_CHARS, PAUSES } from "./letters.ts";
import { planAfterThanks } from "./relief.ts";
import { SENTENCE_FRAME } from "./says.ts";

/**
 * Reads anger, scorn and reproach in how a message opens or ends (「チッ、」「ちょっと！」「…てよ」「…のに」
 * 「届くの届かないの」「またエラー？」, a word of the frame in capitals): frustrated, though no word of ui.yaml
 * `feelings.words` says so. Hand scans: linear.
 */
/**
 * 「チッ、」「はいはい、」「あーあ」 opening a message: a click of the tongue, a weary or scornful "yes, yes". A
 * 「はいはい」 before a plain OK and what they will do, nothing asked (「はいはい、了解です。あとで送り直してみますね」),
 * is a friendly "sure, sure": no scorn.
 */
export function opensWithScorn(t: string): boolean {
  const opening = t.trimStart();
  for (const o of SCORN_OPENINGS) {
    if (!opening.startsWith(o)) continue;
    const next = opening[o.length];
    // 「ちっとも」 opens with 「ちっ」 too: the sound stands alone.
    if (next !== undefined && !PAUSES.has(next)) continue;
    return !(YES_YES.includes(o) && plainOk(opening.slice(o.length + 1)));
  }
  return false;
}
const YES_YES = ["はいはい", "ハイハイ", "はいはーい"];
/** 「了解です」「わかりました。」 alone, or an OK then a plan (relief.ts planAfterThanks); not 「わかりましたよ」. */
function plainOk(rest: string): boolean {
  return PLAIN_OKS.includes(trimEndOf(rest.trim(), CLOSING)) || planAfterThanks(rest);
}
const PLAIN_OKS = [
  "わかりました",
  "分かりました",
  "了解です",
  "了解しました",
  "承知しました",
  "りょうかいです",
];
const SCORN_OPENINGS = ["チッ", "ちっ", "チェッ", "ちぇっ", ...YES_YES, "へいへい"];

/**
 * 「頭にくる」「頭きた」 as written: a phrase of ui.yaml would fold its ending with 「頭に入ってこない」 (being lost).
 */
export function angryAsWritten(t: string): boolean {
  return ANGRY_AS_WRITTEN.some((w) => t.includes(w));
}
const ANGRY_AS_WRITTEN = ["頭にくる", "頭くる", "あたまにくる", "頭にくるわ", "アタマにくる"];

/**
 * 「ちょっと！」「ねえ！」「おい！」 opening a message, an exclamation mark right after: calling out in irritation
 * (「ちょっと待って」「ちょっと聞きたい」 go on with words: no feeling).
 */
export function opensCallingOut(t: string): boolean {
  const opening = t.trimStart();
  return CALLING_OUT.some(
    (o) => opening.startsWith(o) && (opening[o.length] === "!" || opening[o.length] === "！"),
  );
}
const CALLING_OUT = ["ちょっと", "ちょ", "ねえ", "ねぇ", "おい", "もしもし"];

/**
 * 「お知らせくらい出してほしい」「一言ぐらい言ってくれても」「連絡くらいしろよ」: the least asked of someone who did not
 * do it, a reproach. 「くらい」 then, within a few letters, a want or demand of others.
 */
export function demandsTheLeast(t: string): boolean {
  return followedWithin(t, LEAST, LEAST_WINDOW, OF_OTHERS);
}
const LEAST = ["くらい", "ぐらい"];
const LEAST_WINDOW = 8;
const OF_OTHERS = [
  "てほしい",
  "てくれても",
  "でほしい",
  "でくれても",
  "しろよ",
  "してよ",
  "出せよ",
  "教えてよ",
];

/** 「もう人に聞きたい」「もう人間に代わって」: giving up on the assistant for a person. */
export function givesUpOnUs(t: string): boolean {
  return GIVEN_UP.some((w) => t.includes(w));
}
const GIVEN_UP = ["もう人に", "もう人間", "もう担当", "もう誰か人", "もう有人"];

/**
 * A request ending in 「…てよ」 (「最初から書いといてよ」「ちゃんと説明してよ」「早く直してくれよ」「してくださいよ」):
 * a demand or a reproach, not a calm request (「…てください」「…てね」).
 */
export function endsDemanding(t: string): boolean {
  const end = trimEndOf(t, CLOSING);
  return DEMANDING_ENDS.some((e) => end.endsWith(e));
}
const DEMANDING_ENDS = ["てよ", "でよ", "てくれよ", "でくれよ", "くださいよ", "てってば", "ってば"];

/**
 * 「なんとかしろよ」「早く直せ！」「説明しろ」「責任取れよ」「答えろ」: a clause that ends in a plain imperative is an order
 * barked at someone held to blame, never a calm request (「…してください」「…して」「…しろって言われても」 end otherwise).
 * The imperative of する (「…しろ」, not 「うしろ」「おもしろ」), of ichidan verbs (a letter of the e-row before 「ろ」:
 * 答えろ, 調べろ) and the few godan ones people bark at a service. A hand scan of each clause's end.
 */
export function ordersBluntly(t: string): boolean {
  return clausesOf(t).some((c) => {
    let end = trimEndOf(c, CLOSING);
    if (ORDER_PARTICLES.has(end.at(-1) ?? "")) end = trimEndOf(end.slice(0, -1), CLOSING);
    if (end.endsWith("ろ")) {
      const before = end.at(-2) ?? "";
      if (end.endsWith("しろ")) return !NO_ORDER.some((w) => end.endsWith(w));
      return E_ROW.has(before) && !DIALECT_PLEAS.some((w) => end.endsWith(w));
    }
    return GODAN_ORDERS.some((o) => end.endsWith(o));
  });
}
/** 「しろよ」「直せや」: the particle said after an order. */
const ORDER_PARTICLES = new Set([..."よや"]);
/** Words that end in 「しろ」 but order nothing (behind, funny, pure white). */
const NO_ORDER = ["うしろ", "もしろ", "っしろ", "ましろ"];
/** 「教えてけろ」: Tohoku's 「…てください」, no order. */
const DIALECT_PLEAS = ["てけろ", "でけろ"];
const E_ROW = new Set([..."えけげせぜてでねべめれ"]);
const GODAN_ORDERS = ["直せ", "なおせ", "治せ", "出せ", "返せ", "戻せ", "取れ", "謝れ", "あやまれ", "よこせ"];

/**
 * A sentence that ends in a particle of reproach (「たった15MBなのに」「相手のアドレスなんだから仕方ないでしょ」
 * 「どうやって連絡すればいいのよ」「勝手に保存してないでしょうね」): said to someone held to blame, never a
 * calm request or question (「…でしょうか」「…のでしょう」 end otherwise). The endings: ui.yaml `typedWords.reproachingEnds`.
 * A hand scan of each sentence's end.
 */
export function endsReproaching(t: string, ends: readonly string[]): boolean {
  return sentencesOf(t).some((s) => ends.some((e) => trimEndOf(s, CLOSING).endsWith(e)));
}

/**
 * 「またサーバーの問題？」「またエラー？」「またso-netのせい？」: a sentence opening with 「また」 that asks only for a
 * thing (no verb: it ends in a noun), the same trouble again, asked in exasperation. 「また送ったら届く？」「また同じこと
 * にならない？」 ask what will happen (a verb's ending) and are calm. A scan of each sentence's ends.
 */
export function againAsked(t: string): boolean {
  return sentencesOf(t).some((s) => {
    const sentence = s.trim();
    if (!sentence.startsWith("また") || !endsWithQuestionMark(sentence)) return false;
    const body = trimEndOf(sentence, CLOSING);
    const end = AGAIN_ENDS.find((e) => body.endsWith(e)) ?? "";
    const thing = body.slice(2, body.length - end.length);
    // Only a thing named: letters of a noun and the particles that join nouns (「サーバーの問題」), no verb
    // (「また送っても平気？」 asks whether a resend is all right).
    return (
      thing.length > 0 && [...thing].every((ch) => KANJI.test(ch) || NOUN_LETTER.test(ch) || JOINING.has(ch))
    );
  });
}
const NOUN_LETTER = /[\p{Script=Katakana}ーA-Za-z0-9\-. ]/u;
const JOINING = new Set([..."のもは"]);
const AGAIN_ENDS = ["のせい", "扱い"];

/**
 * 「届くの届かないの」「送れるの？送れないの？」: yes or no demanded, the same verb said and denied. The word
 * before 「ないの」 starts with a kanji said just before (a bounded look back: linear).
 */
export function asksEitherOr(t: string): boolean {
  for (let j = t.indexOf("ないの"); j >= 0; j = t.indexOf("ないの", j + 1)) {
    let start = j;
    while (start > 0 && j - start < 3 && HIRAGANA_OR_KANJI.test(t[start - 1]!) && t[start - 1] !== "の")
      start--;
    const kanji = t[start]!;
    if (!KANJI.test(kanji)) continue;
    let before = start;
    while (before > 0 && EITHER_PAUSES.has(t[before - 1]!)) before--;
    if (t[before - 1] !== "の") continue;
    if (t.slice(Math.max(0, before - 5), before - 1).includes(kanji)) return true;
  }
  return false;
}
const HIRAGANA_OR_KANJI = /[\p{Script=Hiragana}\p{Script=Han}]/u;
const EITHER_PAUSES = new Set([..."?？、, "]);

/**
 * "it STILL bounces", "I did NOT change anything", "WHY does it keep failing", "the address is RIGHT": a small
 * word of the sentence's frame, or a word that insists (right, correct, never), written in capitals in a text
 * otherwise in small letters is said with a raised voice. A notice pasted in capitals has no small letters;
 * acronyms (SMTP, SPF) are no such words. A whole message in capitals is shouted when it speaks of the writer
 * ("WHY DOES MY EMAIL KEEP BOUNCING BACK"): a notice does not say "my" (round 32). A hand scan.
 */
export function raisesVoice(text: string): boolean {
  if (text.length > MAX_SHAPE_CHARS) return false;
  let word = "";
  let small = false;
  let raised = false;
  let frames = 0;
  let own = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i] ?? " ";
    if (ch >= "a" && ch <= "z") small = true;
    if ((ch >= "A" && ch <= "Z") || (ch >= "a" && ch <= "z") || (ch === "'" && word !== "")) {
      word += ch;
      continue;
    }
    if (word !== "" && word === word.toUpperCase()) {
      const lower = word.toLowerCase();
      if (word.length >= 3 && (SENTENCE_FRAME.has(lower) || INSISTING.has(lower))) raised = true;
      if (SENTENCE_FRAME.has(lower)) frames++;
      if (OWN_WORDS.has(lower)) own = true;
    }
    word = "";
  }
  return small ? raised : own && frames >= 2;
}
/** Words said to insist, not of a notice's or an acronym's letters ("it's CORRECT", "I NEVER sent it"). */
const INSISTING = new Set(["right", "correct", "wrong", "never", "nothing", "every", "same", "stop"]);
/** The writer themself: a notice pasted in capitals does not speak so. */
const OWN_WORDS = new Set(["i", "my", "me", "i'm", "i've", "we", "our"]);
