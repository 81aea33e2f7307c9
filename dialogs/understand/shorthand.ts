/**
 * English typed in a hurry on a phone ("r u a bot", "pls help", "wat is this", "i didnt recieve it",
 * "wrong adress"): read in the spellings the questions' examples are written in, word by word, so that their
 * words and n-grams match ("you are a bot", "please", "what", "didn't receive", "address"). Only whole
 * words standing alone are respelt (between spaces, the text's ends and sentence punctuation; "u" in
 * "u.s." is left as it is), and none in a text with a server's marks (an address, a status code). A hand
 * scan, no pattern: linear in the text.
 */

import { learnerEnglish } from "./learner-english.ts";

/** Text-speak, contractions typed without their apostrophe, and common misspellings → the usual spelling. */
const SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Text-speak.
    u: "you",
    ur: "your",
    r: "are",
    pls: "please",
    plz: "please",
    thx: "thanks",
    thnx: "thanks",
    thanx: "thanks",
    ty: "thank you",
    tysm: "thank you so much",
    wat: "what",
    wut: "what",
    wdym: "what do you mean",
    idk: "i don't know",
    dunno: "don't know",
    msg: "message",
    msgs: "messages",
    pic: "picture",
    pics: "pictures",
    thru: "through",
    b4: "before",
    bc: "because",
    cuz: "because",
    coz: "because",
    abt: "about",
    ppl: "people",
    rn: "right now",
    em: "them",
    ya: "you",
    cya: "see you",
    sry: "sorry",
    nvm: "never mind",
    pw: "password",
    acct: "account",
    diff: "different",
    prob: "probably",
    probs: "probably",
    // Contractions without their apostrophe (the examples write it).
    im: "i'm",
    ive: "i've",
    dont: "don't",
    didnt: "didn't",
    doesnt: "doesn't",
    cant: "can't",
    isnt: "isn't",
    wasnt: "wasn't",
    arent: "aren't",
    havent: "haven't",
    hasnt: "hasn't",
    couldnt: "couldn't",
    shouldnt: "shouldn't",
    wouldnt: "wouldn't",
    theyre: "they're",
    theyve: "they've",
    youre: "you're",
    whats: "what's",
    thats: "that's",
    // Misspellings.
    recieve: "receive",
    recieved: "received",
    recieving: "receiving",
    recived: "received",
    adress: "address",
    adresses: "addresses",
    adres: "address",
    emial: "email",
    pasword: "password",
    passwrod: "password",
    becuase: "because",
    becasue: "because",
    attachement: "attachment",
    attatchment: "attachment",
    mesage: "message",
    messege: "message",
    recipent: "recipient",
    reciepient: "recipient",
    recepient: "recipient",
    untill: "until",
    alot: "a lot",
    teh: "the",
    waht: "what",
    // Words run together by a Japanese writer ("mailaddress is mistake"), as the examples spell them apart.
    mailaddress: "mail address",
    emailaddress: "email address",
    // English as written in India and the Philippines ("kindly help", "pls advise"): the usual word.
    kindly: "please",
    // "wassup", "sup": a greeting, as "what's up".
    wassup: "what's up",
    wazzup: "what's up",
    whassup: "what's up",
    sup: "what's up",
  }),
);

/**
 * Phrases of English as written in India and the Philippines, in the phrasing the examples are written in:
 * "do the needful" asks what to do; "please advise" only asks politely (left out: read as "what should I do"
 * where it closed a message, it turned a question told before it into the steps, held-out-20 english −1);
 * "revert" is a reply asked for (the answer itself is that: left out); "not able to send" is "unable to send";
 * "the reason of" is "the reason for"; a request to be told whether (「please confirm whether」「let me know
 * if」) asks the clause after it.
 */
const PHRASES: readonly { said: string; read: string }[] = [
  { said: "do the needful", read: "what should i do" },
  // "no worries" (an OK in Australia, Britain, Ireland): read as the OK it is; its "worries" would match worry
  // ("I'm worried") in the examples' words.
  { said: "no worries", read: "all good" },
  // "good on ya" (Australia, New Zealand): well done, thanks; its "good" was read as a greeting's.
  { said: "good on ya", read: "thanks" },
  { said: "good on you", read: "thanks" },
  { said: "please advise", read: "" },
  { said: "please advice", read: "" },
  // "can send 25MB or not?" (Singapore, Malaysia, India): the yes or no asked, "or not" adds nothing to it
  // ("not" read as a denial turned it to "is it all right to resend").
  { said: "or not", read: "" },
  { said: "revert back", read: "" },
  { said: "revert", read: "" },
  { said: "not able to", read: "unable to" },
  // "I am unable to understand this mail": being lost, in the words the examples deny with ("unable" is no denial
  // to the index, and the OK's "I understand now" took it).
  { said: "unable to understand", read: "can't understand" },
  { said: "reason of", read: "reason for" },
  // "kindly confirm whether the mail is reached", "let me know if it arrived": the clause after "whether" is
  // what is asked (the request to be told matched "please explain", plain words; "let me know", contacting).
  // "kindly tell me whether I should resend": the same request ("tell me" matched telling the recipient).
  { said: "please tell me whether", read: "whether" },
  { said: "please tell me if", read: "whether" },
  { said: "please confirm whether", read: "whether" },
  { said: "please confirm if", read: "whether" },
  { said: "please let me know whether", read: "whether" },
  { said: "please let me know if", read: "whether" },
  { said: "let me know whether", read: "whether" },
  { said: "let me know if", read: "whether" },
  // "please I want to know if the address is wrong", "I would like to know whether…": asked, with no mark.
  { said: "i want to know if", read: "whether" },
  { said: "i want to know whether", read: "whether" },
  { said: "i would like to know if", read: "whether" },
  { said: "i would like to know whether", read: "whether" },
  { said: "i'd like to know if", read: "whether" },
  { said: "i wonder if", read: "whether" },
  // Formal requests ("I would be most grateful if you could explain…", "would you be so kind as to…"): a please,
  // whose words no example has (they made the request read as about something else); "what is meant by" is "what is".
  { said: "i would be most grateful if you could", read: "please" },
  { said: "i would be grateful if you could", read: "please" },
  { said: "i'd be grateful if you could", read: "please" },
  { said: "i would appreciate it if you could", read: "please" },
  { said: "would you be so kind as to", read: "please" },
  { said: "what is meant by", read: "what is" },
  // A Japanese writer's question ending in English ("the address is mistake desu ka"): a question mark.
  { said: "desu ka", read: "?" },
  { said: "desuka", read: "?" },
  // "please explain what a domain is", "can you explain me what MAILER-DAEMON is": what is asked is the "what"
  // (its "explain" matched the diagnosis in plain words, with nothing on screen to say plainly).
  { said: "please explain what", read: "what" },
  { said: "please explain me what", read: "what" },
  { said: "can you explain what", read: "what" },
  { said: "can you explain me what", read: "what" },
  { said: "could you explain what", read: "what" },
  { said: "could you explain me what", read: "what" },
  { said: "explain to me what", read: "what" },
];

/**
 * Whether "or not" at `at` follows a word of getting within the three words before it ("got it or not", "did she
 * receive my mail or not"): whether it got there, as the arrival question's examples ask it ("so did they get it
 * or not?"), kept; read away, "so she got it?" said the diagnosis again (plain words) and "got it" was an OK.
 */
function afterGetting(lower: string, at: number): boolean {
  const words = lower
    .slice(Math.max(0, at - 40), at)
    .split(/[^a-z']+/)
    .filter((w) => w !== "");
  return words.slice(-3).some((w) => GETTING.has(w));
}
const GETTING: ReadonlySet<string> = new Set(
  "got get gets received receive reached reach arrived arrive delivered through".split(" "),
);

/** The text with `phrases` (PHRASES, or spoken ones) read so (case folded where one is found), or undefined when none is in it. */
function commonPhrasing(
  text: string,
  phrases: readonly { said: string; read: string }[],
): string | undefined {
  let out = text;
  // Lower-cased again only when a phrase was read (a copy of the whole text per phrase was ~2 % of what reading a
  // typed text allocates: 50 phrases, most texts holding none).
  let lower = text.toLowerCase();
  let changed = false;
  for (const { said, read } of phrases) {
    let at = lower.indexOf(said);
    let next = "";
    let from = 0;
    while (at >= 0) {
      const after = at + said.length;
      const whole =
        (at === 0 || BEFORE.has(out[at - 1]!)) &&
        (after === out.length || !isWordChar(out[after])) &&
        !(said === "or not" && afterGetting(lower, at));
      if (whole) {
        next += out.slice(from, at) + read;
        from = after;
      }
      at = lower.indexOf(said, after);
    }
    if (from > 0) {
      out = next + out.slice(from);
      lower = out.toLowerCase();
      changed = true;
    }
  }
  return changed ? out : undefined;
}

/** Characters a respelt word may stand between (besides the text's start and end). */
const BEFORE = new Set([" ", "\n", "\t", ",", "(", '"', "、", "　"]);
const AFTER = new Set([" ", "\n", "\t", ",", "!", "?", ")", '"', "、", "。", "　", "？", "！"]);

const isWordChar = (ch: string | undefined) =>
  ch !== undefined &&
  ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (ch >= "0" && ch <= "9") || ch === "'");

/** Whether `ch` (after a word ending at `at` in `text`) ends it: "." only before a space or the end. */
function ends(text: string, at: number): boolean {
  const ch = text[at];
  if (ch === undefined) return true;
  if (ch === ".") return text[at + 1] === undefined || text[at + 1] === " " || text[at + 1] === "\n";
  return AFTER.has(ch);
}

/**
 * Whether a text has what a mail server writes (an address, <…>, a status code or address of digits and
 * dots: "5.1.1"): pasted, not typed in a hurry; its words are left as they are.
 */
function looksPasted(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "@" || ch === "<" || ch === ">") return true;
    if (ch === "." && isDigit(text[i - 1]) && isDigit(text[i + 1])) return true;
  }
  return false;
}
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/**
 * Chat forms typed alone after an answer, whose words say something else than what they ask: "say what?" and
 * "come again?" ask for the words again (not "what to say" to the recipient, not "will it come again"), "wait,
 * what?" is puzzlement (not "should I wait"). Read as the whole message only, punctuation and an opening
 * "sorry"/"oh" aside; inside a sentence the words are what they say.
 */
const CHAT_FORMS: ReadonlyMap<string, string> = new Map([
  ["say what", "say that again please"],
  ["say what now", "say that again please"],
  ["say again", "say that again please"],
  ["come again", "say that again please"],
  ["you what", "say that again please"],
  ["what was that", "say that again please"],
  ["what was that again", "say that again please"],
  // South Africa's "shot" (thanks), alone or to a friend ("shot bru"): not a screenshot.
  ["shot", "thanks"],
  ["shot bru", "thanks"],
  ["shot bro", "thanks"],
  ["wait what", "huh? I don't get it"],
  ["what what", "huh? I don't get it"],
  ["huh what", "huh? I don't get it"],
  ["eh what", "huh? I don't get it"],
]);
/** Words that only open a chat form ("sorry, come again?", "oh wait, what?"). */
const OPENERS: ReadonlySet<string> = new Set(["sorry", "oh", "uh", "um", "er", "erm", "ah"]);
/** Texts longer than this are no chat form. */
const MAX_CHAT_FORM = 30;

/** The reading of a chat form typed alone, or undefined. */
function chatForm(text: string): string | undefined {
  if (text.length > MAX_CHAT_FORM) return undefined;
  let letters = "";
  for (const ch of text.toLowerCase()) letters += (ch >= "a" && ch <= "z") || ch === "'" ? ch : " ";
  const words = letters.split(" ").filter((w) => w !== "");
  while (words.length > 1 && OPENERS.has(words[0]!)) words.shift();
  return CHAT_FORMS.get(words.join(" "));
}

/**
 * "y" is "why" only where a question goes on after it ("y tho", "y is it back", "y did it fail") or closes
 * it after "but" or "so" ("but y?"): alone it may be a yes, and "y/n" is no word here.
 */
function whyOfY(text: string, i: number, j: number): string | undefined {
  if (j - i !== 1 || (text[i] !== "y" && text[i] !== "Y")) return undefined;
  let k = j;
  while (text[k] === " ") k++;
  let end = k;
  while (end < text.length && isWordChar(text[end])) end++;
  const next = text.slice(k, end).toLowerCase();
  if (next !== "") return k > j && WHY_GOES_ON.has(next) ? "why" : undefined;
  let before = i - 1;
  while (before >= 0 && text[before] === " ") before--;
  let start = before;
  while (start >= 0 && isWordChar(text[start])) start--;
  return CLOSING_Y_AFTER.has(text.slice(start + 1, before + 1).toLowerCase()) ? "why" : undefined;
}
const WHY_GOES_ON: ReadonlySet<string> = new Set([
  ..."tho though is isnt isn't are arent aren't was wasnt wasn't did didnt didn't does doesnt doesn't do".split(
    " ",
  ),
  ..."dont don't would wouldnt wouldn't wont won't cant can't it its it's my they she he u you this that".split(
    " ",
  ),
  ..."the not r".split(" "),
]);
/**
 * "sendin'", "nothin'", "gettin'": the g dropped as said (the American South, Britain, the Caribbean), marked by the
 * apostrophe, read as "-ing" ("doin'" and longer).
 */
function droppedG(word: string): string | undefined {
  return word.length >= 5 && word.endsWith("in'") ? `${word.slice(0, -1)}g` : undefined;
}
const CLOSING_Y_AFTER: ReadonlySet<string> = new Set(["but", "so", "and", "ok", "okay"]);

/**
 * Words of spoken Englishes typed as said (ui.yaml `typedWords.spokenEnglish`: "dem", "wetin", "e go"), split once
 * per table into single words, read as SPELLINGS are, and phrases, read as PHRASES are.
 */
interface Spoken {
  words: ReadonlyMap<string, string>;
  phrases: readonly { said: string; read: string }[];
}
const spokenTables = new WeakMap<Readonly<Record<string, string>>, Spoken>();
function spokenOf(table: Readonly<Record<string, string>>): Spoken {
  let spoken = spokenTables.get(table);
  if (spoken === undefined) {
    const entries = Object.entries(table);
    spoken = {
      words: new Map(entries.filter(([said]) => !said.includes(" "))),
      phrases: entries.filter(([said]) => said.includes(" ")).map(([said, read]) => ({ said, read })),
    };
    spokenTables.set(table, spoken);
  }
  return spoken;
}
const NO_SPOKEN: Spoken = { words: new Map(), phrases: [] };

/**
 * The text with its hurried English spelt out, or undefined when it has none (or was pasted). `spokenEnglish`:
 * words of spoken Englishes and their standard words (ui.yaml), read the same way.
 */
export function plainEnglish(
  text: string,
  spokenEnglish?: Readonly<Record<string, string>>,
): string | undefined {
  if (looksPasted(text)) return undefined;
  const form = chatForm(text);
  if (form !== undefined) return form;
  const spoken = spokenEnglish === undefined ? NO_SPOKEN : spokenOf(spokenEnglish);
  // Spoken phrases first ("can lah" before the particle "lah" alone).
  const spokenPhrased = spoken.phrases.length === 0 ? undefined : commonPhrasing(text, spoken.phrases);
  if (spokenPhrased !== undefined) text = spokenPhrased;
  let out = "";
  let from = 0; // text[from, i) is still to be copied
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isWordChar(text[j])) j++;
    const word = text.slice(i, j).toLowerCase();
    const spelt = SPELLINGS.get(word) ?? spoken.words.get(word) ?? whyOfY(text, i, j) ?? droppedG(word);
    if (spelt !== undefined && (i === 0 || BEFORE.has(text[i - 1]!)) && ends(text, j)) {
      out += text.slice(from, i) + spelt;
      from = j;
    }
    i = j;
  }
  const spelt = from === 0 ? text : out + text.slice(from);
  const phrased = commonPhrasing(spelt, PHRASES);
  const read = phrased ?? spelt;
  // Learners' English read with its helping verbs ("it is not arrive": learner-english.ts), after the spelling.
  return (
    learnerEnglish(read) ??
    (phrased !== undefined || from > 0 || spokenPhrased !== undefined ? read : undefined)
  );
}
