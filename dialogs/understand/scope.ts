import { fold } from "../../knowledge/fold.ts";
import type { QuestionBank } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { circumstanceAndQuestion } from "./circumstance.ts";
import { COMMON_ENGLISH, FUNCTION_WORDS } from "./english-words.ts";
import { canonical, type ReadingTable, readingTable } from "./normalize.ts";
import { segmentsOf, wordSegmentsOfAll } from "./segments.ts";
import { MAX_QUESTION_CHARS, type QuestionIndex, THRESHOLDS, type Understanding } from "./understand.ts";

/**
 * Whether a typed text is about something the questions do not cover (fees, contracts, membership, other
 * services), though it shares a word or an ending with one of them: 「月額料金はいくら？」 matches "what is
 * the size limit" by 「いくら」, 「解約ってどうやるの」 matches "how do I scan" by 「ってどうやるの」, 「テレビの
 * 映りが悪い」 matches "whose fault is it" by 「悪い」. Such a match answers a question nobody asked; the
 * honest answer is what the assistant can do (the paste help and the menu).
 *
 * A text is out of scope when it names more things that nothing the assistant knows holds (a word's kanji,
 * katakana: 料金, テレビ; an English word of four letters or more: "london", "joke"; nowhere in the examples,
 * answers, advice, symptoms, carriers or codes, nor made of a known word: スパムメール is known; an English
 * word inflected or one typo away from a known one is known) than it shares with the best
 * question, and shares one content word at most (endings and particles do not count). Also when it names one
 * such thing against one shared word and no other word of ours (a kanji or katakana word the assistant knows):
 * the match then rests on a word that belongs to something else (「インスタのパスワード忘れた」: Instagram's
 * password, not So-net's; 「パソコンの電源が入らない」, "my router is not working"), while a story that tells
 * more of ours beside it (「初歩的な質問ですが、ドメインって何」: 質問) is read as asked. Only with nothing on
 * screen. Wraps the index: its candidates stay, the decision becomes "nothing".
 */

/** From this score on the text is asked in nearly the words of an example: never out of scope. */
const CLEAR = 0.6;
/** At most this many content words shared with the best question: the match rests on one weak word. */
const MAX_SHARED = 1;
/**
 * Below this score, a text in kana only that shares no thing named in kana with the best question matches it by
 * its endings alone (「みそしるのつくりかたおしえて」 and "check the address" share 「おしえて」).
 */
const ENDINGS_ONLY = 0.3;
/** Things named in kana are words of three kana or more (めーる, ようりょう): two (あて, いみ) are too often parts of others. */
const MIN_KANA_THING = 3;
/** An owner before の (ownedElsewhere) is three kana or more as typed (「てれび」「げーむ」); two are too often grammar. */
const MIN_KANA_OWNER = 3;
/** Endings of a verb or adjective (in the index's spelling: small kana folded): a clause before の, no owner. */
const CLAUSE_ENDINGS: readonly string[] =
  "てる でる てた でた つた した んだ いた いだ ない たい れる せる ます です".split(" ");
/**
 * Kana words often typed before の that name no thing of another service: time, people and places of the
 * user's own life (「きのうの」「かいしゃの」「むすめの」), of three kana or more (MIN_KANA_OWNER). Grammar.
 */
const KANA_OWNERS: ReadonlySet<string> = new Set([
  ..."きのう きょう あした おととい いつも さっき さいきん こんかい ぜんかい あたし".split(" "),
  ..."わたし みんな ともだち かぞく おかあさん おとうさん むすめ むすこ かいしゃ".split(" "),
  ..."しごと がっこう せんせい とりひきさき おきゃくさま おきゃくさん かれし かのじょ".split(" "),
  ..."だんな じょうし せんぱい こうはい どうりょう".split(" "),
]);

/**
 * Words of the writer's working hours (「夜勤明けの朝5時とかでも…」「早番なので…」): when they write, told beside what
 * they ask. Counted neither as a thing nothing knows (scope) nor as one of ours (the chat's hours name them in
 * examples, so that they draw that question; as words of ours they would keep 「夜勤明けなんですけど、インスタの
 * パスワード忘れた」 in scope).
 */
const SHIFTS: ReadonlySet<string> = new Set([
  "夜勤",
  "早番",
  "遅番",
  "日勤",
  "当直",
  "宿直",
  "夜番",
  "残業",
  "シフト",
]);

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });
const HIRAGANA = /\p{Script=Hiragana}/u;
const LATIN = /[a-z]/;
const KATAKANA = /\p{Script=Katakana}/u;
/** Sizes, codes and dates ("15mb", 550) name no thing of their own. */
const DIGITS = /[0-9]/;
/** Longer texts are pastes or stories: only their start is read, as the index reads it. */
const MAX_CHARS = MAX_QUESTION_CHARS;

/**
 * What names a thing in a word: its letters other than hiragana (料金, テレビ, 取消 of 取り消す), when there
 * are two of kanji or katakana; "" when it names none. English words have a stem of their own (englishStem).
 */
function stemOf(segment: string): string {
  let stem = "";
  for (const ch of segment) if (!HIRAGANA.test(ch) && ch !== "ー") stem += ch;
  if (DIGITS.test(stem) || LATIN.test(stem)) return "";
  return stem.length >= 2 ? stem : "";
}

/**
 * What names a thing in an English word ("london", "joke"): the word without a plural or verb ending
 * ("bounced", "bouncing", "bounce" → "bounc"), so that an inflected known word is known; "" for a short word
 * (it, the, for) or one with other letters. Typos are known too (knowsEnglish: one edit from a known word).
 */
function englishStem(segment: string): string {
  if (segment.length < MIN_ENGLISH_CHARS || !ENGLISH_WORD.test(segment)) return "";
  for (const ending of ENGLISH_ENDINGS)
    if (segment.endsWith(ending) && segment.length - ending.length >= MIN_ENGLISH_STEM)
      return segment.slice(0, -ending.length);
  return segment;
}
const ENGLISH_WORD = /^[a-z]+$/;
const MIN_ENGLISH_CHARS = 4;
const MIN_ENGLISH_STEM = 3;
const ENGLISH_ENDINGS = ["ing", "ed", "es", "ly", "s", "e"];
/** Particles of a place sent to or through (「インスタに」「メルカリで」「ズームから」). */
const PLACE_PARTICLES: ReadonlySet<string> = new Set(["に", "で", "へ", "から", "には", "では"]);
/** English words before a place ("on instagram", "in tiktok", "to discord"): one space between. */
const ENGLISH_PLACES: ReadonlySet<string> = new Set(["on", "in", "to", "via", "through"]);

function* wordsOf(folded: string): Generator<string> {
  for (const s of segmenter.segment(folded)) if (s.isWordLike) yield s.segment;
}

/**
 * The words of an ASCII text, cut by hand at anything but a letter, a digit or an apostrophe ("don't" is
 * one word, as the segmenter reads it): the index reads ASCII piece by piece and hands no segments over,
 * and segmenting it whole again would cost ~2 µs a word on every English message.
 */
function* asciiWordsOf(folded: string): Generator<string> {
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const code = i < folded.length ? folded.charCodeAt(i) : 0x20;
    const inWord = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x27;
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      yield folded.slice(start, i);
      start = -1;
    }
  }
}

/**
 * What a word shares with a question's examples: its stem, else a word of three letters or more in the
 * index's spelling; no English word of fewer than four letters ("you", "can" share no subject), nor one that
 * names nothing ("what", "will": FUNCTION_WORDS).
 */
function sharedKey(word: string, table: ReadingTable): string {
  if (FUNCTION_WORDS.has(word)) return "";
  const stem = stemOf(word) || englishStem(word);
  if (stem !== "") return stem;
  return word.length >= 3 && !ENGLISH_WORD.test(word) ? canonical(word, table) : "";
}

/** Whether a text is all ASCII (the index then hands no segments over). */
function isAscii(folded: string): boolean {
  for (let i = 0; i < folded.length; i++) if (folded.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** wordsOf of each text, all segmented in one pass (segments.ts wordSegmentsOfAll says why). */
const wordsOfAll = (texts: readonly string[]): string[][] =>
  wordSegmentsOfAll(
    texts.map((t) => fold(t)),
    segmenter,
  );

/**
 * The stems the assistant knows (of `texts`, the readings, the questions' labels, answers, needs and examples), and
 * which questions' examples hold each stem or longer word. Everything is segmented in two passes (segments.ts
 * wordSegmentsOfAll says why), in a function of its own so that nothing of it outlives the start-up.
 */
function vocabularyOf(bank: QuestionBank, texts: Iterable<string>, table: ReadingTable) {
  const said = [...texts, ...bank.readings.keys()];
  // A question's `needs` are words it is asked with (日曜 of chat-hours), though no example holds them.
  for (const q of bank.questions.values())
    said.push(...stringsIn([q.label, q.answer, q.noDiagnosis, q.topics, q.needs ?? []]));
  const examples = [...bank.questions.values()].flatMap((q) =>
    q.examples.map((text) => ({ id: q.id, text })),
  );
  const exampleWords = wordsOfAll(examples.map((e) => e.text));
  const known = new Set<string>();
  for (const words of [...wordsOfAll(said), ...exampleWords])
    for (const word of words) {
      known.add(stemOf(word));
      known.add(englishStem(word));
    }
  // a stem, or a word of three letters or more in the index's spelling → the questions whose examples hold it
  const vocabulary = new Map<string, Set<string>>();
  const own = (key: string, id: string) => {
    const owners = vocabulary.get(key) ?? new Set<string>();
    owners.add(id);
    vocabulary.set(key, owners);
  };
  examples.forEach(({ id }, i) => {
    for (const word of exampleWords[i]!) {
      const key = sharedKey(word, table);
      if (key !== "") own(key, id);
    }
  });
  // Each known English stem with one letter left out: a word typed with a letter missing, extra, wrong or two
  // swapped is no unknown thing ("deamon", "recieved"; knowsEnglish).
  const nearEnglish = new Set<string>();
  for (const stem of known)
    if (ENGLISH_WORD.test(stem))
      for (let i = 0; i < stem.length; i++) nearEnglish.add(stem.slice(0, i) + stem.slice(i + 1));
  // What names a thing, in kana (a kanji word by its reading, a katakana word in hiragana: メール → めえる),
  // and each question's examples in that spelling: a text typed in kana names our things only so.
  const kanaThings = new Set<string>();
  for (const words of [...wordsOfAll(said), ...exampleWords])
    for (const word of words) {
      if (stemOf(word) === "") continue;
      const kana = canonical(word, table);
      if (kana.length >= MIN_KANA_THING && isKanaOnly(kana)) kanaThings.add(kana);
    }
  const kanaExamples = new Map<string, string>();
  for (const { id, text } of examples)
    kanaExamples.set(id, `${kanaExamples.get(id) ?? ""}\n${canonical(text, table)}`);
  // Everything the assistant says or reads, in the index's spelling: a word typed in kana found nowhere in it
  // names nothing of ours (「てれび」「いんすた」), as an unknown kanji or katakana word does.
  const saidInKana = [...said.map((t) => canonical(t, table)), ...kanaExamples.values()].join("\n");
  return { known, vocabulary, nearEnglish, kanaThings: [...kanaThings], kanaExamples, saidInKana };
}

/** Whether a folded text holds no kanji, katakana, Latin letters or digits: kana typed (or romaji read as kana). */
function isKanaOnly(folded: string): boolean {
  for (const ch of folded) if (KANJI_OR_KATAKANA.test(ch) || LATIN.test(ch) || DIGITS.test(ch)) return false;
  return HIRAGANA.test(folded);
}
const KANJI_OR_KATAKANA = /[\p{Script=Han}\p{Script=Katakana}]/u;

/**
 * `texts`: everything else the assistant says or reads (advice, answers, symptom phrases, carriers,
 * codes): a thing named there is no unknown thing, though no example holds it (SPF, リレー).
 */
export function withScope(
  index: QuestionIndex,
  bank: QuestionBank,
  texts: Iterable<string>,
): QuestionIndex & { namesElsewhere(text: string): boolean } {
  const table: ReadingTable = readingTable(bank.readings);
  const { known, vocabulary, nearEnglish, kanaThings, kanaExamples, saidInKana } = vocabularyOf(
    bank,
    texts,
    table,
  );
  // Per question, the words of things nothing knows that belong to it when it matches best (`inScope`).
  const inScopeOf = new Map(
    [...bank.questions.values()]
      .filter((q) => q.inScope)
      .map((q) => [q.id, q.inScope!.map((w) => fold(w))] as const),
  );
  /**
   * Whether an English stem is known, or one edit from a known one: the same with a letter left out of
   * either (or both: a letter wrong, two swapped). An everyday word (`word` or its stem in COMMON_ENGLISH:
   * "weather", one letter from "whether") is no typo: known only as it is.
   */
  function knowsEnglish(stem: string, word: string): boolean {
    if (known.has(stem)) return true;
    if (COMMON_ENGLISH.has(word) || COMMON_ENGLISH.has(stem)) return false;
    if (nearEnglish.has(stem)) return true;
    for (let i = 0; i < stem.length; i++) {
      const shorter = stem.slice(0, i) + stem.slice(i + 1);
      if (known.has(shorter) || nearEnglish.has(shorter)) return true;
    }
    return false;
  }

  /** A thing is known when a known thing is part of it (スパムメール: スパム, メール). */
  function knows(stem: string): boolean {
    if (known.has(stem)) return true;
    for (let i = 0; i < stem.length; i++)
      for (let j = i + 2; j <= stem.length; j++) {
        const part = stem.slice(i, j);
        // Parts of two kanji are words (変更 of 機種変更); of katakana, syllables (バイ).
        if (part.length >= (KATAKANA.test(part) ? 3 : 2) && known.has(part)) return true;
      }
    return false;
  }

  /**
   * Whether the best candidate of `u` rests on less than the things a text names that nothing knows.
   * `segmented`: the text's word-like segments as the index found them (it segments a text that is not all
   * ASCII whole, as wordsOf does; none for ASCII, read piece by piece), so that a text is segmented once.
   */
  function outOfScope(text: string, u: Understanding, segmented: readonly string[]): boolean {
    const top = u.candidates[0];
    if (!top || u.kind === "none" || top.score >= CLEAR) return false;
    if (top.score < ENDINGS_ONLY && byEndingsOnly(text, top.id)) return true;
    if (ownedElsewhere(text, top.id)) return true;
    const { unknown, shared, other } = wordsAgainst(text, top.id, segmented);
    // One thing of its own against one shared word, and nothing else of ours: that thing is what it is about.
    if (unknown === 1 && shared === 1 && other === 0) return true;
    return unknown > shared && shared <= MAX_SHARED;
  }

  /**
   * Whether a text typed in kana only (or romaji, read as kana) matches the question `id`, one about a returned
   * mail (it has answers of its own for diagnoses; not the chat's own questions, whose words in kana are often
   * kanji nobody gave a reading: 「へんじ」), by its endings alone: no thing it names in kana (めーる, ようりょう)
   * is in that question's examples. Kana are not cut into words, so the things nothing knows cannot be counted
   * as wordsAgainst counts them (「みそしる」); what is shared can.
   */
  function byEndingsOnly(text: string, id: string): boolean {
    const q = bank.questions.get(id);
    if (!q || Object.keys(q.topics).length === 0) return false;
    const folded = fold(text.slice(0, MAX_CHARS));
    if (!isKanaOnly(folded)) return false;
    const kana = canonical(folded, table);
    const examples = kanaExamples.get(id) ?? "";
    return !kanaThings.some((thing) => kana.includes(thing) && examples.includes(thing));
  }

  /**
   * Whether a text in kana only opens with a word nothing of ours holds, before の (「ろーたーのせってい」
   * 「いんすたのぱすわーどわすれた」: the router's settings, Instagram's password), against at most one thing
   * of ours it names in kana, shared with the question `id`, and no other: the kana twin of "one thing of its
   * own against one shared word" (wordsAgainst), which cannot cut kana into words. The owner is found by the
   * first の alone; a word of the talk itself before it (「このめーるの」「あいての」) is ours or grammar.
   */
  function ownedElsewhere(text: string, id: string): boolean {
    const folded = fold(text.slice(0, MAX_CHARS));
    const at = folded.indexOf("の");
    if (at < MIN_KANA_OWNER || !isKanaOnly(folded)) return false;
    const owner = canonical(folded.slice(0, at), table);
    if (owner.length < MIN_KANA_OWNER - 1 || !isKanaOnly(owner) || KANA_OWNERS.has(owner)) return false;
    // A verb before の is a clause, not an owner (「はなしてるのろぼっと？」: the one talking).
    if (CLAUSE_ENDINGS.some((ending) => owner.endsWith(ending))) return false;
    if (saidInKana.includes(owner)) return false;
    const rest = canonical(folded.slice(at + 1), table);
    const examples = kanaExamples.get(id) ?? "";
    const named = kanaThings.filter((thing) => rest.includes(thing));
    // A thing inside a longer one named (めあど in めあどれす) is that one.
    const things = named.filter((t) => !named.some((u) => u !== t && u.includes(t)));
    const shared = things.filter((thing) => examples.includes(thing)).length;
    // No thing after it: that の ends a sentence (「だれがへんじしてんの」), no owner.
    return things.length > 0 && (shared === 0 || (shared === 1 && things.length === 1));
  }

  /**
   * The words of a text that name a thing nothing knows (`unknown`), that the question `id` shares
   * (`shared`), and other kanji or katakana words of ours (`other`).
   */
  function wordsAgainst(text: string, id: string | undefined, segmented: readonly string[] = []) {
    const folded = fold(text.slice(0, MAX_CHARS));
    let unknown = 0;
    let shared = 0;
    // Known kanji or katakana words the best question does not share: more of ours told beside the match.
    let other = 0;
    // Words of things nothing knows that belong to the best question (`inScope`: 料金 of S-SAFE's cost).
    const own = id === undefined ? undefined : inScopeOf.get(id);
    const words = segmented.length > 0 ? segmented : isAscii(folded) ? asciiWordsOf(folded) : wordsOf(folded);
    for (const word of words) {
      const stem = stemOf(word);
      // The writer's shift (夜勤, 早番) tells when they write: no thing of another service, none of ours.
      if (SHIFTS.has(stem)) continue;
      const english = englishStem(word);
      if (isUnknown(stem, english, word)) {
        if (own?.some((w) => stem.includes(w))) shared++;
        else unknown++;
      } else if (id !== undefined && vocabulary.get(sharedKey(word, table))?.has(id)) shared++;
      else if (stem !== "") other++;
    }
    return { unknown, shared, other };
  }

  function isUnknown(stem: string, english: string, word: string): boolean {
    return (stem !== "" && !knows(stem)) || (english !== "" && !knowsEnglish(english, word));
  }

  /**
   * Whether a text names a place to send to or through that nothing the assistant knows holds (「インスタに」
   * 「メルカリで」 "on tiktok"): a word in katakana or Latin letters right before に, で, へ or から. What is
   * sent (「エクセルのファイルが」「パワポを」) and kanji words (取引先に) are mail's business.
   */
  function namesElsewhere(text: string): boolean {
    // The segments of the reading under way (segments.ts readingOnce): the text is not segmented again.
    const segments = segmentsOf(fold(text.slice(0, MAX_CHARS)));
    return segments.some(({ segment, isWordLike }, i) => {
      if (!isWordLike) return false;
      const next = segments[i + 1]?.segment ?? "";
      const place =
        PLACE_PARTICLES.has(next) ||
        (ENGLISH_WORD.test(segment) && ENGLISH_PLACES.has(segments[i - 2]?.segment ?? ""));
      if (!place) return false;
      const stem = stemOf(segment);
      const english = englishStem(segment);
      return (english !== "" || KATAKANA.test(stem)) && isUnknown(stem, english, segment);
    });
  }

  return {
    namesElsewhere,
    size: index.size,
    understand(text, topic) {
      // With a diagnosis on screen, a follow-up about it often names a thing of its own (先月, 二重, 上司)
      // beside one word of its question: it is read as asked (tried: dev 933 → 913 of 1,021).
      if (topic !== null) return index.understand(text, topic);
      const segmented: string[] = [];
      const u = index.understand(text, topic, segmented);
      const read: Understanding = outOfScope(text, u, segmented)
        ? { kind: "none", candidates: u.candidates }
        : u;
      return askedAfterCircumstance(text, read) ?? read;
    },
    // Read out of scope, a text is read as nothing; with nothing on screen, what may be read instead is the
    // question after a circumstance (askedAfterCircumstance), which may give what the whole may not.
    mayRead: index.mayRead && mayRead,
  };

  function mayRead(text: string, topic: TopicId | null, ids: ReadonlySet<string>, clear: number): boolean {
    if (index.mayRead!(text, topic, ids, clear)) return true;
    if (topic !== null) return false;
    const split = circumstanceAndQuestion(text.slice(0, MAX_CHARS));
    return split !== undefined && index.mayRead!(split.asked, null, ids, clear);
  }

  /**
   * 「夜勤明けの朝5時なんですけど、この時間でも使えますか」: an opening that names nothing of ours (no kanji or katakana
   * word the assistant knows, no thing of ours in kana) is the writer's circumstance (circumstance.ts); the question
   * after it, read alone and confidently, is what is asked, where the whole is read less clearly (below `sure`,
   * or out of scope by the opening's words). Read only then: one more reading for a few texts.
   */
  function askedAfterCircumstance(text: string, whole: Understanding): Understanding | undefined {
    const wholeScore = whole.kind === "confident" ? (whole.candidates[0]?.score ?? 0) : 0;
    if (wholeScore >= THRESHOLDS.sure) return undefined;
    const split = circumstanceAndQuestion(text.slice(0, MAX_CHARS));
    if (split === undefined || namesOurs(split.opening)) return undefined;
    const segmented: string[] = [];
    const read = index.understand(split.asked, null, segmented);
    if (read.kind !== "confident" || outOfScope(split.asked, read, segmented)) return undefined;
    return (read.candidates[0]?.score ?? 0) > wholeScore ? read : undefined;
  }

  /** Whether a clause names a thing of ours: a kanji or katakana word the assistant knows, or one in kana. */
  function namesOurs(clause: string): boolean {
    const { other, shared } = wordsAgainst(clause, undefined);
    if (other > 0 || shared > 0) return true;
    const kana = canonical(clause, table);
    return kanaThings.some((thing) => kana.includes(thing));
  }
}

/** Every string inside a data value (objects and arrays walked), for `texts`. */
export function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsIn(v);
  else if (value instanceof Map) for (const v of value.values()) yield* stringsIn(v);
  else if (value && typeof value === "object") for (const v of Object.values(value)) yield* stringsIn(v);
}
