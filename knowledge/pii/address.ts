import { isAsciiDigit, isAsciiLetter, isHiragana, isKanji, isKatakana, type Span } from "./fold.ts";

/**
 * Postal addresses in Japanese (東京都渋谷区神宮前9-8-7 カナリア荘101, 世田谷区桜新町1-2-3 サクラハイツ202号室)
 * and romanised (1-2-3 Jingumae, Shibuya-ku, Tokyo 150-0001). Hand scans from an anchor (a prefecture,
 * a "住所" label, a 市区町村郡, an "X-ku"), each bounded to a few dozen characters, so the cost stays
 * linear. An address needs a house number ("9-8-7", "1丁目2番3号"): a place name alone ("東京都に住んで
 * います", "Shibuya-ku") is no address and is left alone; so are bounce lines, which have no house numbers.
 */

const PREFECTURES = [
  "北海道",
  "青森県",
  "岩手県",
  "宮城県",
  "秋田県",
  "山形県",
  "福島県",
  "茨城県",
  "栃木県",
  "群馬県",
  "埼玉県",
  "千葉県",
  "東京都",
  "神奈川県",
  "新潟県",
  "富山県",
  "石川県",
  "福井県",
  "山梨県",
  "長野県",
  "岐阜県",
  "静岡県",
  "愛知県",
  "三重県",
  "滋賀県",
  "京都府",
  "大阪府",
  "兵庫県",
  "奈良県",
  "和歌山県",
  "鳥取県",
  "島根県",
  "岡山県",
  "広島県",
  "山口県",
  "徳島県",
  "香川県",
  "愛媛県",
  "高知県",
  "福岡県",
  "佐賀県",
  "長崎県",
  "熊本県",
  "大分県",
  "宮崎県",
  "鹿児島県",
  "沖縄県",
];
const PREFECTURE_NAMES_EN = [
  "Hokkaido",
  "Aomori",
  "Iwate",
  "Miyagi",
  "Akita",
  "Yamagata",
  "Fukushima",
  "Ibaraki",
  "Tochigi",
  "Gunma",
  "Saitama",
  "Chiba",
  "Tokyo",
  "Kanagawa",
  "Niigata",
  "Toyama",
  "Ishikawa",
  "Fukui",
  "Yamanashi",
  "Nagano",
  "Gifu",
  "Shizuoka",
  "Aichi",
  "Mie",
  "Shiga",
  "Kyoto",
  "Osaka",
  "Hyogo",
  "Nara",
  "Wakayama",
  "Tottori",
  "Shimane",
  "Okayama",
  "Hiroshima",
  "Yamaguchi",
  "Tokushima",
  "Kagawa",
  "Ehime",
  "Kochi",
  "Fukuoka",
  "Saga",
  "Nagasaki",
  "Kumamoto",
  "Oita",
  "Miyazaki",
  "Kagoshima",
  "Okinawa",
];

/** Longest place-name stretch between the anchor and the house number. */
const MAX_PLACE = 30;
const MAX_NUMBER = 24;
const MAX_BUILDING = 25;

export const ANCHOR = new RegExp(`${PREFECTURES.join("|")}|住所|[市区町村郡]`, "g");

const isPlaceChar = (c: number) =>
  isKanji(c) || isKatakana(c) || isHiragana(c) || c === 0x30f6 || c === 0x2026 || c === 0x30fb;
const KANJI_NUMERALS = "〇一二三四五六七八九十";
const isNumeral = (ch: string) => isAsciiDigit(ch.charCodeAt(0)) || KANJI_NUMERALS.includes(ch);
/** What may follow a number inside a house number: 1丁目2番3号, 1-2-3, 3の5, 北1条西2丁目. */
const NUMBER_PARTS = ["丁目", "番地", "番", "号", "条", "線", "地割", "-", "の", "東", "西", "南", "北"];
/** A number followed by one of these is a count or a date, not an address ("3-5年", "1-2回"). */
const COUNTERS = "年月日時分秒回件人歳個円%台通枚倍割度週";
const ROOM_ENDS = ["号室", "号", "室", "階", "F"];
const BUILDING_WORDS = [
  "荘",
  "ハイツ",
  "マンション",
  "ビル",
  "アパート",
  "コーポ",
  "レジデンス",
  "タワー",
  "ハウス",
  "ヒルズ",
  "寮",
  "団地",
  "棟",
];

function startsWithAt(text: string, at: number, words: readonly string[]): string | undefined {
  return words.find((w) => text.startsWith(w, at));
}

/** The house number at `at` ("9-8-7", "1丁目2番3号"), or -1 when there is none. */
function houseNumberEnd(text: string, at: number): number {
  let i = at;
  let groups = 0;
  let structured = false;
  let lastGood = -1;
  while (i < text.length && i - at < MAX_NUMBER) {
    if (isNumeral(text[i]!)) {
      while (i < text.length && i - at < MAX_NUMBER && isNumeral(text[i]!)) i++;
      groups++;
      if (groups >= 2) structured = true;
      lastGood = i;
      continue;
    }
    const part = groups > 0 ? startsWithAt(text, i, NUMBER_PARTS) : undefined;
    if (!part) break;
    if (part !== "-" && part !== "の" && part.length > 0 && !"東西南北".includes(part)) {
      structured = true;
      lastGood = i + part.length;
    }
    i += part.length;
  }
  if (!structured || lastGood === -1) return -1;
  const next = text[lastGood];
  return next !== undefined && COUNTERS.includes(next) ? -1 : lastGood;
}

/**
 * A house number in kanji numerals needs more than one number word: 一丁目二番三号, 三番地, 九-八-七; a
 * single 「一番」「二号」 inside a sentence after a place (世田谷区で一番) is a word, not an address.
 */
function kanjiHouseNumberEnd(text: string, at: number): number {
  const end = houseNumberEnd(text, at);
  if (end === -1) return -1;
  const number = text.slice(at, end);
  let groups = 0;
  for (let i = 0; i < number.length; i++)
    if (isNumeral(number[i]!) && (i === 0 || !isNumeral(number[i - 1]!))) groups++;
  return groups >= 2 || number.includes("丁目") || number.includes("番地") ? end : -1;
}

/** After the house number: " カナリア荘101", "サクラハイツ202号室", "-101". Returns where the address ends. */
function buildingEnd(text: string, at: number): number {
  let i = text[at] === " " ? at + 1 : at;
  const from = i;
  let end = at;
  while (i < text.length && i - from < MAX_BUILDING) {
    const c = text.charCodeAt(i);
    if (isAsciiDigit(c)) {
      while (i < text.length && isAsciiDigit(text.charCodeAt(i))) i++;
      const room = startsWithAt(text, i, ROOM_ENDS);
      if (room) i += room.length;
      end = i;
      continue;
    }
    const word = startsWithAt(text, i, BUILDING_WORDS);
    if (word) {
      i += word.length;
      end = i;
      continue;
    }
    if (isKanji(c) || isKatakana(c) || isAsciiLetter(c) || c === 0x2d || c === 0x23) i++;
    else break;
  }
  return end;
}

function findJapanese(folded: string): Span<"address">[] {
  const found: Span<"address">[] = [];
  let lastEnd = 0;
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(folded); m; m = ANCHOR.exec(folded)) {
    if (m.index < lastEnd) continue;
    let start = m.index;
    let cursor = m.index + m[0].length;
    if (m[0] === "住所") {
      // 住所は…, 住所: …, 住所「…」: the address is what follows the label.
      while (cursor < folded.length && cursor - m.index < 6 && "は: =「".includes(folded[cursor]!)) cursor++;
      start = cursor;
    } else if (m[0].length === 1) {
      // 世田谷区 / 大阪市: the name before the marker, kanji or katakana only.
      while (start > lastEnd && m.index - start < 6) {
        const c = folded.charCodeAt(start - 1);
        if (!(isKanji(c) || isKatakana(c) || c === 0x30f6)) break;
        start--;
      }
      if (start === m.index) continue;
    }
    // The place name runs up to the house number. A kanji house number (六本木一丁目二番三号) is kanji
    // like the name, so each kanji numeral is tried as its start (bounded: MAX_PLACE × MAX_NUMBER).
    let place = cursor;
    let number = -1;
    while (place < folded.length && place - cursor < MAX_PLACE) {
      const c = folded.charCodeAt(place);
      if (!isPlaceChar(c)) break;
      if (KANJI_NUMERALS.includes(folded[place]!)) {
        number = kanjiHouseNumberEnd(folded, place);
        if (number !== -1) break;
      }
      place++;
    }
    if (number === -1) number = houseNumberEnd(folded, place);
    if (number === -1) continue;
    const end = buildingEnd(folded, number);
    found.push({ kind: "address", start, end });
    lastEnd = end;
    ANCHOR.lastIndex = end;
  }
  return found;
}

// "Shibuya-ku", "Kita-ku", "Yokohama-shi", "Kanagawa-ken", "Tokyo-to", or a prefecture's name.
export const ROMAN_ANCHOR = new RegExp(
  `(?<![A-Za-z])(?:[A-Za-z]{2,20}-(?:ku|shi|cho|machi|gun|mura|ken)|${PREFECTURE_NAMES_EN.join("|")})(?![A-Za-z])`,
  "gi",
);
const ROOM_WORDS = /^(?:apt|apartment|room|rm|unit|bldg|building|no|#)\.?$/i;
const HOUSE_NUMBER = /^#?[0-9]{1,4}(?:-[0-9]{1,4}){0,3}(?:-?chome)?,?$/i;
/** "2024-01-15" is a date, not a house number. */
const DATE_LIKE = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;
const POSTAL_CODE = /^[0-9]{3}-[0-9]{4}[,.]?$/;
const PLACE_WORD = /^[A-Z][A-Za-z'-]{0,30}[,.]?$/;
const MAX_TOKENS = 10;

type TokenRole = "number" | "place" | "none";

function roleOf(token: string): TokenRole {
  if (POSTAL_CODE.test(token) || (HOUSE_NUMBER.test(token) && !DATE_LIKE.test(token))) return "number";
  if (ROOM_WORDS.test(token)) return "place";
  if (PLACE_WORD.test(token) || /^[A-Za-z]{2,20}-(?:ku|shi|cho|machi|gun|mura|ken),?\.?$/i.test(token))
    return "place";
  return "none";
}

const isRomanChar = (c: number) =>
  isAsciiLetter(c) ||
  isAsciiDigit(c) ||
  c === 0x20 ||
  c === 0x2c ||
  c === 0x2e ||
  c === 0x23 ||
  c === 0x27 ||
  c === 0x2d ||
  c === 0x2f;

/**
 * Tokens (runs without blanks) around [from, to), within the stretch of Latin text that holds it: a line
 * break, Japanese text or any other character ends the stretch, and with it the address.
 */
function tokensAround(text: string, from: number, to: number): { text: string; start: number }[] {
  let lo = from;
  while (lo > 0 && from - lo < 100 && isRomanChar(text.charCodeAt(lo - 1))) lo--;
  let hi = to;
  while (hi < text.length && hi - to < 100 && isRomanChar(text.charCodeAt(hi))) hi++;
  const tokens: { text: string; start: number }[] = [];
  let i = lo;
  while (i < hi) {
    while (i < hi && text[i] === " ") i++;
    const s = i;
    while (i < hi && text[i] !== " ") i++;
    if (i > s) tokens.push({ text: text.slice(s, i), start: s });
  }
  return tokens;
}

function findRomanised(folded: string): Span<"address">[] {
  const found: Span<"address">[] = [];
  let lastEnd = 0;
  ROMAN_ANCHOR.lastIndex = 0;
  for (let m = ROMAN_ANCHOR.exec(folded); m; m = ROMAN_ANCHOR.exec(folded)) {
    if (m.index < lastEnd) continue;
    const tokens = tokensAround(folded, m.index, m.index + m[0].length);
    const at = tokens.findIndex((t) => t.start <= m!.index && m!.index < t.start + t.text.length);
    // The anchor is a word of its own ("Tokyo,"), not a piece of a host name (mx.tokyo.example.jp).
    if (at === -1 || tokens[at]!.start !== m.index || roleOf(tokens[at]!.text) === "none") continue;
    let first = at;
    while (first > 0 && at - first < MAX_TOKENS && roleOf(tokens[first - 1]!.text) !== "none") {
      if (/\.$/.test(tokens[first - 1]!.text) && !ROOM_WORDS.test(tokens[first - 1]!.text)) break;
      first--;
    }
    let last = at;
    // A token ending in "." ends the sentence, and the address with it ("Apt." and "No." excepted).
    const endsSentence = (t: string) => /\.$/.test(t) && !ROOM_WORDS.test(t);
    while (
      last + 1 < tokens.length &&
      last - at < MAX_TOKENS &&
      !endsSentence(tokens[last]!.text) &&
      roleOf(tokens[last + 1]!.text) !== "none"
    )
      last++;
    const clause = tokens.slice(first, last + 1);
    if (!clause.some((t) => roleOf(t.text) === "number")) continue;
    const lastToken = clause.at(-1)!;
    let end = lastToken.start + lastToken.text.length;
    while (end > lastToken.start && (folded[end - 1] === "," || folded[end - 1] === ".")) end--;
    const start = clause[0]!.start;
    if (start < lastEnd) continue;
    found.push({ kind: "address", start, end });
    lastEnd = end;
    ROMAN_ANCHOR.lastIndex = Math.max(ROMAN_ANCHOR.lastIndex, end);
  }
  return found;
}

export function findAddresses(folded: string): Span<"address">[] {
  return [...findJapanese(folded), ...findRomanised(folded)];
}

/** Words whose presence lets the masker look for addresses at all (with a digit, see pii.ts). */
export const ADDRESS_WORDS = ["住所", "丁目", "番地"];
