import type { Lang } from "./knowledge-contract.ts";
import { kanaOf } from "./understand/romaji.ts";

/**
 * Who wrote a text, a mail server or the user, and in which language. Japanese users paste English
 * bounces, so English must not switch the chat to English just because it is English: it switches only
 * when a person wrote it. And only text a server wrote counts as a failed paste when it cannot be read;
 * a person saying 「エラーメールが返ってくる」 gets help on what to paste instead.
 *
 * Heuristics, not parsing: every pattern is a plain scan (no nested repetition), so a long paste stays
 * linear.
 */

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

// Marks only a server leaves: header lines, SMTP transcripts, status codes, addresses in <>.
const HEADER_LINE =
  /^[ \t]*(?:subject|from|to|date|status|action|received|return-path|message-id|content-type|mime-version|auto-submitted|reporting-mta|remote-mta|final-recipient|original-recipient|diagnostic-code|arrival-date|last-attempt-date|x-[a-z0-9-]{1,40}|件名|差出人|送信者|宛先|日時|日付)[ \t]*[:：]/im;
const STATUS_CODE = /\b[245]\.\d{1,3}\.\d{1,3}\b/;
const REPLY_LINE = /^[ \t]*[245]\d\d[ -]\S/m;
const ANGLE_ADDRESS = /<[^\s<>@]{1,64}@[^\s<>@]{1,255}>/;
const TRANSCRIPT =
  /\bsaid:|\brcpt to\b|\bmail from:|\bin reply to (?:rcpt|data|end of data|mail)\b|\bsmtp error\b/i;

/**
 * Sentences of bounce templates (Postfix, Exim, Sendmail, qmail, Gmail, Outlook, Yahoo): written by a
 * server even when they say "I". Removed before looking for the user's own words, and a mark of a paste.
 */
const SERVER_SENTENCES = [
  "this is the mail system at",
  "i'm sorry to have to inform you",
  "this message was created automatically",
  "a message that you sent could not be delivered",
  "the following addresses had permanent fatal errors",
  "transcript of session follows",
  "the original message was received",
  "hi. this is the qmail-send program",
  "i'm afraid i wasn't able to deliver",
  "this is a permanent error",
  "i've given up",
  "sorry it didn't work out",
  "i'm not going to try again",
  "delivery to the following recipient",
  "could not be delivered to one or more",
  "this is an automatically generated delivery status notification",
  "your message wasn't delivered to",
  "your message couldn't be delivered",
  "diagnostic information for administrators",
  "we were unable to deliver your message",
];

/** Phrases users quote too ("I got a mail from MAILER-DAEMON"): a paste only if nobody is talking. */
const BOUNCE_WORDS =
  /mailer-daemon|postmaster@|mail delivery (?:subsystem|system)|returned mail:|undelivered mail returned|delivery status notification|failure notice|mail delivery failed|undeliverable:|could(?: not|n't) be delivered|(?:was not|wasn't) delivered|permanent error|temporary error|unable to deliver|delivery has failed|the following address/i;

/** How server templates address the sender; a line with these is the server's even if it says "I". */
const SERVER_VOICE =
  /\byour (?:message|mail|e-?mail)\b|\bthe following\b|\bthis is (?:the|an?) (?:mail|automatic|automated|delivery)|\bdo not reply\b|\b(?:was|were) unable to\b|\binform you\b|\bdelivery status\b|\bin the queue\b|\bsubject:|\b\d{1,3}(?:\.\d{1,3}){3}\b/i;
/** An auto-reply (out of office) speaks in the first person too; pasted, it is still not the user. */
const AUTO_REPLY =
  /\bout of (?:the )?office\b|\bcurrently (?:away|out)\b|\blimited access to e-?mail\b|\bupon my return\b/i;

/** Characters that make a token technical when a letter or digit follows them ("x.me.example.com"). */
const TECHNICAL_MARKS = new Set([".", "@", "/", "=", ":"]);
const ALNUM = /[A-Za-z0-9]/;

/**
 * Host names, addresses, URLs, header values: blanks every whitespace-separated token in which one of
 * . @ / = : is followed, anywhere later in the token, by a letter or digit ("me" in "x.me.example.com"
 * is not the user's "me"). A hand scan, one pass per token: the regular expression it replaces
 * (`\S*[.@/=:]\S*[A-Za-z0-9]\S*`) backtracked cubically, and one LINE message of 5,000 slashes stalled
 * the whole process for half a minute.
 */
export function withoutTechnicalTokens(line: string): string {
  return line
    .split(/\s+/)
    .map((token) => {
      for (let i = 0; i < token.length; i++)
        if (TECHNICAL_MARKS.has(token[i]!)) return ALNUM.test(token.slice(i + 1)) ? "" : token;
      return token;
    })
    .join(" ");
}

// A person talking. "I", "my", "me" count in any line a server did not write; greetings, thanks and a
// question mark only when nothing in the text came from a server (OpenSMTPD's notice opens with "Hi!",
// the copy of the original mail may end its subject with "?"). "we", "please", "help" appear in bounces.
const FIRST_PERSON = /\b(?:i|i'm|im|i've|ive|i'd|i'll|my|me)\b/i;
/** The same in Japanese: a server's notice says お客様 or あなた, not 私 (「私そんなの送ってない」). */
const FIRST_PERSON_JA = /私|わたし|僕|ぼく|自分/;
/**
 * Japanese as people speak it, never in a server's template (which quotes with 「と」 and writes politely):
 * 「…ってメールが来た」「…けど」「…ちゃった」. 「MAILER-DAEMONから、そのユーザーはいませんってメールが来た」 is told.
 */
const SPOKEN_JA = /って|けど|けれど|ちゃっ|じゃっ/;
const GREETING =
  /\b(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening|night)|bye|goodbye|thanks|thank you|thx)\b|\?$/i;

/**
 * Words a person chatting writes and a server's template does not (round 35): what the mail said, reported ("it
 * says mailbox full", "got a bounce saying…"; not "said:", a transcript's), a person named as he, she or they ("she
 * cleared her inbox", "they keep coming"), chat's own words ("lol", "btw", "pls", "tho"). Like a greeting, counted
 * only where nothing in the text came from a server. Round 36: when it happened told from the writer's day ("today",
 * "last month", "every single time": a notice dates by the clock, if at all) and how it felt ("weird", "ugh", "no idea",
 * "it worked"): "That address worked fine last month" names a server's word and is still a person's. Round 39: the
 * request of office English ("kindly tell what is domain", "please tell the meaning of domain") and "explain", which a notice does not put to its reader.
 * Round 41: "they" as the subject ("they bounced it back", "They keep coming"), not "they've" (a notice's bullet tells
 * its reader what the recipients may have set up).
 */
const CHATTING =
  /\b(?:says|saying|said(?!:)|she|he|her|him|they(?!['’]ve)|they're|theyre|lol|btw|pls|plz|tho|though|dunno|apparently|today|yesterday|tonight|lately|last (?:night|week|month|year)|this (?:morning|afternoon|evening)|every (?:single )?time|worked|weird|ugh|seriously|annoying|ridiculous|no idea|kindly|explain|meaning)\b/i;

/** Common English words: one of them tells an English sentence from romaji ("arigatou gozaimasu"). */
const ENGLISH_WORD =
  /\b(?:a|an|the|to|of|in|on|at|for|from|with|and|or|but|not|no|is|are|was|were|be|it|this|that|what|why|how|when|where|can|could|cannot|can't|do|does|did|don't|didn't|doesn't|won't|have|has|had|get|got|getting|keep|keeps|came|come|comes|back|sent|send|sending|please|help|you|your|we|they)\b/i;

/** Words of mail-server English: a short sentence without "I" that has one of these is a pasted line. */
const SERVER_VOCABULARY =
  /\b(?:deliver\w*|undeliver\w*|recipient\w*|address\w*|server\w*|host\w*|domain\w*|mailbox\w*|smtp|header\w*|original|permanent\w*|temporar\w*|failure|failed|reason|report\w*|following|notification|administrator|postmaster|daemon|attempt\w*|rejected|refused|block\w*|quota|relay\w*|spam|virus|status|network|provider|sender|reply|transcript|technical|details)\b/i;

/** A sentence short enough to be typed in a chat, not a line from a notice. */
const SHORT_WORDS = 8;
/** Words and sentence punctuation only: no codes, host names, addresses, brackets or a closing colon. */
const PLAIN_WORDS = /^[A-Za-z][A-Za-z' ’,-]*(?:[.!?]+\s+[A-Za-z][A-Za-z' ’,-]*)*[.!]*$/;

export interface TextKind {
  /** The language a person wrote in; undefined for a server's text or when it cannot tell. */
  lang: Lang | undefined;
  /** Written by a mail server (a pasted bounce or part of one), not by the user. */
  fromServer: boolean;
  /** It carries marks only a server leaves (a status code, a header line, an SMTP transcript, <address>). */
  marked: boolean;
}

function hasServerMarks(line: string): boolean {
  const lower = line.toLowerCase();
  return (
    SERVER_SENTENCES.some((s) => lower.includes(s)) ||
    HEADER_LINE.test(line) ||
    STATUS_CODE.test(line) ||
    REPLY_LINE.test(line) ||
    ANGLE_ADDRESS.test(line) ||
    TRANSCRIPT.test(line)
  );
}

/**
 * A line of a person's around a server's code ("I got 550 5.7.1, what does it mean?", 「550 5.7.1ってエラーが
 * 出た」): their own words, not a line of the notice to show back as read. A server's reply is ASCII.
 */
export function spokenLine(line: string): boolean {
  if (!/^[\x20-\x7E\t]*$/.test(line)) return true;
  const own = withoutTechnicalTokens(line);
  return FIRST_PERSON.test(own) || /\?\s*$/.test(line);
}

/**
 * "I got an email back saying 550 5.1.1 user unknown", "Error says 421 try later, I was sending from my laptop": a
 * line of a person's that names a status code, told in the first person (outside host names and addresses) with a
 * word of the mail come back or of what it said (a qmail notice's "Sorry, I wasn't able…" has none), or reporting what
 * the mail said without "I" ("it says 5.7.1 and something like your IP is listed"). Only a
 * status code marks it: a template's sentence, a header, a reply line opening with its code, an <address> or a
 * transcript is the server's, whatever "I" it says; so is a line that addresses its reader as a notice does.
 */
export function toldAroundCode(line: string): boolean {
  if (!STATUS_CODE.test(line) || SERVER_VOICE.test(line) || AUTO_REPLY.test(line)) return false;
  if (HEADER_LINE.test(line) || REPLY_LINE.test(line) || ANGLE_ADDRESS.test(line) || TRANSCRIPT.test(line))
    return false;
  const lower = line.toLowerCase();
  if (SERVER_SENTENCES.some((s) => lower.includes(s)) || !TOLD.test(line)) return false;
  return REPORTED.test(line) || FIRST_PERSON.test(withoutTechnicalTokens(line));
}
/** Words of a mail come back and what it said, told: a notice apologises or explains, it does not tell this. */
const TOLD = /\b(?:say|says|saying|said(?!:)|got|get|gets|getting|came|come|comes|bounced|bounces|bounce)\b/i;
/** What the mail said, reported ("it says 5.7.1 and something like…"): a person's, with or without "I". */
const REPORTED = /\b(?:says|saying|something like|something about)\b/i;

/**
 * How to read a text. `recognised`: the classifier found a bounce in it; then plain English without the
 * user's own words ("Mailbox full", a Gmail sentence) is a paste, and keeps the chat's language.
 */
export function kindOfText(text: string, recognised = false): TextKind {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .slice(0, 400);
  const marked = lines.some(hasServerMarks);
  const bounceWords = lines.some((l) => BOUNCE_WORDS.test(l));
  // The user's own words are in the lines a server did not write: "I" in "I'm afraid I wasn't able to
  // deliver your message" is the server's.
  const own = lines
    .filter((l) => !hasServerMarks(l) && !SERVER_VOICE.test(l) && !AUTO_REPLY.test(l))
    .map((l) => withoutTechnicalTokens(l).trim());
  const speaking =
    own.some((l) => FIRST_PERSON.test(l) || FIRST_PERSON_JA.test(l) || SPOKEN_JA.test(l)) ||
    (!marked && !bounceWords && own.some((l) => GREETING.test(l) || CHATTING.test(l))) ||
    (marked && lines.length <= MAX_ASKING_LINES && lines.some(toldAroundCode));
  // A long English text that nobody signs as their own is a paste too (a notice without known marks).
  const long = lines.length >= 4 || text.length > 300;
  const serverVoice = lines.some((l) => SERVER_VOICE.test(l));
  const fromServer = marked || ((bounceWords || serverVoice || (long && !JAPANESE.test(text))) && !speaking);

  if (JAPANESE.test(text)) return { lang: englishAround(text, fromServer) ? "en" : "ja", fromServer, marked };
  if (speaking) return { lang: "en", fromServer, marked }; // also around a paste: "Hi, I got this: 550 5.1.1 …"
  // A question put to us in a short text is a person's, whatever server words or codes stand beside it: only its
  // language is told (whether the rest is a paste is decided above).
  if (lines.length <= MAX_ASKING_LINES && text.length <= MAX_ASKING_CHARS && asksAsAPerson(lines))
    return { lang: "en", fromServer, marked };
  const [only] = lines;
  // "Mail returned with 'quota exceeded' message": a server's words quoted in a person's sentence.
  if (only !== undefined && lines.length === 1 && !marked && quotedInSentence(only))
    return { lang: "en", fromServer: false, marked };
  const typedSentence =
    lines.length === 1 &&
    only !== undefined &&
    only.split(/\s+/).length <= SHORT_WORDS &&
    PLAIN_WORDS.test(only) &&
    (ENGLISH_WORD.test(only) || mostlyNotRomaji(only)) &&
    !SERVER_VOCABULARY.test(only);
  return { lang: typedSentence && !fromServer && !recognised ? "en" : undefined, fromServer, marked };
}

/**
 * "Mail returned with 'quota exceeded' message", "the mail come back with \"host not found\" inside": a phrase of words
 * in quotation marks inside a line of plain words, three to eight words outside the quotes, one of them one of
 * English's little words (or most of them no romaji), none addressing the reader as a notice does ("your message"). A notice does not quote its own words in a line of its own (a server's reply quoted back carries its
 * code, and a code marks the text a server's); a person retelling what it said does. Gate: a quotation mark in the
 * line (most texts have none); a hand scan, nothing copied but the words outside the quotes.
 */
function quotedInSentence(line: string): boolean {
  const open = firstQuote(line);
  if (open < 0) return false;
  const mark = line[open]!;
  const close = line.indexOf(CLOSING_QUOTE[mark] ?? mark, open + 1);
  if (close < 0 || close === open + 1) return false;
  if (!QUOTED_PHRASE.test(line.slice(open + 1, close)) || SERVER_VOICE.test(line)) return false;
  const outside = `${line.slice(0, open)} ${line.slice(close + 1)}`.trim();
  const words = outside.split(/\s+/).length;
  return (
    QUOTE_FREE_WORDS.test(outside) &&
    words >= MIN_WORDS_AROUND_QUOTE &&
    words <= SHORT_WORDS &&
    (ENGLISH_WORD.test(outside) || mostlyNotRomaji(outside))
  );
}
/** Where the line's first quotation mark is (-1: none). An apostrophe between letters ("client's") is no quote. */
function firstQuote(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22 || c === 0x201c || c === 0x2018) return i;
    if (c === 0x27 && !(isLetter(line.charCodeAt(i - 1)) && isLetter(line.charCodeAt(i + 1)))) return i;
  }
  return -1;
}
function isLetter(code: number): boolean {
  const c = code | 0x20;
  return c >= 0x61 && c <= 0x7a;
}
const CLOSING_QUOTE: Readonly<Record<string, string>> = { "\u201c": "\u201d", "\u2018": "\u2019" };
/** The words outside the quotes: words of letters, spaces and sentence punctuation (no code, option, address or host). */
const QUOTE_FREE_WORDS = /^[A-Za-z][A-Za-z'’]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*)*[.!?]*$/;
/** What is quoted: a phrase of words ("quota exceeded", "userunknown"), no code, path or option. */
const QUOTED_PHRASE = /^[A-Za-z][A-Za-z ]*[A-Za-z]$/;
const MIN_WORDS_AROUND_QUOTE = 3;

/**
 * "what's MAILER-DAEMON, is it a virus?", "550 5.1.1 user unknown - what does this mean", "rejected every single time,
 * what now", "so domain is not existing? what it means": a clause that asks as a person asks, opening with a question
 * word ("what", "is it", "can you"; not "when" or "which", which open a notice's clauses too) or closing with a question mark, its words plain (no code, address or header in
 * it). A notice tells; it does not ask its reader questions in a line or two. Clauses end at , . ; ! ? and " - ".
 */
function asksAsAPerson(lines: readonly string[]): boolean {
  for (const line of lines) {
    // A notice's line: a header, an address, a link ("Was this helpful? Send feedback to <http://…>"), the words a
    // notice addresses its reader with ("your message", "the following").
    if (HEADER_LINE.test(line) || ANGLE_ADDRESS.test(line) || LINK.test(line) || SERVER_VOICE.test(line))
      continue;
    const parts = line.split(CLAUSE_END);
    for (let i = 0; i < parts.length; i += 2) {
      const clause = parts[i]!.trim();
      const asked = parts[i + 1]?.includes("?") === true;
      if (!asked && !ASKING_OPENING.test(clause)) continue;
      // One word asks only as a closing "why" or "what" ("friend say address correct, but mail come back, why").
      const words = clause.split(/\s+/).length;
      if ((words >= 2 || (!asked && LONE_ASKING.test(clause))) && PLAIN_CLAUSE.test(clause)) return true;
    }
  }
  return false;
}
const LINK = /https?:|www\./i;
/** The marks that close a clause, kept by split() between the clauses. */
const CLAUSE_END = /([,.;!?]+|\s-\s)/;
const ASKING_OPENING =
  /^(?:what|what's|whats|why|how|who|any idea|(?:is|was) (?:it|that|this|there)|are (?:they|you|u)|can (?:you|u|i)|could (?:you|u|i)|do (?:i|you|u)|does (?:it|this|that)|should i|will it|means what)\b/i;
const LONE_ASKING = /^(?:why|what|how)$/i;
/** Words, digits and apostrophes only: no code, address, host name or header in the clause. */
const PLAIN_CLAUSE = /^[A-Za-z][A-Za-z0-9'’ -]*$/;
/** A text that asks as a person: a line or two, as a chat message. */
const MAX_ASKING_LINES = 2;
const MAX_ASKING_CHARS = 300;

/**
 * "what is 容量オーバー?", "how do I set 指定受信 on au?": English around a Japanese word (a term from a returned
 * mail or a phone's settings) is English. Japanese grammar needs hiragana (particles, endings: 「docomoのmailに
 * sendできない」), so a text with none, whose Latin words hold two of English's little words, is English; so is one
 * whose Japanese is a single word among two Latin words or more, one of them little ("what means 宛先不明?", "Is
 * 迷惑メール same as spam?"). A word with hiragana in it (「お知らせ」) is English's only inside an English sentence,
 * Latin words before and after it and two little words among them ("what does おしらせ mean in my bounce?"):
 * Japanese that follows English (「user unknownってどういう意味」) asks in Japanese.
 * Read only when the text has Japanese; most Japanese texts, with hiragana and no Latin letter, end at the first test.
 * The two wider readings are for a person's text only: a server's quotes the subject of the mail, whatever its script.
 */
function englishAround(text: string, fromServer: boolean): boolean {
  const hiragana = HIRAGANA.test(text);
  if (hiragana && (fromServer || !LATIN.test(text))) return false;
  const first = ENGLISH_WORD.exec(text);
  const twoLittle = first !== null && ENGLISH_WORD.test(text.slice(first.index + first[0].length));
  if (!hiragana && twoLittle) return true;
  // "my client's mail says メールボックスがいっぱい, what now": the writer's own "my" or "says" (what the mail said,
  // reported) tells a person's English sentence around a Japanese phrase quoted, as two little words do (round 43).
  const told = twoLittle || (!fromServer && (FIRST_PERSON.test(text) || REPORTED.test(text)));
  if (first === null && !told) return false;
  // A server's text with a Japanese word in it (a subject quoted) is no English of the user's.
  const word = fromServer ? undefined : oneJapaneseWord(text);
  if (word === undefined) return false;
  if (!hiragana) return latinWords(text) >= 2;
  return told && LATIN.test(text.slice(0, word[0])) && LATIN.test(text.slice(word[1]));
}
const LATIN = /[A-Za-z]/;

/** Where the text's Japanese is, if it is one word (one run of kana and kanji, 「ー」 within it); else undefined. */
function oneJapaneseWord(text: string): [number, number] | undefined {
  let start = -1;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== "ー" && !JAPANESE.test(ch)) continue;
    if (start < 0) start = i;
    else if (i !== end) return undefined;
    end = i + 1;
  }
  return start < 0 ? undefined : [start, end];
}

/** How many words of Latin letters a text has. */
function latinWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const letter = LATIN.test(text[i]!);
    if (letter && !inWord) n++;
    inWord = letter;
  }
  return n;
}
const HIRAGANA = /\p{Script=Hiragana}/u;

/**
 * "nice weather today", "great explanation, really clear": none of ENGLISH_WORD's little words, but most words
 * of a sentence (of three letters or more, most of all the words) spell no romaji, as 「arigatou gozaimasu」
 * does: English.
 */
function mostlyNotRomaji(line: string): boolean {
  const words = line
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w !== "");
  const english = words.filter((w) => w.length >= 3 && kanaOf(w) === undefined).length;
  // One word alone ("prototype", a name) tells no language: a sentence is two words or more.
  return words.length >= 2 && english * 2 > words.length;
}

/** The language of a text a person typed (for replies before or without a conversation turn). */
export function languageOf(text: string): Lang | undefined {
  return kindOfText(text).lang;
}

/**
 * The language of a typed command or button label ("help", "Cancel!", 「メニュー」): Latin letters mean
 * English, any Japanese means Japanese. Full-width letters come from a Japanese keyboard: undecided.
 */
export function languageOfCommand(text: string): Lang | undefined {
  if (JAPANESE.test(text)) return "ja";
  if (/[A-Za-z]{2,}/.test(text)) return "en";
  return undefined;
}
