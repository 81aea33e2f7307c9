/**
 * `npm run --silent eval:dialog [-- --verbose] [-- --held-out-misses]`: how well typed messages are
 * understood. Runs every utterance of test/dialog-eval/*.yaml through the real interpreter, machine and
 * knowledge data, after putting its context on screen (a symptom tapped from the menu, or nothing), and
 * compares the answer given with the answer expected (one of several, where `expect` lists them with "|").
 * Prints accuracy per kind for the tuning set (dev.yaml, and each of its blocks as "dev-new" … "dev-round11",
 * see DEV_BLOCKS) and the held-out sets (held-out.yaml, held-out-2.yaml … held-out-16.yaml, held-out-18.yaml, held-out-19.yaml, held-out-20.yaml, held-out-21.yaml, held-out-22.yaml, held-out-23.yaml, held-out-24.yaml, held-out-25.yaml, held-out-26.yaml, held-out-27.yaml, held-out-28.yaml, held-out-29.yaml, held-out-30.yaml, held-out-31.yaml, held-out-32.yaml, held-out-33.yaml, held-out-34.yaml, held-out-35.yaml, held-out-36.yaml, held-out-37.yaml, held-out-38.yaml, held-out-39.yaml, held-out-40.yaml, held-out-41.yaml, held-out-42.yaml and held-out-43.yaml, never tuned on).
 * --cross adds the row "cross": dev scored leave one block out (scripts/dev-blocks.ts), each block with what is
 * learned from the labelled texts of the other blocks only, the honest figure for whatever is learned from dev.
 * --verbose lists the misses of the tuning set; the held-out misses are
 * listed only with --held-out-misses, so that reading a figure does not turn into tuning on its sentences.
 * The check sets (check-35.yaml …, see CHECK) sit between the two: written blind by the same outside writers
 * as a held-out set, their totals are printed for those who tune (does a rule carry to sentences it was not
 * made from?), their sentences are not: misses only with --check-misses, and no data example may equal one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { knowledgeServices } from "../bot/wiring.ts";
import { createInterpreter } from "../dialogs/interpret.ts";
import { loadUi } from "../dialogs/ui.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { othersThan, type Placed, placeInBlocks } from "./dev-blocks.ts";
import { answerer, heldOutCopies, type Item, itemSchema, KINDS, matches } from "./dialog-answers.ts";

const dir = join(import.meta.dirname, "..", "test", "dialog-eval");
const load = (name: string) => z.array(itemSchema).parse(parse(readFileSync(join(dir, name), "utf8")));
/**
 * The tuning blocks inside dev.yaml, each between "# === <MARKER> BLOCK" and "# === END OF <MARKER> BLOCK"
 * (their figures before tuning are in the commits that added them and in docs/history.md):
 * NEW, written from scratch after the held-out sets; FOLLOW-UP, dialog5's follow-ups right after a diagnosis;
 * ROUND 7, every topic's follow-ups, carriers named, acts, cold, English, casual; ROUND 8 to ROUND 23,
 * written blind from the answer ids, each drawn from the pool of one held-out set (held-out-6 to held-out-21);
 * FEELINGS, dialog's own emotion utterances, written before its feelings changes as a generalisation check;
 * FEELINGS2, its second, with calm messages that must not be read as upset;
 * FOLLOW-UP2, dialog2's follow-ups by kind of question and acts in context, written before its changes.
 */
const DEV_BLOCKS = {
  "dev-new": "NEW",
  "dev-followup": "FOLLOW-UP",
  "dev-round7": "ROUND 7",
  "dev-round8": "ROUND 8",
  "dev-round9": "ROUND 9",
  "dev-round10": "ROUND 10",
  "dev-round11": "ROUND 11",
  "dev-round12": "ROUND 12",
  "dev-round13": "ROUND 13",
  "dev-round14": "ROUND 14",
  "dev-round15": "ROUND 15",
  "dev-round16": "ROUND 16",
  "dev-round17": "ROUND 17",
  "dev-round18": "ROUND 18",
  "dev-round19": "ROUND 19",
  // a second blind writer's pool of round 19, all of it tuning (none held out).
  "dev-round19b": "ROUND 19B",
  // round 20: two blind writers' pools, half of them (the other half is held-out-18).
  "dev-round20": "ROUND 20",
  // round 21: two blind writers' pools, half of them (the other half is held-out-19, kept back by the lead).
  "dev-round21": "ROUND 21",
  // round 22: two blind writers' pools, half of them (the other half is held-out-20).
  "dev-round22": "ROUND 22",
  // round 23: two blind writers' pools, half of them (the other half is held-out-21).
  "dev-round23": "ROUND 23",
  // round 24: two blind writers' pools, half of them (the other half is held-out-22).
  "dev-round24": "ROUND 24",
  // round 25: two blind writers' pools, half of them (the other half is held-out-23, kept back by the lead).
  "dev-round25": "ROUND 25",
  // round 26: two blind writers' pools, half of them (the other half is held-out-24, kept back by the lead).
  "dev-round26": "ROUND 26",
  // round 27: two blind writers' pools, half of them (the other half is held-out-25, kept back by the lead).
  "dev-round27": "ROUND 27",
  // round 28: two blind writers' pools, half of them (the other half is held-out-26, kept back by the lead).
  "dev-round28": "ROUND 28",
  // round 29: two blind writers' pools, half of them (the other half is held-out-27, kept back by the lead).
  "dev-round29": "ROUND 29",
  // round 30: two blind writers' pools, half of them (the other half is held-out-28, kept back by the lead).
  "dev-round30": "ROUND 30",
  // round 31: two blind writers' pools, half of them (the other half is held-out-29, kept back by the lead).
  "dev-round31": "ROUND 31",
  // round 32: two blind writers' pools, half of them (the other half is held-out-30, kept back by the lead).
  "dev-round32": "ROUND 32",
  // round 33: two blind writers' pools, half of them (the other half is held-out-31, kept back by the lead).
  "dev-round33": "ROUND 33",
  // round 34: two blind writers' pools, half of them (the other half is held-out-32, kept back by the lead).
  "dev-round34": "ROUND 34",
  // acts' own check (round 13): conversation acts in context and cold (relief, thanks, a person in many
  // words, confusion, "that didn't help"), written before its changes.
  "dev-acts3": "ACTS3",
  // acts' second check (round 14): slang OKs and thanks, goodbyes that leave, "useless" next to a feeling word,
  // a person or phone in few words, confusion beside thanks, restart told with another returned mail.
  "dev-acts4": "ACTS4",
  // acts5's check (round 17): acts cold and after advice, polite, casual and English, 「だめでした」 and "that
  // didn't help" beside what was tried, and acts beside a question (which must not swallow it); written first.
  "dev-acts5": "ACTS5",
  // acts6's check (round 18): thanks with a "but" whose clause carries the message, "same explanation again",
  // "not what I asked", confusion, a person, restart, greeting, goodbye, what-can-you-do, acts beside a question;
  // and English as people chat (no capitals, text-speak, pronoun follow-ups: "so its still trying?"); written first.
  "dev-acts6": "ACTS6",
  // acts7's check (round 19): it went through after what was tried (「…したら行けた」), slang greetings, "was this
  // helpful?" answered in a sentence, "tried that already", another topic as a restart, confusion, a person or
  // phone in English, English cold as people chat, goodbyes, acts beside a question; written first.
  "dev-acts7": "ACTS7",
  // acts10's check (round 20): "say that again" (the last answer once more), 「どうも」 as thanks or greeting beside
  // 「どうもうまくいかない」, another returned mail mentioned without a request, confusion about everything said,
  // "what now" after "something else" was tapped, and plain acts in context; written first.
  "dev-acts10": "ACTS10",
  // acts11's check (round 21): confusion about what was said (plain words after a diagnosis, paste help without),
  // complaints ending like a question (…よね, …んだけど) that ask nothing, "say that again", a person in English,
  // casual greetings and goodbyes, small talk a letter away from our words, courtesy beside a question; written first.
  "dev-acts11": "ACTS 11",
  // acts12's check (round 22): "I don't understand" with a negation (plain words after a diagnosis, paste help
  // without), "say it again" in other words, small talk a letter from our English words (weather), casual
  // greetings, the chat's hours, what to write to support, plain acts in English; written first.
  "dev-acts12": "ACTS 12",
  // acts13's check (round 23): the buttons asked back, praise of the explanation, someone asked to help, small
  // talk in English, "say it again" in other words, "it's all in English", plain acts; written first.
  "dev-acts13": "ACTS 13",
  // acts14's check (round 24): English small talk as a greeting, praise then "but it still fails", mail never
  // sent (cold and on screen), "was this helpful?" answered in other words or with a question, goodbye or giving
  // up in anger; written first.
  "dev-acts14": "ACTS 14",
  // acts15's check (round 25): Indian and Philippine English ("kindly revert", "po"), a why about returned mail
  // never sent against "I never sent these", "is this an automatic reply?" about the mail on screen, what the
  // chat costs (not known), the Q&A board asked for in words, SPF asked; written first.
  "dev-acts15": "ACTS 15",
  // acts16's check (round 26): formal thanks closing a message (「取り急ぎお礼まで」), the symptom menu or the first
  // explanation asked for again, a second returned mail announced, the reason asked with and without a diagnosis,
  // what the chat costs, Indian and Philippine English; written first.
  "dev-acts16": "ACTS 16",
  // dialog2's own check (round 11): follow-ups and cold questions written before the round's changes.
  "dev-dialog2": "DIALOG2",
  // dialog2's own check (round 12): follow-ups by kind of question and acts in context, written before its changes.
  "dev-followup2": "FOLLOW-UP2",
  // dialog's own check (round 11): emotion utterances written before its feelings changes.
  "dev-feelings": "FEELINGS",
  // machine's own check (round 12): cold messages (symptoms told, general questions, out of scope) written
  // before its changes for them.
  "dev-cold2": "COLD2",
  // dialog's second check (round 12): feelings of classes not covered before, and calm messages ("calm+").
  "dev-feelings2": "FEELINGS2",
  // cold's own check (round 13): what a returned mail said, retold in everyday words for every topic, general
  // questions in other words, out of scope; written before its changes.
  "dev-cold3": "COLD3",
  // cold5's own check (round 18): cold messages (a returned mail retold for every topic, general questions in
  // other words, a symptom with a question, out of scope) and casual spellings of them, written before its changes.
  "dev-cold5": "COLD5",
  // cold6's own check (round 19): cold and casual variations of round 19's causes (a best match lacking the
  // words it needs, how many recipients at once, no bounce = arrived?, out of scope, a lost dakuten, my own
  // mailbox's size, polite openers), written before its changes.
  "dev-cold6": "COLD6",
  // scope10's own check (round 20): cold messages out of scope though they share a word with a question (other
  // services, devices, LINE itself), spam that arrives against returned mail never sent, delay and expiry notices
  // retold in words; written before its changes.
  "dev-cold10": "COLD 10",
  // scope11's own check (round 21): out of scope (other services, devices, bills), symptoms told as a story with
  // the returned mail's words in the middle, mail never sent against MAILER-DAEMON named, the chat itself, romaji.
  "dev-cold11": "COLD 11",
  // cold12's own check (round 22): out of scope in hiragana and romaji, a slow PC, a sent mail called back, a
  // returned mail found in the spam folder, a photo of the screen, symptoms retold, terms, the chat; written first.
  "dev-cold12": "COLD 12",
  // cold13's own check (round 23): a returned mail's words retold loosely that name a reason (server down,
  // authentication, spam, full; English too), terms asked, the chat, out of scope in kana sharing one noun of ours.
  "dev-cold13": "COLD 13",
  // cold14's own check (round 24): the chat itself (a program?, kept?, what it does, how, what it costs), terms
  // (DNS, IMAP/POP, a port), out of scope, and phone spellings (dakuten dropped, big small kana, romaji,
  // half-width katakana, voice input unpunctuated, emoji inside), written before its changes.
  "dev-cold14": "COLD 14",
  // cold15's own check (round 25): the common cold questions in plain kanji, and as phones type them (a dakuten
  // dropped, a small kana typed big, voice fillers unpunctuated, a trailing ー or 〜, half-width katakana, romaji).
  "dev-cold15": "COLD 15",
  // cold16's own check (round 26): the infected / virus-found family cold, common cold questions in plain kanji,
  // and as phones type them (every dakuten dropped, big small kana, half-width katakana, romaji, voice fillers).
  "dev-cold16": "COLD 16",
  // cold17's own check (round 27): the chat itself (a person?, a phone line, what S-SAFE costs), symptoms told in
  // everyday words (a strange English mail, "they say it never came", only phone addresses), and phone spellings
  // (が typed か inside a word, 数 as かず, au as あう, 留守 and 自動返信 in kana, romaji requests).
  "dev-cold17": "COLD 17",
  // cold18's own check (round 28): a formal question right after a greeting, what S-SAFE costs asked with 料金,
  // restart wordings, phone against is-person, returned mail told in everyday words cold, phone spellings.
  "dev-cold18": "COLD 18",
  // cold19's own check (round 29): how to use or ask the chat, the other cases, what the chat costs, recipients at
  // once, S-SAFE's fee named by what it does, "my mail bounced, what now" in English; general questions and acts.
  "dev-cold19": "COLD 19",
  // emotion's own check (round 13): the question or situation inside an upset message, written before its changes.
  "dev-emotion3": "EMOTION3",
  // emo's own check (round 14): forms of upset not covered before (fear, resignation, sarcasm, deadlines,
  // emoji and exclamation alone, English) with the answer inside, and calm messages; written before its changes.
  "dev-emotion4": "EMOTION4",
  // casual's own check (round 14): casual Japanese (hiragana, flick slips, dialect, romaji, emoji) and casual
  // English (no capitals, misspellings, text-speak), written before its changes.
  "dev-casual4": "CASUAL4",
  // index's own check (round 14): follow-ups, near-miss pairs, cold questions (sending-limit, change-address)
  // and out of scope, written before its changes to the question index's scoring.
  "dev-index4": "INDEX4",
  // follow18's own check (round 18): follow-ups with a pronoun for the diagnosis, the diagnosis retold in the
  // user's words ending in what it asks, two questions in one message; 16 topics, written before its changes.
  "dev-follow18": "FOLLOW18",
  // follow19's own check (round 19): follow-ups right after a diagnosis, variations of the causes of round 19's
  // misses ("what can I do", the other side guessed, tried and still failing, used to work when sending, "again").
  "dev-follow19": "FOLLOW19",
  // emo2's own check (round 15): upset messages whose calm twin is answered right (the feeling in a clause of its
  // own), feelings alone, feelings no word list holds, and calm messages; written before its changes.
  "dev-emotion5": "EMOTION5",
  // emo8's own check (round 18): upset messages whose feeling is in words no list held (げんなり, 生きた心地がしない,
  // "doing my head in"), elderly users apologising, sarcasm, deadlines by the clock, around a question cold or
  // after a diagnosis; and calm messages with feeling-like words (played down, over, polite, 笑); written first.
  "dev-emotion8": "EMOTION8",
  // emo9's own check (round 19): upset stories of returned mail whose feeling words read as "what is it", the
  // question inside an upset message, feelings in words no list holds (reproach, someone else's anger, worry
  // trailing off), spam received told upset, a person after anger; calm questions after 「ごめんなさい、」; written first.
  "dev-emotion9": "EMOTION9",
  // emo10's own check (round 20): a cause each of the emotion misses (feeling words no list holds, the request
  // lost or the feeling missed, English, Kansai and hiragana feelings, no request) and calm polite messages.
  "dev-emotion10": "EMOTION 10",
  // emo11's own check (round 21): long, messy upset texts (exclamation marks, repeated words, insults, sarcasm)
  // whose request comes last, cold and after a diagnosis; feelings with no request; calm polite messages.
  "dev-emotion11": "EMOTION 11",
  // emo12's own check (round 22): upset texts whose request sits first, in the middle or last, between insults,
  // repeated marks and the story, cold and after a diagnosis; English; calm ones (thanks with a plan, "no rush").
  "dev-emotion12": "EMOTION 12",
  // emo13's own check (round 23): an upset story with at most one request, the request as an order or a
  // rhetorical question, or none (the next step, the paste help); English; calm ones; written before its changes.
  "dev-emotion13": "EMOTION 13",
  // emo14's own check (round 24): frustration as "getting nowhere" (埒があかない), a rhetorical "what am I supposed
  // to do", English deadlines, a request beside a story, 「はいはい」 as a plain OK; calm ones; written before its changes.
  "dev-emotion14": "EMOTION 14",
  // emo15's own check (round 25): polite and formal openers that are calm, a plea with no question (paste help or
  // the steps), worry about what it costs them (a boss, a client, a job offer) with a question; written first.
  "dev-emotion15": "EMOTION 15",
  // emo16's own check (round 26): "this is useless" in anger, English deadlines and stakes with a question, a plea
  // alone ("HELP", 「たすけて」), polite self-deprecation before a question (calm); written first.
  "dev-emotion16": "EMOTION 16",
  // emo17's own check (round 27): upset with a diagnosis on screen and nothing asked, "that was no use" after the
  // second menu, worry at work or at home beside a question, polite openers and worries that are calm, sarcasm.
  "dev-emotion17": "EMOTION 17",
  // neg's own check (round 15): pairs that differ by a negation or its absence (helped / didn't help, arrived? /
  // didn't arrive, will it go through / still won't), written before the question index read negation.
  "dev-negation": "NEGATION",
  // examples' own check (round 15): cold general questions, follow-ups incl. the rare buttons, acts, written
  // before adding the blind examples-15 phrasings as question examples.
  "dev-examples15": "EXAMPLES15",
  // follow's own check (round 16): follow-ups of many topics (neighbouring questions, short fragments) and casual
  // spellings (hiragana only, typos, slang, dropped particles), written before its changes.
  "dev-follow16": "FOLLOW16",
  // emo2's own check (round 16): the specific answer after the apology when complaint words sit beside a
  // question or symptom (angry, sarcastic, anxious, elderly, deadlines, English), and calm messages; written first.
  "dev-emotion6": "EMOTION6",
  // eng17's own check (round 17): English as people chat (no capitals, typos, text-speak) in all six kinds,
  // follow-ups of many topics, general questions, acts, upset messages, a language switch before a question.
  "dev-english17": "ENGLISH17",
  // emo7's own check (round 17): upset messages whose feeling is in words no list held, around a question or
  // symptom told cold or after a diagnosis, and calm messages with feeling-like words; written first.
  "dev-emotion7": "EMOTION7",
  // follow17's own check (round 17): follow-ups on the rarer topics and questions (relay-denied, auth-failed,
  // account-suspended, expired, server-trouble, spam-blocked; what to report, never sent, other recipients)
  // and casual spellings of them, written before its changes.
  "dev-follow17": "FOLLOW17",
  // follow20's own check (round 20): follow-ups on the less common topics (where a setting is, "it worked until
  // last week", whose side, "will it go through if I…", tried and bounced again, "so it arrived?"), written first.
  "dev-follow20": "FOLLOW 20",
  // follow21's own check (round 21): follow-ups on the less common topics (the recipient's side: tell them,
  // what to say; "what now?", whose side, will it go through if I…, how long, size), written first.
  "dev-follow21": "FOLLOW 21",
  // follow22's own check (round 22): follow-ups of less common topics, "what now?", will it arrive in the end, a
  // word of the advice not understood, false positives on the recipient's side; written before its changes.
  "dev-follow22": "FOLLOW 22",
  // follow23's own check (round 23): follow-ups of the less common topics (is it my settings, which setting, will
  // it fix itself, how long), a size told beside "how do I send it", a deadline told alone; written first.
  "dev-follow23": "FOLLOW 23",
  // follow24's own check (round 24): how long until a suspended address works again, my mail refused as spam told
  // back, where a carrier's reception setting is, a word of the advice quoted back, the common questions; written first.
  "dev-follow24": "FOLLOW 24",
  // follow25's own check (round 26): follow-ups of every topic (what now, whose side, how long, what to tell the
  // recipient, size, virus) and texts that refer back to the advice (「さっきの」, "what you said about"); written first.
  "dev-followup25": "FOLLOWUP 25",
  // english17's own check (round 27): English follow-ups with a diagnosis on screen, acts as native speakers of
  // many countries type them ("ta", "that's grand"), and learners' English ("what means this"); written first.
  "dev-english17b": "ENGLISH 17",
  // follow26's own check (round 27): follow-ups of every topic: an auto-reply "can I ignore it?", the user's own
  // computer after "virus found", the reason asked, the first explanation again, one-word reactions, texts that
  // refer back or come back later (「昨日の件ですが」); written first.
  "dev-followup26": "FOLLOWUP 26",
  // english18's own check (round 28): learners' grammar ("I not send this"), chat forms after the advice ("huh?"
  // plain words, "come again?" the words again), "say that again", acts of many countries, rarer topics; first.
  "dev-english18": "ENGLISH 18",
  // emo18's own check (round 28): sarcasm after advice (the next step, or "that didn't help" when it scorns the
  // answer), a blunt "that didn't help", upset with a diagnosis and nothing asked, worried recipient limits; calm ones.
  "dev-emotion18": "EMOTION 18",
  // follow27's own check (round 28): follow-ups of every topic: the domain's mail server (MX) after "domain not
  // found", bare puzzlement (「なんなのこれ」「はあ？」 "huh?"), "explain it again" (plain words) against "say it
  // again" (repeat), SPF/DKIM/DMARC named after "not verified" or "refused as spam"; casual spellings; written first.
  "dev-followup27": "FOLLOWUP 27",
  // emo19's own check (round 29): feelings that are over (relief, joy, laughing at oneself: calm), fear idioms, a
  // strong request carrying the feeling, never-sent told in fear, the same answer again, hurry after a diagnosis.
  "dev-emotion19": "EMOTION 19",
  // follow28's own check (round 29): follow-ups of every topic: "so it never arrives?", "so no videos?", a mailing
  // list's reply come back, the right domain, the others of a mass mailing, a carrier named after "refused as
  // spam" (its steps), a waiting recipient told in a hurry; written first.
  "dev-followup28": "FOLLOWUP 28",
  // english19's own check (round 29): Englishes not covered before (Hong Kong, Nigerian, Pakistani, Russian-speaking,
  // Japanese learners, very short chat, voice-typed), follow-ups of most topics, cold questions, acts; written first.
  "dev-english19": "ENGLISH 19",
  // english20's own check (round 30): Englishes not covered before (Ghanaian, Turkish-speaking, Burmese, Japanese
  // returnees mixing in Japanese words, Gulf Arabic-speaking, very short chat English), written before its changes.
  "dev-english20": "ENGLISH 20",
  // casual19's own check (round 29): dialects the writers used less (Tsugaru, Izumo, Nagasaki, Gunma, Nara), voice
  // input (no punctuation, 天ぷ for 添付), long hiragana runs, romaji, dakuten and small kana slips; written first.
  "dev-casual19": "CASUAL 19",
  // casual20's own check (round 30): dialects not used before (Saga, Tokushima, Fukui, Nagano, Tottori), half-width
  // katakana (ｯﾃﾅﾆ), voice input mishearing English (マーラーデーモン), romaji typos, cold general questions; written first.
  "dev-casual20": "CASUAL 20",
  // reason29's check (round 29): why it came back, asked after each kind of diagnosis, cold, English, casual and
  // upset, against "what does it mean" (plain words), a side or the PC named, why-me; written first.
  "dev-reason29": "REASON 29",
  // emo20's own check (round 30): personas not used before (dawn shift workers, a parent, a small-company boss, a
  // retiree afraid of breaking the PC, capitals and !!!/？？？, sarcasm, relief), never-sent, hurry with a diagnosis.
  "dev-emotion20": "EMOTION 20",
  // follow29's own check (round 30): follow-ups of every topic: a want after reported words, where to check the right
  // domain, a So-net address after "sending server blocked", 「無理？」 as possibility, "fails every time"; written first.
  "dev-followup29": "FOLLOWUP 29",
  // cold31's own check (round 31): cold questions with nothing on screen (MAILER-DAEMON, paste, safe, arrive, phone,
  // a bot, community, which domain to allow, size, phones only) and casual spellings (dakuten, romaji, dialect, emoji).
  "dev-cold31": "COLD 31",
  // emo21's own check (round 31): personas not used before (a care aide after a night shift, a father of a bride, a
  // shop owner with a customer waiting, a pensioner ashamed to ask again, mild swearing, relief), round 30's families.
  "dev-emotion21": "EMOTION 21",
  // follow30's own check (round 31): a hurry told after a diagnosis, whose side a block is on (So-net's server or
  // my address), 「ってことは」「…の件、」 openings, romaji carriers, why-laments as the diagnosis's cause; written first.
  "dev-followup30": "FOLLOWUP 30",
  // acts31's own check (round 31): how to use this chat, the menu asked for in words, greetings with a request, goodbye,
  // 「もういいです」, confusion, repeat, a person; calm messages whose feeling is about oneself or the day; written first.
  "dev-acts31": "ACTS 31",
  // english21's own check (round 31): Englishes not covered before (Malaysian, Jamaican, Italian-, Mongolian- and
  // Swedish-speaking, Taiwanese, a Japanese user writing English badly), every kind of text; written first.
  "dev-english21": "ENGLISH 21",
  // acts32's own check (round 32): acts with and without a diagnosis (thanks with a question, a person asked for when
  // fed up) and calm texts (a feeling about the day, 悲報/朗報 headlines, relief told, a laugh at one's slip); written first.
  "dev-acts32": "ACTS 32",
  // acts33's own check (round 33): a self-introduction before a question, how to use this chat with a diagnosis on
  // screen, thanks with a farewell and a question, an OK then a question, repeat versus explain again; calm texts.
  "dev-acts33": "ACTS 33",
  // english22's own check (round 32): Englishes not covered before (Dutch-, Finnish- and Czech-speaking, Ugandan,
  // Fijian, Ethiopian, a Japanese teenager's school English, a terse native speaker), every kind of text; written first.
  "dev-english22": "ENGLISH 22",
  // emo22's own check (round 32): personas not used before (a bus driver on a break, a mother of a school trip form,
  // a temp afraid of blame, a shrine clerk, a run-on retiree, sarcasm, relief halfway), round 31's families.
  "dev-emotion22": "EMOTION 22",
  // follow31's own check (round 32): follow-ups weighted to the least covered topics: dialect whys, the So-net address
  // after "outgoing server refused", a fix told before "resend now?", a hurry after a failure; written first.
  "dev-followup31": "FOLLOWUP 31",
  // cold32's own check (round 32): a long circumstance before a cold question, cold virus fears, chat hours, recall,
  // limits; casual follow-ups in dialects not used before, dropped dakuten, voice input with homophone slips; written first.
  "dev-cold32": "COLD 32",
  // cold33's own check (round 33): cold fears of the returned mail itself, why mail comes back, "invalid address" typed;
  // casual follow-ups in dialects not used before (Shiga, Tochigi, Chiba, Kobe, Okinawa, Nagasaki), kids, gyaru; written first.
  "dev-cold33": "COLD 33",
  // follow32's own check (round 33): follow-ups after the less covered topics: a short ask-word closing a hurry, an
  // inference checked (「てことは…ってこと？」), the advice quoted before the question, whys, other questions; written first.
  "dev-followup32": "FOLLOWUP 32",
  // emo23's own check (round 33): personas not used before (a kindergarten bus driver, a dental receptionist, a sake
  // brewery's office, an illustrator on deadline, a grandmother, a plumber, a job-hunting student), round 32's families.
  "dev-emotion23": "EMOTION 23",
  // english23's own check (round 33): Englishes not covered before (Portuguese-, Turkish-, Greek-speaking, Ghanaian,
  // Pakistani, Norwegian, a Japanese office worker's business English, a teenager's abbreviations); written first.
  "dev-english23": "ENGLISH 23",
  // follow33's own check (round 34): whys naming the diagnosis's own symptom, a story word that is another question's
  // word, how-to asks about a topic noun, "someone is using my address?", "invalid address" after a diagnosis; written first.
  "dev-followup33": "FOLLOWUP 33",
  // acts34's own check (round 34): a self-introduction or 「どうも」 before a question, the other items and the menu in
  // words, start over to talk about another mail, "not a bot"; calm texts (a good or busy day, shyness, patience told).
  "dev-acts34": "ACTS 34",
  // cold34's own check (round 34): cold asks with nothing on screen (a phone after a helpless opener, hours with no
  // marker, a wish to ask, 「メールが届かない」); casual follow-ups in Shimane, Nanbu, Saitama, Ishikawa, Kanagawa youth; written first.
  "dev-cold34": "COLD 34",
  // cold35's own check (round 35): cold wishes to ask with no question yet, undo said of the chat or of a sent mail, cold
  // general questions; casual follow-ups in Kawachi, Yamaguchi, Hachijojima, Amami, Sado, Tochigi, voice slips, romaji; written first.
  "dev-cold35": "COLD 35",
  // english24's own check (round 34): Englishes not covered before (Argentine, Nigerian, Danish, Hungarian, Sri Lankan
  // Tamil, Hong Kong, an elderly American expat, a Japanese high-school student), whys with a person, Japanese words; written first.
  "dev-english24": "ENGLISH 24",
  // emo24's own check (round 34): personas not used before (a night-shift guard, a florist, an estate agent, a retired
  // teacher, a piano teacher, a delivery driver, a student in exam week), round 33's emotion families; written first.
  "dev-emotion24": "EMOTION 24",
  // acts35's own check (round 35): a self-introduction alone or before a question, thanks before a question, "surely
  // no human answers this?", the menu and other items in words; calm texts (a busy or quiet day, a slip laughed at); written first.
  "dev-acts35": "ACTS 35",
  // emo25's own check (round 35): personas not used before (a wedding-photo studio, a night-bus driver, a school nurse, a
  // cat cafe, a funeral home, a pharmacist, an applicant's parent), the request after the feeling, a feeling alone; written first.
  "dev-emotion25": "EMOTION 25",
  // calm36's own check (round 36): both sides of the apology — calm texts that only sound emotional (shy, busy, laughing,
  // self-deprecating, excited) and upset texts then a specific request (did it arrive, a carrier, plain words); written first.
  "dev-emotion36": "EMOTION 36",
  // calm37's own check (round 37): calm lead-ins (asking again, hopeless with machines, a parent's mail) and hypotheticals,
  // upset told as time or volume, a person or phone demanded, a feeling then a specific request; written first.
  "dev-emotion37": "EMOTION 37",
  // follow34's own check (round 35): a story before the question, a guess at the cause, how to fix / check / tell the
  // recipient over the least covered topics, a carrier beside tries counted, the part after @ named, "can I ignore it?"; written first.
  "dev-followup34": "FOLLOWUP 34",
  // english25's own check (round 35): Englishes not covered before (Peruvian, Zimbabwean, Icelandic, Romanian, Maltese,
  // Samoan, a Japanese office worker practising, a teenager's unpunctuated texting), irony, stories first; written first.
  "dev-english25": "ENGLISH 25",
  // english26's own check (round 36): Englishes not covered before (Vietnamese, German, Barbadian, Kenyan, Polish, Brazilian,
  // Scottish, Australian, Korean writers), one-word English after a diagnosis, an address or Japanese word inside; written first.
  "dev-english26": "ENGLISH 26",
  // casual36's own check (round 36): dialects not used before (Akita, Ibaraki, Mikawa, Banshu, Aizu, Kitakyushu, Chikugo,
  // Hida, Awaji), Tohoku voicing, dialect thanks and greetings, domain terms in kana, dropped dakuten, romaji; written first.
  "dev-casual36": "CASUAL 36",
  // follow35's own check (round 36): follow-up and cold questions over the rarest question ids, the open labels in new
  // words (address insisted right, "explain once more", tries counted with "what now"), SPF as a fix; written first.
  "dev-followup35": "FOLLOWUP 35",
  // english37's check (round 37): English of many countries: a returned mail retold, tries counted, a person or a
  // machine, regional acknowledgements, pidgin, patois and Singlish grammar, romaji, urgent deadlines; written first.
  "dev-english37": "ENGLISH 37",
  // family37a's own check (round 37): mail not coming in, the user's own mailbox's size, a bounce retold in words (expired,
  // user-unknown), greetings with a first use, So-net blamed (outage), S-SAFE's cost, an embarrassing address, why mail bounces.
  "dev-family37a": "FAMILY 37A",
  // memory37's own check (round 37): questions between two answers (whose side or what to do, wait or resend, a person
  // or the phone), cold and after a diagnosis, upset and calm texts, English and casual spellings; written first.
  "dev-learned37": "LEARNED 37",
  // family37b's own check (round 37): the follow-up families blind writers miss most (the others of a mail to many, it
  // came back again after the advice, "nothing I can do?", where the address is wrong, backscatter in English, an OK or a
  // plan told back, splitting a big mail); written first.
  "dev-family37b": "FAMILY 37B",
  // family38a's own check (round 38): the apology decided: worry about the recipient or the matter with no word of feeling,
  // exasperation in short forms and dialect; calm laughter, apologies for asking or for being slow with machines, a slip
  // laughed at, shame about one's own address; written first.
  "dev-family38a": "FAMILY 38A",
  // family38b's own check (round 38): the request under a feeling and "it keeps failing" (done as told and back again,
  // tries counted, an urgent "what now" or "explain it plainly", backscatter's why-me and stop, "not my fault?", "that
  // answer was beside the point"), polite, casual, dialect, English, with calm controls; written first.
  "dev-family38b": "FAMILY 38B",
  // family38c's own check (round 38): cold texts and acts: a returned mail retold in words (hedged, English inside Japanese,
  // dialect, romaji), greetings with a self-introduction or in another language, endings, regional OKs, unsend, how many a
  // day, open at night, "so it arrived?" and "one file per mail?"; written first.
  "dev-family38c": "FAMILY 38C",
  // family39d's own check (round 39): English as really typed: non-native grammar and office English, Jamaican and West
  // African spelling, Southern US, British farewells, English deadlines, greetings with a question; written first.
  "dev-family39d": "FAMILY 39D",
  // family39a's own check (round 39): the apology decision: what is at stake told without a word of feeling, weariness,
  // lost in the settings, sarcasm meaning "that didn't help"; calm texts whose feeling words are someone else's or
  // quoted, laughter, apologies for asking; written first.
  "dev-family39a": "FAMILY 39A",
  // family39b's own check (round 39): which question is asked after a diagnosis: what in my own mail caused a spam
  // verdict or a block (calm and upset), acts typed as full sentences (something else, another mail from the start,
  // endings, a person), follow-ups naming the user's own thing, cold delivered-notices and mail in a language not read.
  "dev-family39b": "FAMILY 39B",
  // family39c's own check (round 39): casual speech read: Tohoku's voiced inner k/t and its endings, Awa, Kansai,
  // Shizuoka and Kyushu endings around a plain question, hiragana with one mora dropped or doubled, romaji with
  // English words, voice input; written first.
  "dev-family39c": "FAMILY 39C",
  // family40b's own check (round 40): upset without a feeling word (blamed or shown up before others, consequences
  // still to come) and the right request inside an upset text (a size limit, no bounce yet worried, paying and still
  // unable to send, So-net's fault); calm versions of the same requests; written first.
  "dev-family40b": "FAMILY 40B",
  // family40d's own check (round 40): English of many countries after mail never sent (denial beside a why, the flood
  // every hour, other Englishes' feeling words), plain-shape follow-ups, acts as sentences, Japanese follow-up shapes
  // (a guessed slip, what to tell a vendor, every time, it arrived before, what a domain is); written first.
  "dev-family40d": "FAMILY 40D",
  // family40a's own check (round 40): calm texts that only look emotional, each with a request: the feeling or urgency the
  // mail's own business (至急, a complaint's reply, an apology mail), someone else's, named then taken back, or tears of
  // being moved; the writer's own hurry, fear, tears or anger as upset controls; written first.
  "dev-family40a": "FAMILY 40A",
  // family40c's check (round 40): Tohoku and northern Kanto questions (なして…んだべ, だが, け？, わがね, 〜さらない),
  // western endings and だんだん thanks, carriers typed in hiragana or romaji, dropped dakuten, voice input; written first.
  "dev-family40c": "FAMILY 40C",
  // family41a's own check (round 41): calm texts that only look emotional through GOOD excitement (delight or success,
  // surprise as discovery with a laugh or 「なるほど」, relief, moved to tears, someone else's worry), each with a request;
  // the writer's own shock, fear, tears or anger as upset controls; written first.
  "dev-family41a": "FAMILY 41A",
  // family41d's own check (round 41): English without textbook grammar (never sent, a carrier's phone, "no use"), a bounce
  // described in words (a code, the reason paraphrased), cold "why / what state" questions, English's reply language
  // around a code or in a story, Hokkaido, Nagano, Mikawa, Tosa speech and romaji questions; written first.
  "dev-family41d": "FAMILY 41D",
  // family41b's own check (round 41): upset without a word of feeling (indignation asked back or innocence protested,
  // impatience at repeating, a sigh opening a question, English shouts, worry trailing off after what is at stake) and
  // calm controls of the same shapes; written first.
  "dev-family41b": "FAMILY 41B",
  // family41c's own check (round 41): which request an upset text asks when the complaint's words pull elsewhere (the
  // settings asked while lost, full-width, a word asked beside a denial of fault, opened then "was that OK?", when So-net
  // is fixed, why though checked, up to how many MB); controls of other requests; written first.
  "dev-family41c": "FAMILY 41C",
  // family42b's own check (round 42): follow-ups between neighbouring answers (sending limit per day or per BCC, an
  // away reply as read or as an error, blocked so infected?, full-width or a mistyped domain guessed, everyone else too,
  // it used to work, nothing bounced, back every time) and calm feelings with a request (minimised or negated, moved,
  // delight at the chat, a feeling word in a name), with upset twins; written first.
  "dev-family42b": "FAMILY 42B",
  // family42c's own check (round 42): the request asked in the last clause of an upset text while the complaint names
  // another question's words (resend asked yes-or-no, a flood then "make it stop", nothing I can do so what now, what to
  // tell, opened then safe?, settings, full-width, up to how many MB, paid tool free?, when fixed); written first.
  "dev-family42c": "FAMILY 42C",
  // family42d's own check (round 42): dialect endings that carry the question (ずら, だら, だに, だい, けぇ, ってぇのは), dialect
  // thanks and greetings, hiragana-only and romaji questions and acts; English without textbook grammar, acts in other
  // languages or beside a report of success, "tried that already" and "once more"; written first.
  "dev-family42d": "FAMILY 42D",
  // family42a's own check (round 42): upset with no word of feeling (what is at stake if late, right now exclaimed, a
  // reproach trailing off, why us asked back, the advice reproached, a worried double check, lol wtf) and casual or slang
  // words of feeling (テンパる, 激おこ, はなしにならない); calm controls of the same shapes; written first.
  "dev-family42a": "FAMILY 42A",
  // family43b's own check (round 43): calm texts that only sound emotional, each with its request (a feeling minimised,
  // negated or taken back, a self-mocking lead-in, moved or relieved then asking, a feeling word in a name or subject,
  // delight at what was found, "fails every time" told calmly) and upset twins; written first.
  "dev-family43b": "FAMILY 43B",
  // design43's own check (round 43): the reply's language, a person's own English after a Japanese diagnosis or around a
  // quoted server or Japanese phrase, "I don't speak Japanese" in a third language; Japanese pasted-phrase controls.
  "dev-design43": "DESIGN 43",
  // family43c's own check (round 43): the flood of returned mail and counts of mails (never sent told in dialect, learner
  // English or cold; the flood told with a count or pace, still coming; a count the user sends on purpose, a limit asked;
  // blocked or a flood so infected?, my other So-net address too?), with controls; written first.
  "dev-family43c": "FAMILY 43C",
  // family43a's own check (round 43): upset not seen (blame put as a question, "you mean I mistyped?", impatience with a
  // long explanation, Kansai "how should I know"), the request asked inside an upset text, a stake hiding the request
  // (big files due today); calm controls of the same shapes; written first.
  "dev-family43a": "FAMILY 43A",
  // family43d's own check (round 43): thanks in dialect, in other languages or told as a success, "say it again" against
  // "more simply", greetings that open a question and goodbyes in other languages, "didn't help", back to the menu,
  // other topics; dialect and romaji questions (why, what to tell, outage, hours); written first.
  "dev-family43d": "FAMILY 43D",
  // family43e's own check (round 43): follow-up and cold questions between neighbouring answers ("did I type it wrong?"
  // in dialect, kana and English, full-width guessed, SPF or DKIM asked cold, read or opened asked cold or after an away
  // reply, an away reply as an error, So-net address, tell them, everyone else, spam received, others' Q&A); written first.
  "dev-family43e": "FAMILY 43E",
  // family44c's own check (round 44): follow-up questions after a diagnosis answered by a neighbour (dialect question endings
  // asking wait or how to send, "same result if I resend?", "is my PC doing something bad?", "wrong address? how to check",
  // "never reached them?" after expired, a cheerful story then "how many MB?", "no hurry, their filter?", a carrier named,
  // "what do I enter", "send that answer again"), with near-misses that must not change; written first.
  "dev-family44c": "FAMILY 44C",
  // family44b's own check (round 44): the request inside an upset message (what now after a constraint, never sent asked
  // as "that wasn't me?", whose side, the reason of a spam verdict, a count and a size limit, outage, all recipients,
  // every try fails, a virus maybe sent, a lost clause beside a question) with near-misses; written first.
  "dev-family44b": "FAMILY 44B",
  // design44's own check (round 44): the emotion kind, upset said with an everyday word or a picture of the moment and a
  // request inside; calm texts that only carry a feeling word (someone else's anger, "worst case", "no rush"); written first.
  "dev-design44": "DESIGN 44",
  // family44a's own check (round 44): the feeling read right: anger without an anger word (a repeated attempt told as a
  // complaint, sarcasm and mock praise, hurt pride, "same answer again, are you reading me", bare 「は？」) and calm
  // cheer over-read (relief, laughter, self-mockery after a slip), each with its request; near-misses; written first.
  "dev-family44a": "FAMILY 44A",
  // family44d's own check (round 44): a returned mail quoted or described with nothing on screen (a server phrase in
  // quotes, two @, dots before the @, an away reply asked as an error), a person asked in hiragana, broken English,
  // "other options", chat hours, dropped g, ciao and "no Japanese" in a third language; written first.
  "dev-family44d": "FAMILY 44D",
  // family45d's own check (round 45): casual, dialect, romaji and English: a returned mail told in romaji, slang
  // confusion, dialect goodbyes, "no mail comes" and "many photos attached, is that why?" in dialect, slang floods of
  // error mails never sent, English "what now" after not-a-bounce and "is MAILER-DAEMON a virus?"; written first.
  "dev-family45d": "FAMILY 45D",
  // family45b's own check (round 45): the request inside an upset message (where the address is wrong, did it reach them,
  // a phone line that never answers, hijacked, the assistant useless, the inbox filling daily, tries counted with when or
  // what is wrong, English unreadable, a failure told days late, a question after "what does it mean"); near-misses; written first.
  "dev-family45b": "FAMILY 45B",
  // family45a's own check (round 45): the feeling read right: upset without an anger word (an embarrassing moment told,
  // a protest about what used to work, stuck, regional exasperation, 笑い事じゃない, いみふ, sarcasm wrapped in thanks) and
  // calm cheer or a feeling word in a denial over-read, each with its request; near-misses; written first.
  "dev-family45a": "FAMILY 45A",
  // family45c's own check (round 45): questions and acts cold or after a diagnosis (going to fetch the mail, a bounce subject
  // quoted, other items, off-topic, a carrier refusing, never sent, "what are you talking about", nothing to do after
  // not-a-bounce, what to enter, still coming, 今日中 calm, two @), with near-misses; written first.
  "dev-family45c": "FAMILY 45C",
} as const;
/**
 * Check sets: one round's blind writers' sentences whose totals the tuners see while they work (round 34's
 * fixes raised their own dev block 87.9 → 96.2 % and its blind sibling not at all: a check set tells during
 * the round whether a change generalises). Tuners never read their items; held-out sets stay the measure.
 */
const CHECK = [
  "check-35",
  "check-36",
  "check-37",
  "check-38",
  "check-39",
  "check-40",
  "check-41",
  "check-42",
  "check-43",
  "check-44",
  "check-45",
] as const;
const devText = readFileSync(join(dir, "dev.yaml"), "utf8");
/** The items of dev.yaml in the block with this marker (none without its start line). */
function block(marker: string) {
  const at = devText.indexOf(`\n# === ${marker} BLOCK`);
  if (at < 0) return [];
  const to = devText.indexOf(`\n# === END OF ${marker} BLOCK`);
  return z.array(itemSchema).parse(parse(devText.slice(at, to < 0 ? undefined : to)));
}
const sets = {
  dev: load("dev.yaml"),
  ...Object.fromEntries(Object.entries(DEV_BLOCKS).map(([name, marker]) => [name, block(marker)])),
  "held-out": load("held-out.yaml"),
  "held-out-2": load("held-out-2.yaml"),
  "held-out-3": load("held-out-3.yaml"),
  "held-out-4": load("held-out-4.yaml"),
  "held-out-5": load("held-out-5.yaml"),
  "held-out-6": load("held-out-6.yaml"),
  "held-out-7": load("held-out-7.yaml"),
  "held-out-8": load("held-out-8.yaml"),
  "held-out-9": load("held-out-9.yaml"),
  "held-out-10": load("held-out-10.yaml"),
  "held-out-11": load("held-out-11.yaml"),
  "held-out-12": load("held-out-12.yaml"),
  "held-out-13": load("held-out-13.yaml"),
  "held-out-14": load("held-out-14.yaml"),
  "held-out-15": load("held-out-15.yaml"),
  "held-out-16": load("held-out-16.yaml"),
  "held-out-18": load("held-out-18.yaml"),
  "held-out-19": load("held-out-19.yaml"),
  "held-out-20": load("held-out-20.yaml"),
  "held-out-21": load("held-out-21.yaml"),
  "held-out-22": load("held-out-22.yaml"),
  "held-out-23": load("held-out-23.yaml"),
  "held-out-24": load("held-out-24.yaml"),
  "held-out-25": load("held-out-25.yaml"),
  "held-out-26": load("held-out-26.yaml"),
  "held-out-27": load("held-out-27.yaml"),
  "held-out-28": load("held-out-28.yaml"),
  "held-out-29": load("held-out-29.yaml"),
  "held-out-30": load("held-out-30.yaml"),
  "held-out-31": load("held-out-31.yaml"),
  "held-out-32": load("held-out-32.yaml"),
  "held-out-33": load("held-out-33.yaml"),
  "held-out-34": load("held-out-34.yaml"),
  "held-out-35": load("held-out-35.yaml"),
  "held-out-36": load("held-out-36.yaml"),
  "held-out-37": load("held-out-37.yaml"),
  "held-out-38": load("held-out-38.yaml"),
  "held-out-39": load("held-out-39.yaml"),
  "held-out-40": load("held-out-40.yaml"),
  "held-out-41": load("held-out-41.yaml"),
  "held-out-42": load("held-out-42.yaml"),
  "held-out-43": load("held-out-43.yaml"),
  // Typed by name: Object.fromEntries alone gives no keys, and the copy check below indexes sets by them.
  ...(Object.fromEntries(CHECK.map((name) => [name, load(`${name}.yaml`)])) as Record<
    (typeof CHECK)[number],
    Item[]
  >),
};
const HELD_OUT = [
  "held-out",
  "held-out-2",
  "held-out-3",
  "held-out-4",
  "held-out-5",
  "held-out-6",
  "held-out-7",
  "held-out-8",
  "held-out-9",
  "held-out-10",
  "held-out-11",
  "held-out-12",
  "held-out-13",
  "held-out-14",
  "held-out-15",
  "held-out-16",
  "held-out-18",
  "held-out-19",
  "held-out-20",
  "held-out-21",
  "held-out-22",
  "held-out-23",
  "held-out-24",
  "held-out-25",
  "held-out-26",
  "held-out-27",
  "held-out-28",
  "held-out-29",
  "held-out-30",
  "held-out-31",
  "held-out-32",
  "held-out-33",
  "held-out-34",
  "held-out-35",
  "held-out-36",
  "held-out-37",
  "held-out-38",
  "held-out-39",
  "held-out-40",
  "held-out-41",
  "held-out-42",
  "held-out-43",
] as const;
const verbose = process.argv.includes("--verbose");
const cross = process.argv.includes("--cross");
const heldOutMisses = process.argv.includes("--held-out-misses");
const checkMisses = process.argv.includes("--check-misses");

const knowledge = loadKnowledge();
const services = knowledgeServices(knowledge);
const interpret = createInterpreter({ ...services, ui: loadUi() });
const run = answerer(interpret, { knowledge, questions: services.questions });

/**
 * --cross: dev's items block by block, each answered by an interpreter that knows the labelled texts of the
 * other blocks only (`othersThan`). Nothing is learned from labelled texts yet, so every block gets the same
 * interpreter and cross equals dev: the seam where a learned model, made from `training`, is handed over.
 */
const placed: Placed[] = cross ? placeInBlocks(devText) : [];
const blockOf = new Map(placed.map((p) => [p.item, p.block]));
const runners = new Map<string, typeof run>();
function runnerFor(block: string): typeof run {
  let runner = runners.get(block);
  if (!runner) {
    const training = othersThan(placed, block);
    void training; // nothing is learned from it yet (above)
    runner = run;
    runners.set(block, runner);
  }
  return runner;
}

// The held-out parts measure what was never tuned on: none of their sentences may be an example in the data.
const copied = heldOutCopies(
  services.questions,
  [...HELD_OUT, ...CHECK].flatMap((name) => sets[name]),
);
if (copied.length > 0) {
  // Named by question id only: printing the sentences would show a held-out set to whoever tunes the data.
  const byQuestion = new Map<string, number>();
  for (const { question } of copied) byQuestion.set(question, (byQuestion.get(question) ?? 0) + 1);
  for (const [id, n] of byQuestion)
    console.error(
      `${n} example(s) of question "${id}" equal a held-out or check sentence: remove them from the data`,
    );
  if (heldOutMisses)
    for (const { item } of copied) console.error(`  held-out sentence in the data: ${item.text}`);
  process.exitCode = 1;
}

const pct = (a: number, b: number) => (b === 0 ? "   -  " : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const misses: Record<string, { item: Item; got: string }[]> = {};
const rows: string[] = [];
/** dev's English items answered in Japanese, listed with --verbose. */
const japanese: Item[] = [];
const totals: Record<string, [number, number]> = {};
const scored: [string, Item[]][] = Object.entries(sets);
if (cross) scored.splice(1, 0, ["cross", placed.map((p) => p.item)]);
for (const [name, items] of scored) {
  const byKind = new Map<string, [number, number]>();
  misses[name] = [];
  // Messages not labelled upset that got an acknowledgement of feelings anyway (counted, right or wrong).
  let unasked = 0;
  // Messages labelled upset that got the acknowledgement (whatever the answer after it), of how many.
  let seen = 0;
  let wanted = 0;
  // English items answered in Japanese (the id may be right: the user cannot read it), and items of the other
  // kinds answered in English (mostly Japanese or romaji typed: a Japanese user answered in English).
  let enJa = 0;
  let otherEn = 0;
  for (const item of items) {
    const { id: got, lang } = await (name === "cross" ? runnerFor(blockOf.get(item)!) : run)(item);
    if (item.kind === "english" && lang === "ja") {
      enJa++;
      if (name === "dev") japanese.push(item);
    }
    if (item.kind !== "english" && lang === "en") otherEn++;
    const ok = matches(item.expect, got);
    const upsetWanted = item.expect.split("|").some((e) => e.startsWith("upset+"));
    if (got.startsWith("upset+") && !upsetWanted) unasked++;
    if (upsetWanted) wanted++;
    if (upsetWanted && got.startsWith("upset+")) seen++;
    const k = byKind.get(item.kind) ?? [0, 0];
    byKind.set(item.kind, [k[0] + (ok ? 1 : 0), k[1] + 1]);
    if (!ok) misses[name]!.push({ item, got });
  }
  const hit = [...byKind.values()].reduce((a, [h]) => a + h, 0);
  totals[name] = [hit, items.length];
  rows.push(
    `${name.padEnd(12)} ${KINDS.map((k) => pct(...(byKind.get(k) ?? [0, 0]))).join(" ")}   ${pct(hit, items.length)} (${hit}/${items.length})  ${unasked}  ${seen}/${wanted}  ${enJa}  ${otherEn}`,
  );
}
console.log(
  `set          ${KINDS.map((k) => k.padStart(6)).join(" ")}   all  upset-unasked  upset-seen  english-in-ja  others-in-en`,
);
for (const row of rows) console.log(row);
for (const [name, list] of Object.entries(misses)) {
  if (name.startsWith("dev-") || name === "cross") continue; // their misses are among dev's
  const shown =
    name === "dev" ? verbose : (CHECK as readonly string[]).includes(name) ? checkMisses : heldOutMisses;
  if (!shown) continue;
  if (list.length === 0) continue;
  console.log(`\nconfusions (${name}): expected → got  [context] text`);
  for (const { item, got } of list) console.log(`  ${item.expect} → ${got}  [${item.context}] ${item.text}`);
}
if (verbose && japanese.length > 0) {
  console.log(`\nEnglish answered in Japanese (dev): [context] text`);
  for (const item of japanese) console.log(`  [${item.context}] ${item.text}`);
}
console.log("");
if (cross)
  console.log(
    `cross accuracy ${pct(...totals.cross!).trim()} (dev, each of its ${runners.size} blocks scored with what is learned from the others only; nothing is learned from labelled texts yet: cross = dev)`,
  );
for (const name of CHECK) {
  const [h, n] = totals[name]!;
  console.log(`${name} accuracy ${pct(h, n).trim()} (totals seen while tuning, sentences not)`);
}
for (const name of HELD_OUT) {
  const [h, n] = totals[name]!;
  console.log(`${name} accuracy ${pct(h, n).trim()} (target ≥ 90%)`);
}
