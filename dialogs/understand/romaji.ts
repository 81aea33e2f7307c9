/**
 * Japanese typed in Latin letters (「arigatou」「mou ichido okuttemo ii?」「wakaranai」): people on a keyboard
 * without a Japanese input, or on a phone set to English. Such a text is read as the hiragana it spells, so
 * that questions, acts, feelings and symptoms written in kana and kanji match it.
 *
 * A word is romaji when all of it spells kana (Hepburn and kunrei-shiki: shi/si, chi/ti, tsu/tu, fu/hu, ji/zi;
 * a doubled consonant as っ, n before a consonant, "nn" or "n'" as ん, "-" and the second e of "ee" after a
 * consonant as ー); a text is romaji when every
 * Latin word of it is, and most of its words are no English word the data knows (`english`: "no", "see",
 * "take care" and "hi" spell kana too). A hand scan, no pattern: linear in the text.
 */

import { nfkc } from "../../knowledge/fold.ts";

const SYLLABLES: Record<string, string> = {
  a: "あ",
  i: "い",
  u: "う",
  e: "え",
  o: "お",
  ka: "か",
  ki: "き",
  ku: "く",
  ke: "け",
  ko: "こ",
  ga: "が",
  gi: "ぎ",
  gu: "ぐ",
  ge: "げ",
  go: "ご",
  sa: "さ",
  shi: "し",
  si: "し",
  su: "す",
  se: "せ",
  so: "そ",
  za: "ざ",
  ji: "じ",
  zi: "じ",
  zu: "ず",
  ze: "ぜ",
  zo: "ぞ",
  ta: "た",
  chi: "ち",
  ti: "ち",
  tsu: "つ",
  tu: "つ",
  te: "て",
  to: "と",
  da: "だ",
  di: "ぢ",
  du: "づ",
  de: "で",
  do: "ど",
  na: "な",
  ni: "に",
  nu: "ぬ",
  ne: "ね",
  no: "の",
  ha: "は",
  hi: "ひ",
  fu: "ふ",
  hu: "ふ",
  he: "へ",
  ho: "ほ",
  ba: "ば",
  bi: "び",
  bu: "ぶ",
  be: "べ",
  bo: "ぼ",
  pa: "ぱ",
  pi: "ぴ",
  pu: "ぷ",
  pe: "ぺ",
  po: "ぽ",
  ma: "ま",
  mi: "み",
  mu: "む",
  me: "め",
  mo: "も",
  ya: "や",
  yu: "ゆ",
  yo: "よ",
  ra: "ら",
  ri: "り",
  ru: "る",
  re: "れ",
  ro: "ろ",
  wa: "わ",
  wo: "を",
  fa: "ふぁ",
  fi: "ふぃ",
  fe: "ふぇ",
  fo: "ふぉ",
  kya: "きゃ",
  kyu: "きゅ",
  kyo: "きょ",
  gya: "ぎゃ",
  gyu: "ぎゅ",
  gyo: "ぎょ",
  sha: "しゃ",
  shu: "しゅ",
  sho: "しょ",
  sya: "しゃ",
  syu: "しゅ",
  syo: "しょ",
  ja: "じゃ",
  ju: "じゅ",
  jo: "じょ",
  je: "じぇ",
  zya: "じゃ",
  zyu: "じゅ",
  zyo: "じょ",
  cha: "ちゃ",
  chu: "ちゅ",
  cho: "ちょ",
  che: "ちぇ",
  tya: "ちゃ",
  tyu: "ちゅ",
  tyo: "ちょ",
  nya: "にゃ",
  nyu: "にゅ",
  nyo: "にょ",
  hya: "ひゃ",
  hyu: "ひゅ",
  hyo: "ひょ",
  bya: "びゃ",
  byu: "びゅ",
  byo: "びょ",
  pya: "ぴゃ",
  pyu: "ぴゅ",
  pyo: "ぴょ",
  mya: "みゃ",
  myu: "みゅ",
  myo: "みょ",
  rya: "りゃ",
  ryu: "りゅ",
  ryo: "りょ",
};
const LONGEST = 3;
const CONSONANTS = new Set([..."bcdfghjkmprstwyz"]);
const NN_THEN = new Set([..."aiueoy"]);

/** The hiragana a word of lower-case Latin letters spells, or undefined when it is no romaji. */
export function kanaOf(word: string): string | undefined {
  let out = "";
  let i = 0;
  while (i < word.length) {
    const ch = word[i]!;
    const next = word[i + 1] ?? "";
    if (ch === "-") {
      out += "ー";
      i++;
      continue;
    }
    // "nn" and "n'" are ん; in 「konnichiwa」 the second n starts に.
    if (ch === "n" && (next === "n" || next === "'")) {
      out += "ん";
      i += next === "n" && NN_THEN.has(word[i + 2] ?? "") ? 1 : 2;
      continue;
    }
    if (ch === "n" && (next === "" || (CONSONANTS.has(next) && next !== "y"))) {
      out += "ん";
      i++;
      continue;
    }
    // A doubled consonant (kitte, zasshi) or t before ch (matcha): a small っ.
    if (CONSONANTS.has(ch) && (next === ch || (ch === "t" && next === "c"))) {
      out += "っ";
      i++;
      continue;
    }
    let hit: string | undefined;
    for (let n = Math.min(LONGEST, word.length - i); n >= 1 && hit === undefined; n--) {
      const kana = SYLLABLES[word.slice(i, i + n)];
      if (kana !== undefined) {
        hit = kana;
        i += n;
      }
    }
    if (hit === undefined) return undefined;
    out += hit;
    // A long e after a consonant is a loanword's ー (「meeru」「peesuto」 メール, ペースト), as kana write it.
    if (word[i] === "e" && word[i - 1] === "e" && hit.length === 1 && hit !== "え") {
      out += "ー";
      i++;
    }
  }
  return out;
}

/**
 * Loanwords people type in English spelling among romaji (「kono chat hozon sareru?」「mail ga modotte kita」):
 * the katakana the questions' examples write. They count as neither romaji nor English.
 */
const LOANWORDS: Readonly<Record<string, string>> = {
  chat: "チャット",
  // An OK in its English spellings among romaji (「okk wakatta」「okey wakatta yo」): the OK of the acts' examples
  // (「OKです」「OKわかった」); typed alone or with English it is no romaji text (no Japanese word beside it).
  ok: "OK",
  okk: "OK",
  okey: "OK",
  okay: "OK",
  // チャット with its doubled t typed once (「kono chato tte tada?」): ちゃと is no word.
  chato: "チャット",
  mail: "メール",
  // メール as it is often romanised by ear, its long e as "ei" (「meiru ga modotte kita」).
  meiru: "メール",
  email: "メール",
  "e-mail": "メール",
  error: "エラー",
  // エラー romanised by ear (「eraa meeru ga kuru」), as meiru above; and a returned mail's English word typed among
  // romaji (「bounce mail konakatta」), the エラーメール the examples write.
  eraa: "エラー",
  bounce: "エラー",
  // Who people ask for (「operator no hito to hanashitai」「staff no hito ni kikitai」), as the examples write them.
  operator: "オペレーター",
  staff: "スタッフ",
  address: "アドレス",
  password: "パスワード",
  pc: "パソコン",
  smartphone: "スマホ",
  spam: "スパム",
  virus: "ウイルス",
  file: "ファイル",
  server: "サーバー",
  // The mobile carriers' names as their brands write them (「aite softbank nandakedo」「docomo ni okuru」): the
  // katakana the readings know (readings.yaml reads them as a mobile phone). "rakuten" spells its own kana.
  docomo: "ドコモ",
  softbank: "ソフトバンク",
  ymobile: "ワイモバイル",
  // The provider's own name, hyphen and all (「so-net no saabaa ochiteru?」), as the examples write it.
  "so-net": "so-net",
  sonet: "so-net",
  // The words of a returned mail people read off it (「aite no mailbox ga ippai」「domain ga nai tte」).
  mailbox: "メールボックス",
  inbox: "受信箱",
  domain: "ドメイン",
  attachment: "添付",
  size: "サイズ",
  screenshot: "スクショ",
  copy: "コピー",
  paste: "貼り付け",
};

const OK_SPELLINGS = new Set(["ok", "okk", "okey", "okay"]);

/** An acronym is two to five capitals (AI, PC, DNS, SMTP, IMAPS). */
const MIN_ACRONYM = 2;
const MAX_ACRONYM = 5;

/** A word that spells no kana is a slip only when this short (mde, okrue); and two Japanese words besides it. */
const MAX_SLIP = 5;
const MIN_JAPANESE_BESIDE_SLIP = 2;

/** Longer texts are no typed romaji question: not looked at. */
const MAX_ROMAJI_CHARS = 200;

/**
 * The text in hiragana when it is Japanese typed in Latin letters, else undefined. `english`: the English
 * words the data knows (lower case); words that are one of them count against romaji, not for it.
 */
export function romajiToKana(text: string, english: ReadonlySet<string>): string | undefined {
  if (text.length > MAX_ROMAJI_CHARS) return undefined;
  const typed = nfkc(text);
  const lower = typed.toLowerCase();
  // Capitals among small letters mark an acronym (「kore AI desu ka」「DNS tte nani」); in a text typed all in
  // capitals they mark nothing.
  // (Positions are shared: a letter whose lower case is longer, 「İ」, turns the marking off.)
  const cased = lower !== typed && typed.toUpperCase() !== typed && lower.length === typed.length;
  let out = "";
  let word = "";
  let start = 0;
  let words = 0;
  let japanese = 0;
  let slip = "";
  const particles: number[] = [];
  const flush = (): boolean => {
    if (word === "") return true;
    // An acronym kept in its letters, as Japanese writes it among kana (「これAIですか」); it counts neither way.
    const raw = typed.slice(start, start + word.length);
    if (cased && word.length >= MIN_ACRONYM && word.length <= MAX_ACRONYM && raw === raw.toUpperCase()) {
      out += raw;
      word = "";
      return true;
    }
    // 「kono chat hozon sareru?」: a loanword typed in its English spelling, read in katakana.
    // A listed loanword first: 「domain」 also spells どまいん.
    // An OK typed in capitals among capitals (「OK AI」) is an acronym as any other, not the OK read among romaji.
    const loan =
      OK_SPELLINGS.has(word) && !cased && typed === typed.toUpperCase() ? undefined : LOANWORDS[word];
    const romaji = loan === undefined ? kanaOf(word) : undefined;
    const kana = loan ?? romaji;
    // 「nanmega mde okureru no?」: one short word with a slip (a vowel dropped) spells no kana; it is kept as
    // typed, and the text is still romaji when two other words of it are Japanese (below).
    if (kana === undefined && slip === "" && word.length <= MAX_SLIP && !english.has(word)) {
      slip = word;
      out += ` ${word} `;
      word = "";
      return true;
    }
    if (kana === undefined) return false;
    // The particle 「は」 is typed as it sounds, "wa" (「adoresu wa nai」): a word of its own with more after it is
    // the particle (a closing "wa" is the ending 「わ」 of 「okuru wa」); marked here, decided at the end.
    if (word === "wa") particles.push(out.length);
    // A loanword counts neither way: 「mail okurenai」 is romaji by its one Japanese word.
    if (romaji !== undefined) {
      words++;
      if (!english.has(word) && word.length >= 2) japanese++;
    }
    out += kana;
    word = "";
    return true;
  };
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    const code = ch.charCodeAt(0);
    if ((code >= 0x61 && code <= 0x7a) || ch === "'" || (ch === "-" && word !== "")) {
      if (word === "") start = i;
      word += ch;
    }
    // Kana or kanji: written in Japanese already.
    else if (code >= 0x3040 && code <= 0x9fff) return undefined;
    else {
      if (!flush()) return undefined;
      out += ch === " " ? "" : ch;
    }
  }
  if (!flush()) return undefined;
  for (const at of particles) if (wordAfter(out, at + 1)) out = `${out.slice(0, at)}は${out.slice(at + 1)}`;
  return words > 0 && japanese * 2 > words && (slip === "" || japanese >= MIN_JAPANESE_BESIDE_SLIP)
    ? out
    : undefined;
}

/** Whether a word (kana, kanji or a Latin letter or digit: what the romaji read gives) follows `from`. */
function wordAfter(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      code >= 0x3040 ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a)
    )
      return true;
  }
  return false;
}
