import { isAsciiLetter, isHiragana, isKanji, isKatakana, type Span } from "./fold.ts";

/**
 * Names introduced as such (「名前は山田太郎です」「山田太郎と申します」「私は山田太郎です」, "My name is Taro
 * Yamada") and dates of birth (「生年月日は1975年4月1日」「誕生日 4/1」「1975年4月1日生まれ」, "DOB: 1975-04-01").
 * Only what an introduction or a label points at: a name alone cannot be told from any other word.
 */

const MAX_NAME = 20;

/** Letters of a name: kanji, kana, Latin letters, 々, the middle dot; one blank between two of them. */
const isNameChar = (c: number, hiragana: boolean) =>
  isKanji(c) || isKatakana(c) || isAsciiLetter(c) || c === 0x30fb || (hiragana && isHiragana(c));

/** The run of name characters from `at` forwards (dir 1) or backwards from `at` (dir -1). */
function nameRun(text: string, at: number, dir: 1 | -1, hiragana: boolean, max = MAX_NAME): number {
  let i = at;
  const charAt = (j: number) => text.charCodeAt(dir === 1 ? j : j - 1);
  while (Math.abs(i - at) < max) {
    if (dir === 1 ? i >= text.length : i <= 0) break;
    const c = charAt(i);
    if (isNameChar(c, hiragana)) i += dir;
    else if (c === 0x20 && i !== at && isNameChar(charAt(i + dir), hiragana)) i += dir;
    else break;
  }
  return i;
}

/** Words no name holds: a labelled name ends where the first of them starts (「名前は山田ですが…」). */
const AFTER_NAME = [
  "でございます",
  "と申します",
  "ともうします",
  "といいます",
  "と言います",
  "です",
  "でした",
  "さん",
  "様",
];
/** Polite endings that follow a name in a sentence; stripped from the end of a label's value. */
const ENDINGS = [...AFTER_NAME, "で", "だ", "と"];
/** What must follow 「私は＿＿」 for it to be a name: an introduction, not 「私は東京に…」. */
const INTRO_ENDINGS = ["です", "と申します", "ともうします", "といいます", "と言います", "でございます"];
/** 「私は会社員です」 is no name: common answers to "who are you", and endings of such words. */
const NOT_NAMES = new Set([
  "初心者",
  "会社員",
  "学生",
  "大学生",
  "高校生",
  "中学生",
  "主婦",
  "主夫",
  "社会人",
  "自営業",
  "公務員",
  "本人",
  "日本人",
  "外国人",
  "素人",
  "会員",
  "ユーザー",
  "利用者",
  "契約者",
  "高齢者",
  "年金生活者",
]);
const NOT_NAME_ENDS = ["者", "員", "在住", "担当", "出身", "会員", "ユーザー"];

function stripEndings(text: string, start: number, end: number): number {
  let e = end;
  for (let round = 0; round < 3; round++) {
    const ending = ENDINGS.find((w) => e - w.length > start && text.startsWith(w, e - w.length));
    if (!ending) break;
    e -= ending.length;
  }
  return e;
}

/**
 * Particles that end a name where one stands alone between two runs of kanji, katakana or Latin letters
 * (「山田でメールが…」「ヤマダがメールを…」). Not の, や: 「木の下」 is a surname. Hiragana after a kanji
 * surname is a given name (「山田はなこ」), never cut.
 */
const PARTICLES = "でだとがはをにもへ";

/**
 * Where a labelled name that runs (nameRun) from `start` to `end` ends: before the first word no name
 * holds, or a particle between other scripts; else its run without a polite ending. The label's run
 * covers the rest of the sentence when no punctuation stops it (「名前は山田太郎ですがメールが届きません」),
 * which was all masked. Looks at each of the run's at most MAX_NAME characters once per word: linear.
 */
function labelledNameEnd(text: string, start: number, end: number): number {
  for (let i = start + 1; i < end; i++) {
    const particle =
      PARTICLES.includes(text[i]!) &&
      !isHiragana(text.charCodeAt(i - 1)) &&
      (i + 1 >= end || !isHiragana(text.charCodeAt(i + 1)));
    // 「山田 太郎 です」: the blank before the ending is not the name's.
    if (particle || AFTER_NAME.some((w) => text.startsWith(w, i))) return text[i - 1] === " " ? i - 1 : i;
  }
  return stripEndings(text, start, end);
}

const LABEL = /(?:お名前|名前|氏名|なまえ|名義) {0,2}(?:は|:|=) {0,2}「?/g;
const INTRODUCTION = /と(?:申します|もうします|申す者です)/g;
const I_AM = /(?:わたくし|私|わたし|僕|ぼく)は/g;
const EN_LABEL = /(?<![A-Za-z])my name(?: is|'s| ?:) {0,3}|(?:^|\n) {0,3}(?:full )?name ?[:=] {0,3}/gi;
const EN_STOP = new Set([
  "a",
  "an",
  "and",
  "at",
  "but",
  "for",
  "from",
  "here",
  "i",
  "in",
  "is",
  "my",
  "not",
  "on",
  "please",
  "thank",
  "thanks",
  "the",
  "to",
  "with",
]);

function englishName(text: string, at: number): number {
  let end = at;
  let i = at;
  for (let words = 0; words < 3; words++) {
    const s = i;
    while (
      i < text.length &&
      i - s < 25 &&
      (isAsciiLetter(text.charCodeAt(i)) || text[i] === "'" || text[i] === "-")
    )
      i++;
    if (i === s || EN_STOP.has(text.slice(s, i).toLowerCase())) break;
    // "name: mx.example.jp" is a host, not a person.
    if (text[i] === "." && isAsciiLetter(text.charCodeAt(i + 1))) return at;
    end = i;
    if (text[i] !== " ") break;
    i++;
  }
  return end;
}

export function findNames(folded: string): Span<"name">[] {
  const found: Span<"name">[] = [];
  const add = (start: number, end: number) => {
    if (end > start) found.push({ kind: "name", start, end });
  };
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(folded); m; m = LABEL.exec(folded)) {
    const start = m.index + m[0].length;
    add(start, labelledNameEnd(folded, start, nameRun(folded, start, 1, true)));
  }
  INTRODUCTION.lastIndex = 0;
  for (let m = INTRODUCTION.exec(folded); m; m = INTRODUCTION.exec(folded)) {
    let start = nameRun(folded, m.index, -1, false, 12);
    // A name in hiragana (「やまだと申します」): back to a particle or punctuation.
    if (start === m.index) {
      while (
        start > 0 &&
        m.index - start < 8 &&
        isHiragana(folded.charCodeAt(start - 1)) &&
        folded[start - 1] !== "は"
      )
        start--;
    }
    add(start, m.index);
  }
  I_AM.lastIndex = 0;
  for (let m = I_AM.exec(folded); m; m = I_AM.exec(folded)) {
    const start = m.index + m[0].length;
    const end = nameRun(folded, start, 1, false, 12);
    const name = folded.slice(start, end);
    if (!INTRO_ENDINGS.some((w) => folded.startsWith(w, end))) continue;
    if (NOT_NAMES.has(name) || NOT_NAME_ENDS.some((w) => name.endsWith(w))) continue;
    add(start, end);
  }
  EN_LABEL.lastIndex = 0;
  for (let m = EN_LABEL.exec(folded); m; m = EN_LABEL.exec(folded)) {
    const start = m.index + m[0].length;
    const japanese = nameRun(folded, start, 1, true);
    add(
      start,
      isAsciiLetter(folded.charCodeAt(start))
        ? englishName(folded, start)
        : labelledNameEnd(folded, start, japanese),
    );
  }
  return found;
}

const ERA = "(?:明治|大正|昭和|平成|令和|西暦|[MTSHR]\\.?) ?";
const YMD = `(?:${ERA})?[0-9]{1,4} ?(?:年|[./-]) ?[0-9]{1,2} ?(?:月|[./-]) ?[0-9]{1,2} ?日?`;
const MD = "[0-9]{1,2} ?(?:月|[./-]) ?[0-9]{1,2} ?日?";
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?";
const ORDINAL = "[0-9]{1,2}(?:st|nd|rd|th)?";
const EN_DATE = `${MONTH} {1,2}${ORDINAL},? {0,2}(?:[0-9]{4})?|${ORDINAL} (?:of )?${MONTH},? {0,2}(?:[0-9]{4})?`;

const BIRTH_LABEL =
  /(?<![A-Za-z])(?:生年月日|誕生日|birthday|birth ?date|date of birth|d\.?o\.?b\.?|born(?: on)?)(?![A-Za-z]) {0,2}(?:は|:|=|-|is)? {0,2}/gi;
/** Sticky: a date exactly where the label ends. */
export const DATE_AT = new RegExp(`${YMD}|${MD}|${EN_DATE}`, "iy");
/** 「1975年4月1日生まれ」: a date that ends where 生まれ starts (tried on the 24 characters before it). */
export const DATE_BEFORE = new RegExp(`(?:${YMD}|${MD}) ?(?:に)?$`);
const BORN = /生まれ/g;

export function findBirthDates(folded: string): Span<"birthdate">[] {
  const found: Span<"birthdate">[] = [];
  BIRTH_LABEL.lastIndex = 0;
  for (let m = BIRTH_LABEL.exec(folded); m; m = BIRTH_LABEL.exec(folded)) {
    DATE_AT.lastIndex = m.index + m[0].length;
    const date = DATE_AT.exec(folded);
    if (date) found.push({ kind: "birthdate", start: date.index, end: date.index + date[0].length });
  }
  BORN.lastIndex = 0;
  for (let m = BORN.exec(folded); m; m = BORN.exec(folded)) {
    const from = Math.max(0, m.index - 24);
    const date = DATE_BEFORE.exec(folded.slice(from, m.index));
    if (date)
      found.push({ kind: "birthdate", start: from + date.index, end: from + date.index + date[0].length });
  }
  return found;
}

/** Words whose presence lets the masker look for names and birth dates at all (see pii.ts). */
export const PERSON_WORDS = [
  "名前",
  "氏名",
  "なまえ",
  "名義",
  "申します",
  "もうします",
  "申す者",
  "私は",
  "わたしは",
  "わたくしは",
  "僕は",
  "ぼくは",
  "name",
  "生年月日",
  "誕生日",
  "生まれ",
  "birth",
  "born",
  "dob",
  "d.o.b",
];
