import { forMatching } from "../bounce/text.ts";
import { TITLES_NAMING_NO_REASON } from "../formats/notice-sentences.ts";
import type { Reason } from "../types.ts";
import type { Facts } from "./check.ts";

/**
 * The last reading of a server's words that no reason's phrase list knows (a family we have never
 * seen words the same problem its own way: "Recipient's mailbox is over its storage quota", "550
 * Virus Detected; Content Rejected"): a few plain words that together name a problem. Consulted only
 * after every phrase, and only where the status code names no particular problem (none, x.y.0, 5.7.1,
 * 4.7.1, 5.2.1) and no local program complained (decide.ts): there the words say more than the status.
 * In a pasted fragment they also make a line worth reading (generic.ts). Each entry: the reason, then
 * groups of words that must all be in the text, as whole words or the start of one ("blacklist" also
 * finds "blacklisted"), in the order of KEYWORDS (the first entry with a group found decides); host
 * names, addresses and links are not read ("spam-gw.example.jp" says nothing about spam).
 */
const KEYWORDS: readonly (readonly [Reason, readonly (readonly string[])[]])[] = [
  ["virusdetected", [["virus"], ["malware"], ["infected"]]],
  // 「容量」 is a mailbox's as often as a message's: the mail sent, or its attachment, named as what is too
  // big goes first (an ISP's translation of "message is too large": 「送信したメールの容量が…超えている為」).
  [
    "mesgtoobig",
    [["送信したメールの容量"], ["送信したメールのサイズ"], ["添付ファイルの容量"], ["添付ファイルのサイズ"]],
  ],
  [
    "mailboxfull",
    [
      ["mailbox", "full"],
      ["inbox", "full"],
      ["folder", "full"],
      ["mailfolder", "full"],
      ["storage", "full"],
      ["quota", "exceed"],
      ["over", "quota"],
      ["mailbox", "quota"],
      ["mailbox", "exceeds"],
      ["容量"],
      ["メールボックス", "いっぱい"],
      ["メールボックス", "一杯"],
      // "mail box is full" as ISP help pages translate it: 「送信先のメールボックスが満杯で送信できません」
      ["メールボックス", "満杯"],
      ["受信箱", "いっぱい"],
      ["受信箱", "満杯"],
      ["受信トレイ", "いっぱい"],
    ],
  ],
  [
    "mesgtoobig",
    [
      ["too", "large"],
      ["too", "big"],
      ["size", "exceed"],
      ["size", "limit"],
      ["サイズ", "大き"],
      ["サイズ", "超え"],
      ["サイズ", "上限"],
    ],
  ],
  [
    "suspend",
    [
      ["account", "disabled"],
      ["account", "suspended"],
      ["account", "inactive"],
      ["account", "deactivated"],
      ["account", "expired"],
      ["mailbox", "disabled"],
      ["mailbox", "suspended"],
      ["mailbox", "inactive"],
      // "The email account that you tried to reach is inactive": the account named far before.
      ["inactive"],
      ["deactivated"],
      ["is", "disabled"],
      ["account", "locked"],
      ["mailbox", "locked"],
      ["user", "locked"],
      ["アカウント", "無効"],
      ["アカウント", "停止"],
      ["アカウント", "凍結"],
      ["アカウント", "ロック"],
    ],
  ],
  [
    "norelaying",
    [
      ["relay", "denied"],
      ["relaying", "denied"],
      ["relay", "not", "permitted"],
      ["relaying", "not", "allowed"],
      ["relay", "access"],
      ["not", "configured", "to", "relay"],
      ["unable", "to", "relay"],
    ],
  ],
  ["authfailure", [["spf"], ["dkim"], ["dmarc"]]],
  // The sending server's IP address has no host name (PTR record) the receiver could look up.
  ["requireptr", [["reverse", "dns"], ["no", "reverse"], ["rdns"], ["ptr", "record"], ["reverse", "lookup"]]],
  [
    "securityerror",
    [
      ["unauthenticated"],
      ["authentication", "required"],
      ["not", "authenticated"],
      ["starttls", "required"],
      ["smtp", "auth"],
    ],
  ],
  // "does not support TLS": the negation is part of the group (a group's first word must not follow one).
  [
    "failedstarttls",
    [
      ["not", "support", "tls"],
      ["not", "support", "starttls"],
      ["tls", "not", "support"],
    ],
  ],
  // A listed link in the message, not a listed sender: before "blocked" reads "blacklisted".
  [
    "spamdetected",
    [
      ["blacklisted", "url"],
      ["blacklisted", "link"],
    ],
  ],
  [
    "blocked",
    [
      ["blacklist"],
      ["block", "list"],
      ["blocked", "using"],
      ["spamhaus"],
      ["spamcop"],
      ["blocklist"],
      ["denylist"],
      ["dnsbl"],
      ["ip", "blocked"],
      // Postfix's and Microsoft's DNSBL refusal, "Client host [192.0.2.1] blocked" ⏎ "using zen.spamhaus.org"
      ["client", "host", "blocked"],
      ["ip", "not", "allowed"],
      ["invalid", "ip"],
    ],
  ],
  // The sending server's standing, not this message ("the very low reputation of the sending IP").
  ["badreputation", [["reputation"]]],
  ["spamdetected", [["spam"], ["迷惑メール"]]],
  [
    "policyviolation",
    [
      ["content", "blocked"],
      ["blocked", "because", "content"],
      ["content", "rejected"],
      ["policy", "reasons"],
      ["policy", "violation"],
      ["violates", "policy"],
    ],
  ],
  [
    "rejected",
    [
      ["sender", "rejected"],
      ["mail", "rejected"],
      // 「受信者のサーバーがお客様のメッセージを拒否しました」 (a filter's 「受信拒否」 is a phrase: filtered.ts)
      ["サーバー", "拒否"],
      ["メッセージ", "拒否"],
    ],
  ],
  [
    "hostunknown",
    [
      ["domain", "not", "found"],
      ["no", "such", "domain"],
      ["domain", "does", "not", "exist"],
      ["unknown", "domain"],
      ["host", "not", "found"],
      ["unknown", "host"],
      ["no", "mx"],
      ["ドメイン", "見つから"],
      ["ドメイン", "見つかりません"],
      ["ドメイン", "存在しな"],
      ["ドメイン", "存在しません"],
    ],
  ],
  [
    "userunknown",
    [
      ["no", "such", "user"],
      ["unknown", "user"],
      ["user", "unknown"],
      ["unknown", "recipient"],
      ["recipient", "unknown"],
      ["invalid", "recipient"],
      ["invalid", "mailbox"],
      ["invalid", "user"],
      ["user", "not", "listed"],
      ["user", "not", "found"],
      ["mailbox", "not", "found"],
      ["recipient", "not", "found"],
      ["address", "not", "found"],
      ["does", "not", "exist"],
      ["存在しません"],
      ["アドレス", "見つから"],
      ["アドレス", "見つかりません"],
      ["アドレス", "存在しな"],
      ["ユーザ", "見つから"],
      ["ユーザ", "見つかりません"],
      ["ユーザ", "存在しな"],
      ["受信者", "見つから"],
      ["受信者", "見つかりません"],
      ["宛先", "見つから"],
      ["宛先", "見つかりません"],
      ["宛先", "存在しな"],
    ],
  ],
  [
    "systemerror",
    [
      ["service", "unavailable"],
      ["temporarily", "unavailable"],
      ["internal", "error"],
      ["system", "error"],
      ["server", "error"],
    ],
  ],
  [
    "toomanyconn",
    [
      ["too", "many", "connections"],
      ["frequency", "limit"],
      ["rate", "limit"],
    ],
  ],
  // The recipient gets more mail than its server lets in ("receiving mail at a rate that prevents ...").
  [
    "speeding",
    [
      ["receiving", "rate"],
      ["too", "quickly"],
      ["too", "fast"],
    ],
  ],
  [
    "networkerror",
    [
      ["unreachable"],
      ["not", "reachable"],
      ["no", "route"],
      ["network", "error"],
      ["hop", "count"],
      ["lost", "connection"],
      // Postfix's DNS trouble, its reply cut off ("Name service error for name=example.org type=MX: Malformed …").
      ["name", "service", "error"],
    ],
  ],
  // Retried until the sender gave up ("Could not deliver for the last 432000 seconds. Giving up.").
  ["expired", [["timed", "out"], ["timeout"], ["expired"], ["giving", "up"], ["gave", "up"]]],
];

/** Every word of the groups above (knowledge/ocr/words.ts mends OCR's misreadings of them). */
export const KEYWORD_WORDS: readonly string[] = [...new Set(KEYWORDS.flatMap(([, groups]) => groups.flat()))];

const WORD_CHAR = /[\p{L}\p{N}']/u;
/** A letter, digit or "'" (ASCII by its code, the rest by WORD_CHAR). */
const isWordChar = (c: string): boolean => {
  const n = c.charCodeAt(0);
  if (n < 128) return (n >= 97 && n <= 122) || (n >= 48 && n <= 57) || (n >= 65 && n <= 90) || n === 39;
  return WORD_CHAR.test(c);
};

/**
 * The words of a text, lower-cased, by one pass over it. A blank-separated chunk gives none when it is
 * an address, a link or a host name ("@", "/" or a "." between letters), a setting ("classifier=spam")
 * or a header's name ("X-Virus-Scanned:": a "-" inside, a ":" at its end).
 */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let chunk: string[] = [];
  let word = "";
  let skip = false;
  let hyphen = false;
  const endChunk = (last: string) => {
    if (word) chunk.push(word);
    if (!skip && !(hyphen && last === ":")) words.push(...chunk);
    chunk = [];
    word = "";
    skip = false;
    hyphen = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === " ") {
      endChunk(text[i - 1] ?? "");
      continue;
    }
    if (c === "@" || c === "/" || c === "=" || (c === "." && word !== "" && isWordChar(text[i + 1] ?? " ")))
      skip = true;
    if (c === "-") hyphen = true;
    if (isWordChar(c)) word += c;
    else if (word) {
      chunk.push(word);
      word = "";
    }
  }
  endChunk(text.at(-1) ?? "");
  return words;
}

const isCjk = (w: string) => w.charCodeAt(0) > 0x2fff;

/** At most this many characters between two Japanese words of a group, within one sentence. */
const CJK_GAP = 24;

/**
 * Japanese has no blanks to count words by: a group's words in its order, each within CJK_GAP characters
 * of the one before and no 「。」 between them (「宛先のメールアカウントは現在無効になっているため」).
 */
function holdsJapanese(text: string, group: readonly string[]): boolean {
  const first = group[0]!;
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    let end = at + first.length;
    let k = 1;
    for (; k < group.length; k++) {
      const word = group[k]!;
      const span = text.slice(end, end + CJK_GAP + word.length);
      const hit = span.indexOf(word);
      const stop = span.indexOf("。");
      if (hit === -1 || (stop !== -1 && stop < hit)) break;
      end += hit + word.length;
    }
    if (k === group.length) return true;
  }
  return false;
}

const NEGATIONS = new Set(["no", "not", "without"]);

/** At most this many other words between two words of a group ("mailbox for x is full"). */
const GAP = 3;

/** Whether the words hold the group's words in its order, each within GAP words of the one before. */
function holds(words: readonly string[], text: string, group: readonly string[]): boolean {
  if (isCjk(group[0]!)) return group.length === 1 ? text.includes(group[0]!) : holdsJapanese(text, group);
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.startsWith(group[0]!)) continue;
    // "No virus found in this message" says the opposite.
    if (i > 0 && NEGATIONS.has(words[i - 1]!)) continue;
    let at = i;
    let k = 1;
    for (; k < group.length; k++) {
      let next = -1;
      for (let j = at + 1; j <= at + 1 + GAP && j < words.length; j++)
        if (words[j]!.startsWith(group[k]!)) {
          next = j;
          break;
        }
      if (next === -1) break;
      at = next;
    }
    if (k === group.length) return true;
  }
  return false;
}

/** A lower-cased text with the notices' titles that name no reason ("mail system error - …") blanked. */
function withoutTitles(text: string): string {
  let out = text;
  for (const title of TITLES_NAMING_NO_REASON)
    if (out.includes(title)) out = out.replaceAll(title, " ".repeat(title.length));
  return out;
}

/** The reason the words of a lower-cased text name and the words that did, or undefined. */
function wordsReason(text: string, command: string): { reason: Reason; words: string } | undefined {
  const words = wordsOf(withoutTitles(text));
  if (words.length === 0) return undefined;
  for (const [reason, groups] of KEYWORDS) {
    const group = groups.find((g) => holds(words, text, g));
    if (!group) continue;
    // Without a refused RCPT, "no such user" words are a filter's (userunknown.ts, filtered.ts).
    const named = reason === "userunknown" && command !== "RCPT" ? "filtered" : reason;
    return { reason: named, words: group.join(" ") };
  }
  return undefined;
}

/** The reason the words name and the words that did, or undefined. `f.text` is already lower case. */
export function keywordReason(f: Facts): { reason: Reason; words: string } | undefined {
  return wordsReason(f.text, f.command);
}

/**
 * Whether a line of a pasted fragment names a problem in plain words ("kijitora@example.jp: Domain
 * does not exist", "Reason: Over quota"): a line to read, as one with a code or a known phrase is.
 * `lower`: the line already folded by forMatching, where the caller has it.
 */
export function namesProblem(line: string, lower?: string): boolean {
  return line.length <= 600 && wordsReason(lower ?? forMatching(line), "") !== undefined;
}
