import type { Feeling } from "../events.ts";
import { followedWithin, mentionsAny, trimEndOf, withoutWords } from "../text.ts";
import { clausesOf, sentenceAsks, sentencesOf, tellsMore } from "./asking.ts";

/**
 * Feelings told by the shape of a message rather than by a word of ui.yaml `feelings.words`: a crying or
 * angry face drawn in characters (kaomoji), an exasperated 「もう」 closing a clause, an intensifier before a
 * failure (「全然届かない」「何度やってもダメ」「ちっとも送れない」), a sentence that ends in reproach. Each is a class, so that a face or a
 * phrasing nobody listed is caught. Hand scans over the text: linear, no pattern that backtracks.
 * Only what is no part of the request: what they say is read as it is (none of this is stripped).
 */
export function feltByShape(text: string): Feeling | undefined {
  if (text.length > MAX_SHAPE_CHARS) return undefined;
  const t = text.normalize("NFKC");
  const face = emojiFeeling(text);
  if (face) return face;
  if (
    hasUpsetFace(t) ||
    clausesOf(t).some(endsExasperated) ||
    intensifiedFailure(t) ||
    opensWithScorn(t) ||
    trailsOff(t) ||
    asksEitherOr(t) ||
    endsDemanding(t) ||
    endsReproaching(t) ||
    againAsked(t) ||
    raisesVoice(text) ||
    angryAsWritten(t) ||
    opensCallingOut(t) ||
    demandsTheLeast(t) ||
    givesUpOnUs(t)
  )
    return "frustrated";
  if (opensAlarmed(t) || regretsAndAsksIfOk(t)) return "worried";
  if (blamesSelf(t) || toldOld(t)) return "ashamed";
  if (hasNoOneToAsk(t)) return "sad";
  if (pressedAtWork(t) || workStopped(t) || wantsItNow(t) || minutesLeft(t)) return "urgent";
  if (intenseState(t) || bodyReacts(t) || conditionTrailsOff(t)) return "worried";
  return undefined;
}
const MAX_SHAPE_CHARS = 300;

/**
 * The feeling of the emoji faces and signs in a message, by class of code point rather than a list of a
 * few: anger, scorn and exhaustion (😠😡🤬💢😤😒🙄😩😫🤯🤦), tears and dejection (😢😭😞😔🥺🥲💔), fear and
 * shock (😨😰😱😧🙀🫨😬), shame (😳), alarm (🆘🚨⏰⏳); folded hands twice (🙏🙏) plead. The class most
 * faces belong to wins. None when the message thanks or tells it worked (「届いた😭」 are tears of relief),
 * and none for smiles, winks or neutral faces.
 */
export function emojiFeeling(text: string): Feeling | undefined {
  const counts = new Map<Feeling, number>();
  let pleas = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x2000) continue;
    if (code === 0x1f64f) pleas++;
    const feeling = EMOJI_FEELINGS.get(code);
    if (feeling) counts.set(feeling, (counts.get(feeling) ?? 0) + 1);
  }
  if (text.includes(EXHALING)) counts.set("frustrated", (counts.get("frustrated") ?? 0) + 1);
  if (pleas >= 2) counts.set("urgent", (counts.get("urgent") ?? 0) + 1);
  if (counts.size === 0 || soundsGlad(text)) return undefined;
  let best: Feeling | undefined;
  for (const [feeling, n] of counts) if (best === undefined || n > counts.get(best)!) best = feeling;
  return best;
}
/** 😮‍💨: an open mouth joined to a puff of air (a sigh); neither is a feeling alone. */
const EXHALING = "\u{1F62E}\u200D\u{1F4A8}";
const codes = (from: number, to = from) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const EMOJI_CLASSES: [Feeling, number[]][] = [
  [
    "frustrated",
    [
      ...codes(0x1f611, 0x1f613), // 😑😒😓
      0x1f616, // 😖
      ...codes(0x1f620, 0x1f621), // 😠😡
      ...codes(0x1f623, 0x1f624), // 😣😤
      0x1f629, // 😩
      0x1f62b, // 😫
      0x1f635, // 😵 (😵‍💫)
      0x1f63e, // 😾
      0x1f644, // 🙄
      0x1f44a, // 👊
      0x1f47f, // 👿
      0x1f480, // 💀
      0x1f4a2, // 💢
      0x1f595, // 🖕
      0x1f5ef, // 🗯
      0x1f926, // 🤦
      0x1f92c, // 🤬
      0x1f92f, // 🤯
      0x1f974, // 🥴
      0x1fae0, // 🫠
      0x2620, // ☠
    ],
  ],
  [
    "sad",
    [
      0x1f614, // 😔
      0x1f61e, // 😞
      0x1f622, // 😢
      0x1f625, // 😥
      0x1f62a, // 😪
      0x1f62d, // 😭
      0x1f63f, // 😿
      0x1f641, // 🙁
      0x1f494, // 💔
      0x1f972, // 🥲
      0x1f97a, // 🥺
      0x1fae5, // 🫥
      0x2639, // ☹
    ],
  ],
  [
    "worried",
    [
      0x1f61f, // 😟
      ...codes(0x1f626, 0x1f628), // 😦😧😨
      0x1f62c, // 😬
      ...codes(0x1f630, 0x1f632), // 😰😱😲
      0x1f640, // 🙀
      0x1f4a6, // 💦
      ...codes(0x1fae2, 0x1fae3), // 🫢🫣
      0x1fae8, // 🫨
    ],
  ],
  ["ashamed", [0x1f633]], // 😳
  [
    "urgent",
    [
      0x1f198, // 🆘
      0x1f6a8, // 🚨
      0x23f0, // ⏰
      0x231b, // ⌛
      0x23f3, // ⏳
    ],
  ],
];
const EMOJI_FEELINGS = new Map<number, Feeling>(
  EMOJI_CLASSES.flatMap(([feeling, list]) => list.map((code) => [code, feeling] as const)),
);

/** 「チッ、」「はいはい、」「あーあ」 opening a message: a click of the tongue, a weary or scornful "yes, yes". */
export function opensWithScorn(t: string): boolean {
  const opening = t.trimStart();
  for (const o of SCORN_OPENINGS) {
    if (!opening.startsWith(o)) continue;
    const next = opening[o.length];
    // 「ちっとも」 opens with 「ちっ」 too: the sound stands alone.
    if (next === undefined || PAUSES.has(next)) return true;
  }
  return false;
}
const SCORN_OPENINGS = ["チッ", "ちっ", "チェッ", "ちぇっ", "はいはい", "ハイハイ", "はいはーい", "へいへい"];
const PAUSES = new Set([..." 、,。.!?…・〜~ー"]);

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
 * 「ちょっと待って、」「待って待って！」 opening a message: alarm at what was just said, not a request to wait
 * (「ちょっと待ってくださいね」「ちょっと待ってて」 go on with more words, no pause).
 */
export function opensAlarmed(t: string): boolean {
  const opening = t.trimStart();
  for (const o of ALARMED_OPENINGS) {
    if (!opening.startsWith(o)) continue;
    const next = opening[o.length];
    if (next !== undefined && PAUSES.has(next) && next !== "ー" && next !== "〜" && next !== "~") return true;
  }
  return false;
}
const ALARMED_OPENINGS = [
  "ちょっと待って",
  "ちょっとまって",
  "待って待って",
  "まってまって",
  "え、待って",
  "えっ待って",
];

/**
 * Something done that cannot be undone, then whether it is all right (「開いちゃった…大丈夫？」「送って
 * しまったけど大丈夫かな」): worried. The regret, then 大丈夫 within a few letters.
 */
export function regretsAndAsksIfOk(t: string): boolean {
  return followedWithin(t, REGRETS, REGRET_WINDOW, ["大丈夫", "だいじょうぶ"]);
}
const REGRETS = ["ちゃった", "ちゃいました", "てしまった", "てしまいました", "でしまった", "じゃった"];
const REGRET_WINDOW = 8;

/**
 * 「びっくりしたけど、普通のお知らせだったんですね。ありがとう」「焦りました…でも届いてたので安心です」: a worry
 * told as past, closed by relief or thanks in the last piece, nothing asked: the feeling is over, so no
 * apology. Not for anger: thanks after anger is often sarcasm (「ありがとうございます（棒）」). Relief or thanks
 * that opens the message, then what it now makes possible (「ありがとう！これで今日中に請求書出せる」「助かりました、
 * おかげで締め切りに間に合います」), is the same: the deadline told is met, not pressing.
 */
export function relievedAtEnd(text: string): boolean {
  const t = text.normalize("NFKC").toLowerCase();
  if (t.length > MAX_SHAPE_CHARS || sentencesOf(t).some(sentenceAsks)) return false;
  const pieces = clausesOf(t);
  const last = pieces.at(-1) ?? "";
  if (RELIEF.some((r) => last.includes(r))) return true;
  const first = pieces[0] ?? "";
  return (
    pieces.length > 1 && RELIEF.some((r) => first.includes(r)) && NOW_POSSIBLE.some((n) => last.startsWith(n))
  );
}
/** 「これで」「おかげで」 opening what follows thanks: what the help made possible. */
const NOW_POSSIBLE = ["これで", "おかげで", "おかげさまで"];
const RELIEF = [
  "安心",
  "ほっと",
  "ホッと",
  "よかった",
  "良かった",
  "ありがと",
  "助かりました",
  "助かった",
  "落ち着きました",
  "thank",
  "relieved",
  "that's a relief",
];

/**
 * 「不安だったけど、説明を読んで落ち着きました」「びっくりしたけど、よく見たら綴りが違ってました」: a text cut at
 * its first turn from the past by a contrast (…たけど, …でしたが): the few letters before it (where a
 * feeling now over is told), and what follows. None without such a turn.
 */
export function splitAtPastContrast(text: string): [string, string] | undefined {
  const t = text.normalize("NFKC");
  let cut = -1;
  for (const c of PAST_CONTRASTS) {
    const at = t.indexOf(c);
    if (at >= 0 && (cut < 0 || at + c.length < cut)) cut = at + c.length;
  }
  // The feeling just before the turn (「不安だったけど」), not one earlier (「おそるおそる開いてみたけど」: how it
  // was done, and the fear goes on).
  return cut < 0 ? undefined : [t.slice(Math.max(0, cut - PAST_WINDOW), cut), t.slice(cut)];
}
const PAST_WINDOW = 9;
const PAST_CONTRASTS = ["たけど", "たけれど", "でしたが", "ましたが", "だったが", "たものの"];

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
 * A sentence that ends in a particle of reproach (「たった15MBなのに」「相手のアドレスなんだから仕方ないでしょ」
 * 「どうやって連絡すればいいのよ」「勝手に保存してないでしょうね」): said to someone held to blame, never a
 * calm request or question (「…でしょうか」「…のでしょう」 end otherwise). A hand scan of each sentence's end.
 */
export function endsReproaching(t: string): boolean {
  return sentencesOf(t).some((s) => REPROACHING_ENDS.some((e) => trimEndOf(s, CLOSING).endsWith(e)));
}
const REPROACHING_ENDS = ["のに", "でしょ", "でしょうね", "のよ"];

/**
 * 「今すぐ教えて」「早く直してほしい」「すぐ変えたいんだけど」: something asked for or wanted at once (a clause
 * that ends in a request or a want, with a word of "at once" in it) is hurry, and so is that word said alone
 * (「早く！パスワードどうやって変えるの」). Asking whether it may be done at once (「今すぐ送ったらだめ？」) is not.
 * A hand scan of each clause.
 */
export function wantsItNow(t: string): boolean {
  return clausesOf(t).some((c) => {
    const end = trimEndOf(c, CLOSING);
    return AT_ONCE.includes(end) || (mentionsAny(end, AT_ONCE) && WANTING_ENDS.some((e) => end.endsWith(e)));
  });
}
const AT_ONCE = ["今すぐ", "いますぐ", "すぐ", "早く", "はやく"];
const WANTING_ENDS = [
  "て",
  "てよ",
  "ください",
  "下さい",
  "ほしい",
  "欲しい",
  "たい",
  "たいです",
  "たいんです",
  // 「早く決めたいんだけど」: a want left hanging, pressing.
  "たいんだけど",
  "たいんですけど",
  "たいのに",
];

/**
 * A failure that trails off in a long ellipsis or is asked twice over (「まだ届かない……」「送れない。。。」
 * 「なんで届かないの？？」): worn down, though no word says so. Not a plain 「…」, which many write as a
 * pause (「届かないのですが…」). (NFKC writes 「…」 as three dots.)
 */
export function trailsOff(t: string): boolean {
  let dots = 0;
  let marus = 0;
  let asks = 0;
  let long = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    dots = ch === "." || ch === "・" ? dots + 1 : 0;
    marus = ch === "。" ? marus + 1 : 0;
    asks = ch === "?" ? asks + 1 : 0;
    if (dots >= 4 || marus >= 2 || asks >= 2) long = true;
  }
  return long && FAILURES.some((f) => t.includes(f));
}

/**
 * 「上司になんて報告すれば…」「どうすれば…」: a "what if I" cut off by an ellipsis, the question they cannot finish:
 * worried. A conditional ending (e-row kana, then 「ば」) right before the dots; not a pause after a telling
 * sentence (「届かないのですが…」).
 */
export function conditionTrailsOff(t: string): boolean {
  for (let at = t.indexOf("ば..."); at >= 0; at = t.indexOf("ば...", at + 1))
    if (at > 0 && E_ROW.has(t[at - 1]!)) return true;
  return false;
}
const E_ROW = new Set([..."えけげせぜてでねへべぺめれ"]);

/**
 * 「またサーバーの問題？」「またエラー？」「またso-netのせい？」: a sentence opening with 「また」 that asks only for a
 * thing (no verb: it ends in a noun), the same trouble again, asked in exasperation. 「また送ったら届く？」「また同じこと
 * にならない？」 ask what will happen (a verb's ending) and are calm. A scan of each sentence's ends.
 */
export function againAsked(t: string): boolean {
  return sentencesOf(t).some((s) => {
    const sentence = s.trim();
    if (!sentence.startsWith("また") || !/[?？]$/.test(sentence)) return false;
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
const KANJI = /\p{Script=Han}/u;
const EITHER_PAUSES = new Set([..."?？、, "]);

/**
 * Blaming themselves or their skill (「私がバカでした」「自分が情けない」「分からない自分が嫌」「ダメな私」
 * 「機械に弱くて」「パソコンは詳しくなくて」): ashamed, to be reassured. The person, a particle or an
 * adverb at most, then the judgement (or the judgement, 「な」, the person).
 */
export function blamesSelf(t: string): boolean {
  for (const self of SELF) {
    for (let at = t.indexOf(self); at >= 0; at = t.indexOf(self, at + 1)) {
      let from = at + self.length;
      for (const p of SELF_PARTICLES) if (t.startsWith(p, from)) from += p.length;
      for (const a of ADVERBS) if (t.startsWith(a, from)) from += a.length;
      if (SELF_JUDGEMENTS.some((j) => t.startsWith(j, from))) return true;
      if (SELF_JUDGEMENTS.some((j) => t.slice(Math.max(0, at - j.length - 1), at) === `${j}な`)) return true;
    }
  }
  return followedWithin(t, SKILLS, SKILL_WINDOW, SKILL_JUDGEMENTS);
}
const SELF = ["私", "わたし", "自分", "僕", "ぼく", "俺", "おれ", "あたし", "わし"];
const SELF_PARTICLES = ["って", "が", "は", "も", "、"];
const ADVERBS = ["ほんとに", "ほんと", "本当に", "本当", "まじで", "マジで", "つくづく"];
const SELF_JUDGEMENTS = [
  "バカ",
  "ばか",
  "馬鹿",
  "アホ",
  "あほ",
  "ダメ",
  "だめ",
  "駄目",
  "情けな",
  "いけない",
  "いけなかった",
  "悪い",
  "悪かった",
  "ドジ",
  "どじ",
  "間抜け",
  "まぬけ",
  "嫌",
  "不甲斐な",
  "ふがいな",
  "無知",
  "下手",
  "へた",
  "恥ずかし",
];
/** Skills people feel behind in, and how they say so (「機械に弱い」「パソコンは詳しくない」). */
const SKILLS = ["機械", "パソコン", "pc", "PC", "スマホ", "ネット", "デジタル", "英語", "IT"];
const SKILL_WINDOW = 4;
const SKILL_JUDGEMENTS = ["苦手", "弱い", "弱くて", "詳しくな", "疎", "オンチ", "音痴", "不得意", "さっぱり"];

/**
 * No one else to ask (「他に聞ける人がいなくて」「相談できる相手もいない」「誰にも聞けなくて」): lonely, met
 * with sympathy. Someone who could help, then within a few letters that there is none.
 */
export function hasNoOneToAsk(t: string): boolean {
  return (
    followedWithin(t, HELPERS, LONELY_WINDOW, NONE) ||
    followedWithin(t, ["誰にも"], LONELY_WINDOW, NOBODY_CAN)
  );
}
const HELPERS = [
  "聞ける人",
  "聞ける相手",
  "聞く人",
  "相談できる",
  "相談する相手",
  "相談する人",
  "頼れる",
  "頼める人",
  "頼る人",
  "話せる人",
  "教えてくれる人",
  "わかる人",
  "分かる人",
  "詳しい人",
];
const LONELY_WINDOW = 6;
const NONE = ["いない", "いなく", "おらず", "いません", "おりません", "居ない"];
const NOBODY_CAN = ["聞け", "相談", "頼れ", "頼め", "言え", "わかって", "分かって"];

/**
 * Pressed at work (「会議が始まっちゃう」「お客様が目の前で待ってます」「取引先に出さなきゃいけないのに」
 * 「納品が遅れちゃう」「部長がキレてる」): someone or something at stake, then within a few letters that it waits, is
 * late, presses or is angry. In a hurry, though no word of hurry is there.
 */
export function pressedAtWork(t: string): boolean {
  return followedWithin(t, STAKES, PRESSURE_WINDOW, PRESSURES);
}
const STAKES = [
  "会議",
  "打ち合わせ",
  "取引先",
  "得意先",
  "先方",
  "お客様",
  "お客さん",
  "客先",
  "顧客",
  "クライアント",
  "上司",
  "部長",
  "課長",
  "社長",
  "上から",
  "納品",
  "提出",
  "商談",
  "出張",
  "プレゼン",
  "面接",
  "本番",
];
const PRESSURE_WINDOW = 12;
const PRESSURES = [
  "間に合",
  "遅れ",
  "待って",
  "待たせ",
  "始まっちゃ",
  "始まってしま",
  "始まる",
  "急か",
  "せか",
  "せっつ",
  "回らない",
  "なきゃ",
  "なくちゃ",
  "ないといけ",
  "なければいけ",
  "催促",
  // Their anger faced (「部長がキレてる」「社長がカンカン」): katakana here, as written (folded to kana, 「きれて」
  // would be in 「できれば」).
  "キレて",
  "キレる",
  "キレた",
  "キレら",
  "キレそう",
  "カンカン",
  "怒鳴",
  "詰められ",
];

/**
 * Work brought to a stop (「仕事の連絡が全部止まってる」「業務が進まない」): what it costs them, pressing.
 */
export function workStopped(t: string): boolean {
  return followedWithin(t, WORK, WORK_WINDOW, STOPPED);
}
const WORK = ["仕事", "業務"];
const WORK_WINDOW = 10;
const STOPPED = ["止まっ", "止まる", "進まな", "進みませ", "回らな"];

/**
 * A state felt past bearing (「気になってたまらない」「不安で仕方ない」「落ち着かなくてしょうがない」), or a
 * late-night apology for what keeps them up (「夜遅くにすみません、どうしても気になって」): worried.
 */
export function intenseState(t: string): boolean {
  if (mentionsAny(t, PAST_BEARING)) return true;
  return mentionsAny(t, LATE) && mentionsAny(t, ON_THEIR_MIND);
}
const PAST_BEARING = [
  "てたまらない",
  "でたまらない",
  "てたまりません",
  "て仕方ない",
  "て仕方がない",
  "てしかたない",
  "で仕方ない",
  "で仕方がない",
  "てしょうがない",
  "でしょうがない",
  "て仕方ありません",
  "て仕方がありません",
];
const LATE = ["夜分", "深夜", "夜遅く", "夜中", "こんな時間", "遅い時間", "遅くに"];
const ON_THEIR_MIND = ["気にな", "気がかり", "頭から離れ"];

/**
 * An age of their own told, past which most users feel behind with computers (「80歳です」「70代の私」「85才」):
 * unsure of themselves though no word says so (ui.yaml 年寄り, 高齢 say it in words). A hand scan of digits.
 */
export function toldOld(text: string): boolean {
  const t = withKanjiAges(text);
  for (let i = 0; i < t.length; i++) {
    let j = i;
    while (j < t.length && j - i < 3 && isDigit(t[j]!)) j++;
    if (j === i || (i > 0 && isDigit(t[i - 1]!)) || (j < t.length && isDigit(t[j]!))) {
      i = j;
      continue;
    }
    const unit = AGE_UNITS.find((u) => t.startsWith(u, j));
    // 「70代の母に代わって」: someone else's age; 「80歳の私には」 is their own.
    const whose = unit === undefined ? "" : t.slice(j + unit.length);
    const own = !whose.startsWith("の") || SELF_AFTER.some((w) => whose.startsWith(w, 1));
    if (unit !== undefined && own && Number(t.slice(i, j)) >= OLD_AGE) return true;
    i = j;
  }
  return false;
}
const OLD_AGE = 70;
// 「七十を過ぎて」「70過ぎの私」: an age passed, told without a unit.
const AGE_UNITS = ["歳", "才", "代", "を過ぎ", "過ぎ"];
/**
 * 「七十五歳」「八十を過ぎて」: ages of seventy and more written in kanji, as digits (the tens 七 八 九 before 十,
 * a unit after it). Other kanji numbers are left as they are. A hand scan: linear.
 */
function withKanjiAges(t: string): string {
  if (!t.includes("十")) return t;
  let out = "";
  for (let i = 0; i < t.length; i++) {
    const tens = KANJI_DIGITS.indexOf(t[i]!);
    if (tens >= 7 && t[i + 1] === "十" && (i === 0 || !`${KANJI_DIGITS}百千万`.includes(t[i - 1]!))) {
      const ones = KANJI_DIGITS.indexOf(t[i + 2] ?? "");
      out += String(tens * 10 + Math.max(0, ones));
      i += ones > 0 ? 2 : 1;
      continue;
    }
    out += t[i];
  }
  return out;
}
const KANJI_DIGITS = "〇一二三四五六七八九";
const SELF_AFTER = ["私", "わたし", "自分", "年寄り", "老人", "者", "身"];
const isDigit = (ch: string) => ch >= "0" && ch <= "9";

/**
 * Minutes or an hour or two left, said against them (「会議まであと10分なのに」「あと1時間しかない」): hurried,
 * though no word of feeling is used. 「あと3日待てば届く？」 is no deadline (days; nothing against them).
 */
export function minutesLeft(t: string): boolean {
  for (let at = t.indexOf("あと"); at >= 0; at = t.indexOf("あと", at + 1)) {
    let j = at + 2;
    while (j < t.length && j - at < 5 && isDigit(t[j]!)) j++;
    if (j === at + 2) continue;
    const unit = SHORT_UNITS.find((u) => t.startsWith(u, j));
    if (unit === undefined) continue;
    const after = t.slice(j + unit.length, j + unit.length + AGAINST_WINDOW);
    if (AGAINST.some((a) => after.startsWith(a))) return true;
  }
  return false;
}
const SHORT_UNITS = ["分", "時間"];
const AGAINST_WINDOW = 5;
// 「あと30分なんだけど」「あと1時間なんです」: the time left told as the reason of what follows is against them too.
const AGAINST = [
  "なのに",
  "しかな",
  "しかありませ",
  "で締め切",
  "で締切",
  "で会議",
  "で出発",
  "なんだけど",
  "なんですけど",
  "なんです",
];

/**
 * The body reacting, told of a part of it (「胃が痛い」「涙出てきた」「頭がパンクしそう」「寿命が縮んだ」「目の前が
 * 真っ暗」): shock, dread or overload in words no list holds, since any part may take any of its reactions.
 * Each part has its own reactions (「頭に出てくる」 is no tear: 出 is a reaction of 涙 only).
 */
export function bodyReacts(t: string): boolean {
  return BODY_REACTIONS.some(([parts, reactions]) => followedWithin(t, parts, BODY_WINDOW, reactions));
}
/** A particle or two between the part and its reaction (「手がもう震えて」 is beyond it, rarely said). */
const BODY_WINDOW = 4;
const BODY_REACTIONS: [string[], string[]][] = [
  [["胃"], ["痛", "いた", "キリキリ", "きりきり", "穴"]],
  [
    ["手", "足", "膝", "指"],
    ["震え", "ふるえ", "震わ", "ガクガク", "がくがく", "ブルブル", "ぶるぶる"],
  ],
  [["頭"], ["真っ白", "まっしろ", "パンク", "ぱんく", "痛", "いた", "爆発", "混乱", "回らな"]],
  [
    ["目の前", "目のまえ"],
    ["真っ暗", "まっくら", "真っ白", "まっしろ"],
  ],
  [
    ["涙", "なみだ"],
    ["出", "で", "止まら", "とまら", "あふれ", "溢れ"],
  ],
  [["寿命"], ["縮", "ちぢ"]],
  [
    ["顔", "血の気", "血のけ"],
    ["真っ青", "まっさお", "青ざめ", "引い", "ひい", "から火"],
  ],
  [
    ["背筋", "肝"],
    ["凍", "こお", "冷え", "寒", "ゾッ", "ぞっ"],
  ],
  [
    ["生きた心地", "気が気"],
    ["しな", "しませ", "でな", "じゃな"],
  ],
];

/**
 * A face drawn in characters that cries, despairs or is angry: between brackets, no word inside, a mark
 * of tears, pain or anger and none of joy (「(´;ω;`)」「(>_<)」「(T_T)」「(#ﾟДﾟ)」「(´・ω・`)」, not 「(^^)」
 * 「(*´∀`*)」); or bare (「T_T」「;_;」「>_<」「orz」 is a word of ui.yaml). A one-kanji aside (「(泣)」「(汗)」).
 */
export function hasUpsetFace(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === "(") {
      const close = t.indexOf(")", i + 1);
      if (close < 0 || close - i - 1 > MAX_FACE_CHARS) continue;
      if (upsetFace(t.slice(i + 1, close))) return true;
      i = close;
    }
  }
  return BARE_FACES.some((f) => bareFaceAt(t, f));
}
const MAX_FACE_CHARS = 14;

function upsetFace(inside: string): boolean {
  if (inside.length === 0) return false;
  if (inside.length === 1 && ASIDES.has(inside)) return true;
  let marks = 0;
  for (const ch of inside) {
    if (WORD_LETTER.test(ch) && !FACE_LETTERS.has(ch)) return false;
    if (JOY.has(ch)) return false;
    if (PAIN.has(ch)) marks++;
  }
  return marks > 0;
}
/** 「(泣)」「(汗)」「(怒)」: a word of feeling set aside in brackets. */
const ASIDES = new Set([..."泣涙汗怒焦困悲"]);
/** Letters that draw a face, not a word (ω, Д, ﾟ, ノ of an arm, T of closed eyes, o of a mouth). */
const FACE_LETTERS = new Set([..."ωДдΩεエノﾉっつTtoOqQュヮ皿益ﾟ゜ー"]);
/** Tears, sweat, squeezed or averted eyes, an anger mark. */
const PAIN = new Set([..."；;TＴ><＞＜Д皿益#＃´`｀ﾟ゜\u0301\u309a@"]);
/** Smiles and sparkles: a happy face, whatever else it has. */
const JOY = new Set([..."^＾∀▽♪☆★*＊♡♥ᴗ◕ｖv✌"]);
export const WORD_LETTER = /[\p{L}\p{N}]/u;

const BARE_FACES = ["T_T", "T-T", "T^T", ";_;", ";;", ">_<", "><", ">.<", "orz", "OTL", "TT"];
/** A bare face stands apart from words of Latin letters (「TT」 is no part of 「HTTP」, 「OTL」 of 「BOTLE」). */
function bareFaceAt(t: string, face: string): boolean {
  for (let at = t.indexOf(face); at >= 0; at = t.indexOf(face, at + 1)) {
    const before = t[at - 1] ?? "";
    const after = t[at + face.length] ?? "";
    if (!LATIN.test(before) && !LATIN.test(after)) return true;
  }
  return false;
}
const LATIN = /[A-Za-z0-9]/;

/**
 * 「何なのもう」「勘弁してよもう」「いい加減にしてもー」: an exasperated 「もう」 closing the message, or a clause
 * of it (「あーもう、じゃあどうやって確認すんの」: feltByShape asks each clause).
 */
export function endsExasperated(t: string): boolean {
  const end = trimEndOf(t, CLOSING);
  if (end.length <= 3) return false; // 「もう」 alone, 「もうー」: "already?"
  // 「もー」: the long mark was trimmed with the closing marks.
  const drawn = end.endsWith("も") && t[end.length] === "ー";
  return drawn || EXASPERATED_ENDS.some((e) => end.endsWith(e));
}
const CLOSING = new Set([..." 　。、.!！?？~〜ー…・"]);
const EXASPERATED_ENDS = ["もう", "もお", "もぉ"];

/**
 * An intensifier, then within a few letters a failure of the mail or the fix (「全然届かない」「何度やってもダメ」「ちっとも送れません」
 * 「いつまでたっても来ない」): the user is worn down, though no word of feeling is there.
 */
export function intensifiedFailure(t: string): boolean {
  return followedWithin(t, INTENSIFIERS, FAILURE_WINDOW, FAILURES);
}
const INTENSIFIERS = [
  "全然",
  "ぜんぜん",
  "全く",
  "まったく",
  "ちっとも",
  "一向に",
  "いっこうに",
  "いつまでたっても",
  "いつまで経っても",
  "何度やっても",
  "何回やっても",
  "何度送っても",
  "何回送っても",
  "なんどやっても",
  "何をやっても",
  "何やっても",
  "どうやっても",
  "いくらやっても",
  // Every time, all along (「毎回はじかれる」「送るたびに戻ってくる」「さっきからずっと届かない」).
  "毎回",
  "たびに",
  "度に",
  "さっきから",
  "ずっと",
  // Not once (「朝から一通も送れない」「一度も届いたことがない」).
  "一通も",
  "1通も",
  "一度も",
  "一回も",
];
const FAILURE_WINDOW = 10;
/**
 * What fails: the mail or the fix, not understanding (「全然わからない」 is being lost) nor the assistant
 * (「全然役に立たない」 is "that didn't help", answered with its own apology).
 */
const FAILURES = [
  // Kept waiting (「朝からずっと待ってるんだけど」「さっきからずっと待たされてる」).
  "待って",
  "待たされ",
  "届か",
  "とどか",
  "送れ",
  "おくれ",
  "来ない",
  "来ません",
  "こない",
  "直ら",
  "なおら",
  "治ら",
  "変わら",
  "かわら",
  "通ら",
  "つながら",
  "繋がら",
  "戻って",
  "返って",
  "ダメ",
  "だめ",
  "駄目",
  "無理",
  "うまくいか",
  "上手くいか",
  "はじかれ",
  "弾かれ",
];

/**
 * Whether what is left of a message without its words of feeling tells the situation: in Japanese a word
 * in kanji or katakana that is no question word (「何なのもう」 tells nothing; asking.ts `tellsMore`), in
 * English two words that say something ("my boss needs this file today"), not the feeling's frame ("I'm
 * so … about this", "not this again").
 */
export function tellsSituation(rest: string): boolean {
  return tellsMore(withoutWords(rest, QUESTION_KANJI, "")) || englishContentWords(rest) >= 2;
}
const QUESTION_KANJI = ["何"];

/**
 * Whether what is left of a message without its words of feeling says anything at all (a word in kanji or
 * katakana, or an English word of content): "this is so" of "this is so annoying" does not, and is matched
 * to no question.
 */
export function saysSomething(rest: string): boolean {
  return CONTENT_SCRIPT.test(withoutWords(rest, QUESTION_KANJI, "")) || englishContentWords(rest) >= 1;
}
const CONTENT_SCRIPT = /[\p{Script=Han}\p{Script=Katakana}]/u;

/** English words of three letters or more that are not the frame of a sentence (a hand scan). */
function englishContentWords(text: string): number {
  const t = text.normalize("NFKC").toLowerCase();
  let count = 0;
  let word = "";
  for (let i = 0; i <= t.length; i++) {
    const ch = t[i] ?? " ";
    if ((ch >= "a" && ch <= "z") || ch === "'") {
      word += ch;
      continue;
    }
    if (word.length >= 3 && !FRAME_WORDS.has(word)) count++;
    word = "";
  }
  return count;
}
/** The small words that frame an English sentence (no content of their own). */
const SENTENCE_FRAME = new Set(
  (
    "the this that these those its it's i'm i've i'll you you're your yours she her his him they them their " +
    "and but not nor for with about from into onto again now then just really very too also still even ever " +
    "all any some much many more most such what why how who when where which whatever was were are been being " +
    "have has had does did doing done can could would should will shall may might must get got getting " +
    "one thing things stuff way lot lots ever here there yes yeah okay well sure please pls plz omg wow gosh " +
    "seriously totally completely absolutely literally honestly actually already anymore"
  ).split(" "),
);
/**
 * The frame, and the returned mail itself, which every such message is about: "it keeps bouncing" tells no
 * situation.
 */
const FRAME_WORDS = new Set([
  ...SENTENCE_FRAME,
  ...(
    "mail mails email emails message messages bounce bounces bouncing bounced error errors keep keeps keeping " +
    "fail fails failing failed send sending sent work works working back come comes coming came returned"
  ).split(" "),
]);

/**
 * "it STILL bounces", "I did NOT change anything", "WHY does it keep failing": a small word of the sentence's
 * frame written in capitals in a text otherwise in small letters is said with a raised voice. A notice pasted
 * in capitals has no small letters; acronyms (SMTP, SPF) are no words of the frame. A hand scan.
 */
export function raisesVoice(text: string): boolean {
  if (text.length > MAX_SHAPE_CHARS) return false;
  let word = "";
  let small = false;
  let raised = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i] ?? " ";
    if (ch >= "a" && ch <= "z") small = true;
    if ((ch >= "A" && ch <= "Z") || (ch >= "a" && ch <= "z")) {
      word += ch;
      continue;
    }
    if (word.length >= 3 && word === word.toUpperCase() && SENTENCE_FRAME.has(word.toLowerCase()))
      raised = true;
    word = "";
  }
  return raised && small;
}

/**
 * A feeling denied is none (「心配はないですか」「急ぎじゃないので」「特に困ってはいないんですが」「怒ってないよ」):
 * each word of worry, hurry, trouble or anger followed by each way of saying "not", taken out of a message
 * before its words of feeling are looked for (as ui.yaml `feelings.words.except`).
 */
const DENIABLE = [
  "心配",
  "不安",
  "急ぎ",
  "急いで",
  "困って",
  "怖く",
  "焦って",
  "焦り",
  "焦ら",
  "怒って",
  "イライラして",
  "イライラ",
  "怒り",
  // 「ストレスなく使えてます」「ストレスはないです」.
  "ストレス",
  // A deadline said not to press (「今日中じゃなくても大丈夫」「締め切りはまだ先なので」).
  "今日中",
  "明日まで",
  "締め切りは",
  "締切は",
  "期限は",
];
const DENIALS = [
  "ない",
  "はない",
  "もない",
  "じゃない",
  "ではない",
  "ではありません",
  "じゃありません",
  "はありません",
  "ありません",
  "しなくて",
  "しないで",
  "いらない",
  "はいらない",
  "は要らない",
  "無用",
  "はいない",
  "いない",
  // 「心配はしてないんですけど」「不安にはしていません」.
  "してない",
  "はしてない",
  "していない",
  "してません",
  "はしていません",
  "ません",
  "はいません",
  "なく",
  "じゃなく",
  "でなく",
  "まだ先",
  "余裕",
];
/**
 * English feelings denied ("not panicking, just curious", "I'm not upset", "no rush"), matched in lower case.
 */
const DENIABLE_EN = [
  "upset",
  "panicking",
  "worried",
  "angry",
  "mad",
  "scared",
  "annoyed",
  "frustrated",
  "stressed",
];
// "more curious than worried": the feeling named only to be outweighed.
const DENIALS_EN = ["not ", "not really ", "not that ", "not at all ", "than "];
const CALM_EN = [
  "no rush",
  "no hurry",
  "not urgent",
  "not in a hurry",
  "not in a rush",
  "no pressure",
  "no stress",
  // Blame of oneself denied ("phew, so it's not my fault").
  "not my fault",
  "wasn't my fault",
  "isn't my fault",
];
export const NEGATED_FEELINGS: readonly string[] = [
  // 「お忙しいところ」: the other's time, a polite opening, not the writer's hurry.
  "お忙しいところ",
  "お忙しい中",
  "お忙しいとは",
  ...DENIABLE.flatMap((w) => DENIALS.map((n) => w + n)),
  // Named as one of several and denied (「不安とかではないんですが」「急ぎとかじゃないです」).
  ...DENIABLE.flatMap((w) =>
    ["ではない", "じゃない", "ではありません", "じゃありません"].map((n) => `${w}とか${n}`),
  ),
  // Told to stay calm (「焦らずやってみます」「急がずに待ちます」).
  "焦らず",
  "急がず",
  "慌てず",
  "あわてず",
  ...DENIABLE_EN.flatMap((w) => DENIALS_EN.map((n) => n + w)),
  ...CALM_EN,
  // Worry looked back on as too much (「心配しすぎでした」「気にしすぎだったみたい」): relieved.
  ...["心配しすぎ", "気にしすぎ"].flatMap((w) =>
    ["でした", "だった", "ました", "たみたい"].map((e) => w + e),
  ),
];

/**
 * 「心配していたわけではないのですが」「焦ってるわけじゃない」「怖いとかではなくて」「やばい、って程じゃないけど」
 * 「困ったなぁ、くらいの感じ」: a word of feeling (DENIABLE, and the words of ui.yaml given) denied or played down by
 * 「わけ…な」「とか…な」「ほど…な」「くらいの感じ」 after a few letters of its ending, blanked out. Only hiragana and
 * commas may come between, so 「急いでるのに届かない」 (a kanji between) and 「不安でたまらない」 (no such tail) stay
 * feelings. A hand scan: each occurrence looks at most DENIAL_REACH letters ahead.
 */
export function withoutDeniedFeelings(t: string, words: readonly string[] = []): string {
  // Nothing is denied where no tail is, and blanking (spaces) makes none: most texts stop here, before
  // the hundreds of words of ui.yaml are each looked for (~20 µs a text, read two or three times a turn).
  if (!DENIAL_TAILS.some((d) => t.includes(d)) && !NOUN_DENIALS.some((d) => t.includes(d))) return t;
  let out = t;
  for (const word of [...DENIABLE, "怖い", ...words]) {
    for (let at = out.indexOf(word); at >= 0; at = out.indexOf(word, at + 1)) {
      const from = at + word.length;
      let end = -1;
      // 「怖い話じゃないんですが」「急ぎの用事ではないのですが」: the feeling of a thing (a noun of a kanji or two
      // after it) said not to be so, before going on.
      let kanji = 0;
      for (let i = from; i <= from + DENIAL_REACH && i < out.length && end < 0; i++) {
        const tail =
          kanji === 0
            ? DENIAL_TAILS.find((d) => out.startsWith(d, i))
            : NOUN_DENIALS.find((d) => out.startsWith(d, i));
        if (tail !== undefined) end = i + tail.length;
        else if (KANJI.test(out[i]!) && kanji < MAX_NOUN_KANJI) kanji++;
        else if (!isHiragana(out[i]!) && !BETWEEN.has(out[i]!)) break;
      }
      if (end >= 0) out = out.slice(0, at) + " ".repeat(end - at) + out.slice(end);
    }
  }
  return out;
}
const MAX_NOUN_KANJI = 2;
/** A thing said not to be so, before going on (「…じゃないんですが、」); not asked (「…じゃないですか！」). */
const NOUN_DENIALS = [
  "じゃないんですが",
  "じゃないんですけど",
  "じゃないのですが",
  "じゃないけど",
  "ではないんですが",
  "ではないんですけど",
  "ではないのですが",
  "ではないけど",
  "ではありませんが",
  "じゃありませんが",
];
/** Letters of a verb's ending between the word and its denial (「していた」「てる」「なぁ、」「、って」). */
const DENIAL_REACH = 5;
const BETWEEN = new Set([..."、,ー〜~ "]);
const DENIAL_TAILS = [
  "わけではな",
  "わけじゃな",
  "わけでもな",
  "訳ではな",
  "訳じゃな",
  "とかではな",
  "とかじゃな",
  // Played down (「やばい、って程じゃない」「困ったなぁ、くらいの感じ」).
  "ほどではな",
  "ほどじゃな",
  "ほどでもな",
  "程ではな",
  "程じゃな",
  "程でもな",
  "くらいの感じ",
  "ぐらいの感じ",
  // A measure of something else (「やばいくらい長い動画」「泣きそうなくらい眠い」), or laughed off (「失礼な笑」).
  "くらい",
  "ぐらい",
  "笑",
];
const isHiragana = (ch: string) => ch >= "ぁ" && ch <= "ゖ";

/**
 * 「一瞬ドキッとしましたが、…」「ちょっとショックだけど、…」「ちょっと残念ですが、…」: a word of feeling played
 * down by 「一瞬」「ちょっと」「少し」 just before it and set aside by a contrast right after it (「…が、」「…けど」):
 * the writer goes on calmly, so it is blanked out with its softener and ending. 「ちょっと心配になってきました」
 * (no contrast) stays a feeling. A hand scan from each softener (rare): at most PLAYED_DOWN_REACH letters ahead.
 */
export function withoutPlayedDown(t: string, words: readonly string[]): string {
  if (!SOFTENERS.some((s) => t.includes(s))) return t;
  let out = t;
  for (const softener of SOFTENERS) {
    for (let at = out.indexOf(softener); at >= 0; at = out.indexOf(softener, at + 1)) {
      let from = at + softener.length;
      if (out.startsWith("だけ", from)) from += 2;
      const word = words.find((w) => w !== "" && out.startsWith(w, from));
      if (word === undefined) continue;
      const after = from + word.length;
      const contrast = contrastAfter(out, after, softener === "一瞬" || MOMENTARY.includes(word));
      const end = contrast >= 0 ? contrast : politeLeadIn(out, after);
      if (end >= 0) out = out.slice(0, at) + " ".repeat(end - at) + out.slice(end);
    }
  }
  return out;
}
/**
 * Where a contrast that closes the clause ends (「…しましたが、」「…だけど」), within a verb's ending; else -1.
 * Unless `anyTense`, the feeling must be past (「ちょっと焦ったけど」): 「ちょっと困ってるんですけど、」 is
 * trouble understated, still felt.
 */
function contrastAfter(t: string, from: number, anyTense: boolean): number {
  let past = anyTense;
  for (let i = from; i <= from + PLAYED_DOWN_REACH && i < t.length; i++) {
    if (t[i] === "た") past = true;
    if (t.startsWith("けれど", i)) return past ? i + 3 : -1;
    if (t.startsWith("けど", i) && !t.startsWith("だけど", i - 1)) return past ? i + 2 : -1;
    if (t.startsWith("だけど", i)) return past || anyTense ? i + 3 : -1;
    if (t[i] === "が" && (i + 1 === t.length || PAUSES.has(t[i + 1]!))) return past ? i + 1 : -1;
    if (!isHiragana(t[i]!) && t[i] !== "ー") return -1;
  }
  return -1;
}
/**
 * 「少し不安なのですが、」「少し心配になってきたのですが、」: a feeling played down, then the polite way in to a question
 * (「…のですが、」「…んですが、」 before a pause), in any tense: the writer asks leave to ask, calmly. Where it ends; else -1.
 */
function politeLeadIn(t: string, from: number): number {
  for (let i = from; i <= from + LEAD_IN_REACH && i < t.length; i++) {
    const lead = LEAD_INS.find((l) => t.startsWith(l, i));
    if (lead !== undefined) return PAUSES.has(t[i + lead.length] ?? "") ? i + lead.length : -1;
    if (!isHiragana(t[i]!)) return -1;
  }
  return -1;
}
const LEAD_INS = ["のですが", "んですが"];
const LEAD_IN_REACH = 12;
/** A moment's reaction (shock, a start, disappointment), over as it is told: played down in any tense. */
const MOMENTARY = [
  "ショック",
  "しょっく",
  "びっくり",
  "ビックリ",
  "ドキッ",
  "どきっ",
  "ヒヤッ",
  "ひやっ",
  "残念です",
  "残念だ",
];
/**
 * 「心配性なので念のため。」「不安なので一応聞きますが」: a worry named only as the reason for a precaution asks to
 * be sure, no comfort: its words in the sentence of 「念のため」「一応」 "just in case" are blanked out. Anger or
 * hurry beside it stays (「一応言っとくけど最悪」). A hand scan per marker (rare).
 */
export function withoutPrecaution(t: string): string {
  if (!PRECAUTIONS.some((p) => t.includes(p))) return t;
  let out = t;
  for (const marker of PRECAUTIONS)
    for (let at = out.indexOf(marker); at >= 0; at = out.indexOf(marker, at + 1)) {
      let from = at;
      while (from > 0 && !SENTENCE_MARKS.has(out[from - 1]!)) from--;
      let to = at + marker.length;
      while (to < out.length && !SENTENCE_MARKS.has(out[to]!)) to++;
      // The marker closing its sentence (「心配性なので念のため。」) covers it; one opening it, the sentence after.
      out = blankedWithin(out, PRECAUTIONARY_WORRIES, from, to);
    }
  return out;
}

/** The text with every one of `words` that lies wholly inside [from, to) blanked out (same length). */
function blankedWithin(text: string, words: readonly string[], from: number, to: number): string {
  let out = text;
  for (const word of words) {
    if (word === "") continue;
    for (let at = out.indexOf(word, from); at >= 0 && at + word.length <= to; at = out.indexOf(word, at + 1))
      out = out.slice(0, at) + " ".repeat(word.length) + out.slice(at + word.length);
  }
  return out;
}
const PRECAUTIONS = ["念のため", "念の為", "一応", "just in case", "just to be safe", "to be safe"];
const PRECAUTIONARY_WORRIES = [
  "心配性",
  "心配",
  "不安",
  "しんぱい",
  "ふあん",
  "気にな",
  "worried",
  "nervous",
];

const SOFTENERS = ["一瞬", "ちょっと", "ちょっぴり", "少し", "すこし", "少々", "若干", "a bit ", "a little "];
const PLAYED_DOWN_REACH = 8;

/**
 * 「写真を詰め込みすぎて怒られちゃいました笑」「びっくりするほど多いですね笑」"lol ok no panic": a sentence the
 * writer laughs at (笑, (笑), ｗ closing it; "lol", "haha" in it) tells no feeling: its words of feeling are
 * blanked out. 「笑えない」「笑い事じゃない」「笑うしかない」 are no laugh (笑 followed by a verb's letters). A laugh
 * alone after a sentence's mark (「失礼すぎない？笑」) laughs at the sentence before it. Hand scans: linear.
 */
export function withoutLaughedOff(t: string, words: readonly string[]): string {
  if (!LAUGH_HINTS.some((h) => t.includes(h))) return t;
  const spans: [number, number][] = [];
  let start = 0;
  let previous = 0;
  for (let i = 0; i <= t.length; i++) {
    const ch = t[i];
    const ends = ch === undefined || SENTENCE_MARKS.has(ch) || (ch === " " && t[i - 1] === "笑");
    if (!ends) continue;
    const sentence = t.slice(start, i);
    if (sentence.trim() === "") {
      start = i + 1;
      continue;
    }
    // A laugh alone (「笑」「w」) laughs at the sentence before it.
    if (laughsIn(sentence)) spans.push([sentence.trim().length <= 3 ? previous : start, i]);
    previous = start;
    start = i + 1;
  }
  if (spans.length === 0) return t;
  let out = t;
  for (const [from, to] of spans) out = blankedWithin(out, words, from, to);
  return out;
}
const LAUGH_HINTS = ["笑", "w", "lol", "haha", "lmao"];
/** Letters after 笑 that make it a verb or a noun (笑える, 笑い事, 笑う, 笑っ, 笑わ, 笑み): no laugh. */
const LAUGH_VERB = new Set([..."えいうっわみ"]);
function laughsIn(sentence: string): boolean {
  for (let at = sentence.indexOf("笑"); at >= 0; at = sentence.indexOf("笑", at + 1)) {
    const next = sentence[at + 1];
    // 「(苦笑)」: a wry smile at a failure is exasperation, no laugh.
    if ((next === undefined || !LAUGH_VERB.has(next)) && sentence[at - 1] !== "苦") return true;
  }
  // ｗ (NFKC: w) closing a sentence of Japanese: 「ですねw」「まじかww」.
  const end = trimEndOf(sentence, CLOSING);
  if (end.endsWith("w") && end.length >= 2) {
    let i = end.length - 1;
    while (i > 0 && end[i - 1] === "w") i--;
    if (i > 0 && !LATIN.test(end[i - 1]!) && end[i - 1] !== " ") return true;
  }
  return LAUGH_WORDS.some((w) => wordAt(sentence, w));
}
const LAUGH_WORDS = ["lol", "haha", "lmao"];
/** A word of Latin letters standing alone (「lol」 is no part of 「lollipop」). */
function wordAt(t: string, word: string): boolean {
  for (let at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
    const before = t[at - 1];
    const after = t[at + word.length];
    if ((before === undefined || !LATIN.test(before)) && (after === undefined || !LATIN.test(after)))
      return true;
  }
  return false;
}

/**
 * 「私のせいじゃないならよかった」「自分が悪いわけじゃないんですね、安心しました」: blame of oneself (ui.yaml
 * `feelings.words.kept.worried`) denied and told, taken out of a text with its denial. Asked, the denial
 * still seeks reassurance (「私のせいじゃないよね？」「自分が原因じゃないの？」) and stays. A hand scan.
 */
export function withoutDeniedBlame(t: string, blames: readonly string[]): string {
  let out = t;
  for (const blame of blames) {
    for (let at = out.indexOf(blame); at >= 0; at = out.indexOf(blame, at + 1)) {
      const from = at + blame.length;
      const denial = BLAME_DENIALS.find((d) => out.startsWith(d, from));
      if (denial === undefined) continue;
      const end = from + denial.length;
      const rest = restOfSentence(out, end);
      // Only a denial learnt with relief (「…ならよかった」「…んですね」「…と分かって安心」): 「私のせいじゃないの
      // に！」 is indignant, 「自分のミスじゃないと思うけど」 still unsure.
      if (sentenceAsks(rest) || !RELIEVED.some((r) => rest.startsWith(r)) || rest.includes("!")) continue;
      out = out.slice(0, at) + " ".repeat(end - at) + out.slice(end);
    }
  }
  return out;
}
/** Longest first: 「わけじゃない」 before 「じゃない」 is no matter (each starts where the blame ends). */
const BLAME_DENIALS = [
  "わけじゃない",
  "わけではない",
  "わけではありません",
  "じゃなかった",
  "ではなかった",
  "ではありません",
  "じゃありません",
  "じゃない",
  "ではない",
  "じゃなく",
  "ではなく",
];
const RELIEVED = [
  // A condition only with its relief: 「…ならよかった」, not 「…なら何が原因？」.
  "ならよかった",
  "なら良かった",
  "なら安心",
  "ならいい",
  "んですね",
  "んだね",
  "のですね",
  "のね",
  "んだ。",
  "と分か",
  "とわか",
  "って分か",
  "ってわか",
  "と知って",
  "と聞いて",
  "で安心",
  "でよかった",
  "で良かった",
  "てよかった",
  "て良かった",
  "て安心",
  "みたいで",
  "ようで",
];
/** The text from `at` to the end of its sentence (a full stop, a mark, a line break). */
function restOfSentence(t: string, at: number): string {
  let end = at;
  while (end < t.length && !SENTENCE_MARKS.has(t[end]!)) end++;
  // The mark itself is kept: 「？」 asks.
  return t.slice(at, Math.min(t.length, end + 1));
}
const SENTENCE_MARKS = new Set([..."。.!！?？\n"]);

/** Whether a message thanks or tells that it worked: praise in it is meant (「素晴らしい、届きました！」). */
export function soundsGlad(text: string): boolean {
  return mentionsAny(text, GLAD);
}
const GLAD = [
  "ありがと",
  "ありがたい",
  "助か",
  "たすか",
  "感謝",
  "よかった",
  "良かった",
  "届いた",
  "届きました",
  "送れた",
  "送れました",
  "解決",
  "直った",
  "直りました",
  "できました",
  "thank",
  "worked",
  "solved",
];
