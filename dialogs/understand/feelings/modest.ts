import { sentenceAsks } from "../asking.ts";

/**
 * 「初歩的な質問ですみません、…」「機械オンチですみません、…」「申し訳ありません、機械に疎いもので。…」 "Sorry if this
 * is a dumb question, but …": the writer's skill or question played down, with an apology, opening a message that
 * then asks: the polite way in to a question, calm (no line of comfort before the answer). The opening pieces
 * (clauses up to a comma, a full stop or 「…」) are blanked out (same length) when each is modest or an apology,
 * together they hold both, what follows asks, and nothing in the message tells distress (an age, shame,
 * 「本当に」, trouble, tries, worry).
 * 「機械オンチでごめんなさい、何度やってもエラーのメールが来ます」 (nothing asked) and 「年寄りなもので、…」 (an
 * age: shame.ts) stay ashamed. A hand scan of the text folded (NFKC, lower case).
 */
export function withoutModestOpening(t: string): string {
  const shy = SHAME.some((w) => t.includes(w));
  const modestly = shy || MODEST.some((m) => t.includes(m)) || AGE_AS_REASON.some((a) => t.includes(a));
  if (!modestly || !(APOLOGIES.some((a) => t.includes(a)) || LEAD_INS.some((l) => t.includes(l)))) return t;
  // 「ごめんなさいね、年寄りなもので。…」: an age given as the reason for asking, beside an apology, is modesty;
  // named otherwise (「年寄りにはさっぱり」「八十を過ぎた年寄りで」) it stays distress (shame.ts). 「お恥ずかしい
  // んですが」 is the polite way in, as 「恐縮ですが」 (「お恥ずかしい限りです」 tells shame).
  const besidesAge = [...AGE_AS_REASON, ...POLITE_SHAME].reduce((x, a) => x.split(a).join(" "), t);
  // Shame said as the way in (below) is no distress of its own; what else the message says still is.
  const besidesShyness = shy ? withoutShyLeadIns(besidesAge) : besidesAge;
  if (DISTRESS.some((d) => besidesShyness.includes(d))) return t;
  // 「温泉旅館の帳場です。不慣れで申し訳ないのですが、…」: who the writer is, told first, comes before the way in.
  const first = pieceEnd(t, 0);
  let end = introduces(t.slice(0, first)) ? first : 0;
  let modest = false;
  let apologised = false;
  while (end < t.length) {
    const next = pieceEnd(t, end);
    const piece = t.slice(end, next);
    // 「正直ちょっと恥ずかしいんですけど、ドメインって何？」「お恥ずかしい話、…」: shame named only to lead in to a
    // question plays the question down as 「初歩的な質問ですが」 does: modest and the apology at once (round 36).
    const shyLeadIn = shyLeadsIn(piece);
    const isModest =
      shyLeadIn || MODEST.some((m) => piece.includes(m)) || AGE_AS_REASON.some((a) => piece.includes(a));
    // 「初心者なんですけど、…って何？」: the polite way in after the skill played down stands for the apology.
    const apology = APOLOGIES.some((a) => piece.includes(a)) || (isModest && leadsIn(piece));
    if (!isModest && !apology) break;
    modest ||= isModest;
    apologised ||= apology;
    end = next;
    if (modest && apologised) break;
  }
  if (!modest || !apologised || end >= t.length) return t;
  const rest = t.slice(end);
  // 「お恥ずかしい話、アドレスを打ち間違えたみたいで…」「恥ずかしながら、どこを貼ればいいのか分からなくて」:
  // shame at a slip the message tells, or beside being lost, is shame, not a way in.
  if (shy && SHAME_TOLD.some((w) => t.includes(w))) return t;
  return sentenceAsks(rest) ? " ".repeat(end) + rest : t;
}

/**
 * 「怒られるかと思って聞けなかったんですが、MAILER-DAEMONって何者ですか」「上司に怒られる前に確認しておきたいんですが、
 * …」 "I was a little nervous asking, but who is MAILER-DAEMON?": an opening piece that names the asking itself
 * (`asking`: ui.yaml typedWords askingNamed) and leads in to a question (「…んですが、」「…けど、」 ", but") tells how
 * the writer feels about asking, the way in, no distress about the mail. The piece is blanked (same length) when
 * what follows asks and `calmPiece` holds of it (no hurry, no anger of the writer's own: feeling.ts). A hand scan
 * of the text folded: most texts leave at the first `includes`.
 */
export function withoutAskingLeadIn(
  t: string,
  asking: readonly string[],
  calmPiece: (piece: string) => boolean,
): string {
  if (!asking.some((a) => t.includes(a))) return t;
  const start = t.length - t.trimStart().length;
  const end = pieceEnd(t, start);
  if (end >= t.length) return t;
  const piece = t.slice(start, end);
  const rest = t.slice(end);
  if (!asking.some((a) => piece.includes(a))) return t;
  // 「同じことを何回も聞いてごめんなさいね。」: the asking apologised for leads in as 「…んですが、」 does.
  if (!(leadsIn(piece) || endsInApology(piece) || ENGLISH_TURNS.some((w) => rest.startsWith(w)))) return t;
  return calmPiece(piece) && sentenceAsks(rest) ? " ".repeat(end) + rest : t;
}
/**
 * 「早朝にすみません、寝ぼけてたらごめんなさい。迷惑メールって止められますか」「夜分に申し訳ありません。…」: the
 * opening pieces each ending in an apology (for the hour, for asking, for a slip supposed) are the polite way in to
 * what follows, as an apology opening the message is (feeling.ts withoutOpeningApology): blanked (same length) when
 * what follows asks and tells no feeling, and nothing else in them is felt (`feltBesides`: the piece without its
 * apology reads a feeling; 「本当に」 and the other distress words, above). 「こんな時間にごめんなさい、誰にも聞けなく
 * て。乗っ取りですか」 is read as before. A hand scan: texts without an apology leave at the first `includes`.
 */
export function withoutApologyPieces(t: string, feltBesides: (piece: string) => boolean): string {
  if (!APOLOGIES.some((a) => t.includes(a))) return t;
  let end = t.length - t.trimStart().length;
  while (end < t.length) {
    const next = pieceEnd(t, end);
    const piece = t.slice(end, next);
    if (next >= t.length || !endsInApology(piece) || DISTRESS.some((d) => piece.includes(d))) break;
    if (feltBesides(APOLOGIES.reduce((x, a) => x.split(a).join(" "), piece))) break;
    end = next;
  }
  const rest = t.slice(end);
  // Where what follows tells a feeling of its own, the message is read with it, the apology as it was.
  return end > 0 && rest.trim() !== "" && sentenceAsks(rest) && !feltBesides(rest)
    ? " ".repeat(end) + rest
    : t;
}

/** Whether a piece ends in an apology (「…ごめんなさいね。」「…すみません、」), its marks left out. */
function endsInApology(piece: string): boolean {
  let end = piece.length;
  while (end > 0 && (BREAKS.has(piece[end - 1]!) || piece[end - 1] === " ")) end--;
  const body = piece.slice(0, piece.endsWith("ね", end) ? end - 1 : end);
  return APOLOGIES.some((a) => body.endsWith(a));
}
/** English that turns from the lead-in to the question ("nervous asking, but who is …"). */
const ENGLISH_TURNS = ["but ", "so "];

/**
 * Whether a piece tells only who the writer is (「漁協の事務です。」「書道教室の者です。」): a noun then 「です」, short, and
 * a full stop after it (「…なんです」「…ですが、」 go on to more).
 */
function introduces(piece: string): boolean {
  const body = piece.trimEnd();
  if (!body.endsWith("。") && !body.endsWith(".")) return false;
  let end = body.length;
  while (end > 0 && (BREAKS.has(body[end - 1]!) || body[end - 1] === " ")) end--;
  const before = body[end - 3];
  return (
    end <= INTRODUCTION_CHARS &&
    body.startsWith("です", end - 2) &&
    before !== undefined &&
    !isHiraganaLetter(before)
  );
}
const INTRODUCTION_CHARS = 24;
const isHiraganaLetter = (c: string) => c >= "\u3041" && c <= "\u309f";

/** Shame named (folded): 「恥ずかしい」「お恥ずかしい」「恥ずかしながら」. */
const SHAME = ["恥ずかし", "はずかし"];
/**
 * Whether a piece names shame as the way in to what follows: ending in the polite way in (「恥ずかしいんですが、」
 * 「恥ずかしいのですけど」), or in the set phrases (「お恥ずかしい話」「恥ずかしながら」). 「恥ずかしい…」
 * 「恥ずかしすぎる」「お恥ずかしい限りです」 tell it.
 */
function shyLeadsIn(piece: string): boolean {
  if (!SHAME.some((w) => piece.includes(w))) return false;
  return leadsIn(piece) || SHY_PHRASES.some((p) => piece.includes(p));
}
const SHY_PHRASES = ["恥ずかしい話", "恥ずかしながら", "はずかしい話", "はずかしながら"];
/**
 * The text with the shame of the pieces that name it as the way in blanked (same length): the rest of such a
 * piece is still read (「聞くのが恥ずかしくて情けないんですが」 tells more than shyness).
 */
function withoutShyLeadIns(t: string): string {
  let out = "";
  for (let end = 0; end < t.length; ) {
    const next = pieceEnd(t, end);
    const piece = t.slice(end, next);
    out += shyLeadsIn(piece) ? piece.replaceAll("恥", " ") : piece;
    end = next;
  }
  return out;
}
/** A slip of the writer's own told (the shame is then about it), or being lost: more than a shy way in. */
const SHAME_TOLD = ["間違", "まちが", "ミス", "みす", "全角", "わからな", "分からな", "判らな"];

/** Where the piece starting at `from` ends: after its comma, full stop or 「…」 (and the marks after it). */
function pieceEnd(t: string, from: number): number {
  let i = from;
  while (i < t.length && !BREAKS.has(t[i]!)) i++;
  while (i < t.length && (BREAKS.has(t[i]!) || t[i] === " ")) i++;
  return i;
}
const BREAKS = new Set([..."、,。.…!！"]);

/** The writer's skill or question played down (folded: lower case, half-width). */
const MODEST = [
  "初歩的",
  "基本的な質問",
  "素人",
  "しろうと",
  "初心者",
  "オンチ",
  "音痴",
  "疎くて",
  "疎い",
  "うとくて",
  "うとい",
  "苦手",
  "詳しくな",
  "くわしくな",
  "不慣れ",
  "無知",
  "機械に弱",
  "に弱くて",
  "ばかな質問",
  "バカな質問",
  "馬鹿な質問",
  "変な質問",
  "くだらない質問",
  // Round 32 (acts32): the question played down as trivial (「どうでもいい質問なんだけど、」).
  "どうでもいい質問",
  "しょうもない質問",
  "しょーもない質問",
  "つまらない質問",
  "今さら",
  "いまさら",
  "dumb question",
  "silly question",
  "stupid question",
  "basic question",
  "newbie",
  "not good with",
  "not tech savvy",
  "not very techy",
  "bad with computers",
  "beginner",
];
/** Whether a piece ends in the polite way in to a question (「…なんですけど、」「…ですが、」), its marks left out. */
function leadsIn(piece: string): boolean {
  let end = piece.length;
  while (end > 0 && (BREAKS.has(piece[end - 1]!) || piece[end - 1] === " ")) end--;
  const body = piece.slice(0, end);
  return LEAD_INS.some((l) => body.endsWith(l));
}
const LEAD_INS = [
  "んですけど",
  "んだけど",
  "んですが",
  "のですが",
  "ですが",
  "ですけど",
  "ますが",
  "ますけど",
  "なので",
  "なもので",
  "なもんで",
  // Round 43 (family43b): casual (「怒られそうな質問だけど、」「今さら聞くのも恥ずかしいけど、」), or the asking announced
  // (「叱られそうだけど聞きます、」「笑われそうだけど聞いちゃう。」).
  "けど",
  "けども",
  "けれど",
  "けれども",
  "聞きます",
  "聞いちゃう",
  "聞いちゃいます",
  "聞くね",
  "質問です",
  "質問します",
  // 「実はパソコン苦手で。…って何？」: the skill played down, given as the reason for asking.
  "苦手で",
  "初心者で",
  "素人で",
  "オンチで",
  "音痴で",
];
/** An age given as the reason (「年寄りなもので」「年寄りなので」), folded. */
const AGE_AS_REASON = [
  "年寄りなもので",
  "年寄りなもんで",
  "年寄りなので",
  "としよりなもので",
  "としよりなもんで",
  "としよりなので",
];
/** Shame said as the polite way in to a question (「お恥ずかしいんですが」「お恥ずかしい話ですが」). */
const POLITE_SHAME = [
  "お恥ずかしいんですが",
  "お恥ずかしいのですが",
  "お恥ずかしいんですけど",
  "お恥ずかしい話",
  "お恥ずかしながら",
  "恥ずかしながら",
];
const APOLOGIES = [
  ...POLITE_SHAME,
  "すみません",
  "すいません",
  "ごめんなさい",
  "ごめんね",
  "申し訳",
  "恐縮",
  "失礼",
  "sorry",
  "apologies",
  "forgive me",
  "excuse",
];
/** Words that tell more than modesty: an age, shame, an apology pressed, trouble, tries, a feeling named. */
const DISTRESS = [
  "年寄り",
  "としより",
  "高齢",
  "歳",
  "才",
  "情けな",
  "恥",
  "本当に",
  "ほんとに",
  "ほんと",
  "困",
  "何度",
  "何回",
  "不安",
  "心配",
  "ashamed",
  "embarrass",
  "feel stupid",
  "so sorry",
  "really sorry",
];
