import { fold, nfkc } from "../../knowledge/fold.ts";
import type { Feeling } from "../events.ts";
import { FEELINGS } from "../events.ts";
import { includesAny, mentionsAny, withoutWords, wordsRemover } from "../text.ts";
import type { UiTexts } from "../ui.ts";
import { clausesOf, sentenceAsks, sentencesOf } from "../understand/asking.ts";
import { standardSpelling } from "../understand/dialect.ts";
import { afterOwnStateAside } from "../understand/feelings/aside.ts";
import { feltByShape } from "../understand/feelings/by-shape.ts";
import {
  deniesHurry,
  negatedFeelings,
  withoutDeniedBlame,
  withoutDeniedFeelings,
} from "../understand/feelings/denied.ts";
import { exclaimed } from "../understand/feelings/exclaimed.ts";
import { deadlineIn } from "../understand/feelings/hurry.ts";
import {
  withoutApologyPieces,
  withoutAskingLeadIn,
  withoutModestOpening,
} from "../understand/feelings/modest.ts";
import { ownedRemover } from "../understand/feelings/owned.ts";
import {
  gladTears,
  gotThrough,
  movedToTears,
  startleOver,
  supposedNotSo,
  surprisedToLearn,
  takenBack,
  withoutPraisingAlarm,
  withoutRealisingSigh,
} from "../understand/feelings/passed.ts";
import {
  laughsIn,
  withoutLaughAtOwnSlip,
  withoutLaughedAt,
  withoutLaughedOff,
  withoutPatientTurn,
  withoutPlayedDown,
  withoutPrecaution,
  withoutWasted,
} from "../understand/feelings/played-down.ts";
import { withoutQuoted } from "../understand/feelings/quoted.ts";
import {
  planAfterThanks,
  relievedAtEnd,
  soundsGlad,
  splitAtPastContrast,
} from "../understand/feelings/relief.ts";
import { withoutShameOfAddress } from "../understand/feelings/shame.ts";
import type { ReadingTable } from "../understand/normalize.ts";
import { phraseMatcher } from "../understand/phrases.ts";
import { countsPiling, countsTries, triesBeyondCount } from "./scans.ts";
import type { TypedWords } from "./words.ts";

/** Which feeling a typed text tells (ui.yaml `feelings`), and the text without its words of feeling. */
export interface FeelingReader {
  /** The feeling a typed text tells: by its words, blame, marks, a deadline, its shape, sarcasm, tries counted. */
  feelingIn(text: string): Feeling | undefined;
  /**
   * A worry (not anger: thanks after anger is often sarcasm) that is over: closed by relief or thanks with
   * nothing asked (「びっくりしたけど、普通のお知らせだったんですね。ありがとう」), or told as past before a
   * contrast with nothing felt after it (「不安だったけど、説明を読んで少し落ち着きました」), a start and what it
   * turned out to be, the mail through after all, tears of joy (passed.ts).
   */
  feelingOver(text: string, felt: Feeling): boolean;
  /** NFKC, lower case, feelings denied (「急いでないので」, "not panicking") and self-blame denied taken out. */
  withoutExceptions(text: string): string;
  /**
   * The text without its words of feeling, as written: what it asks besides them (readQuestion). Praise said
   * in irony (「はいはい、最高ですね」 "great, just great") is such a word: left in, it read as the situation told.
   */
  withoutFeelingWords(text: string): string;
  /** Praise said in irony (「はいはい、最高ですね」「参考になりました（棒）」), not glad (relief.ts `soundsGlad`). */
  ironic(text: string): boolean;
  /**
   * The text (NFKC, lower case) without a feeling said to be absent, played down or laughed off (「怒ってるわけ
   * じゃないんですが、」 "I'm not upset,"), or the text itself if it has none: what a calm writer asks.
   */
  withoutCalmedFeelings(text: string): string | undefined;
}

/**
 * Praise that is ironic only in a message already read as irony (「へー、最高。ほんと最高」 "perfect, just what I
 * needed"): alone, 「最高」 is also "at most" and "perfect" an OK; taken out with the irony's phrases.
 */
const IRONY_BARE = ["最高", "perfect"];

/**
 * 「丁寧な解説をどうも。で、結局何をすれば？」「ご親切な説明どうも。それで、…」: thanks cut short to a bare 「どうも」 closing
 * its sentence, the next opened by an impatient 「で、」「で？」 or 「それで、」, is sarcasm, whatever was praised before it
 * (round 44; 「ありがとう！で、何MBまで？」 thanks in full and stays calm). Folded text; gate: 「どうも」; a hand scan.
 */
function curtThanksThenSo(t: string): boolean {
  for (let at = t.indexOf(CURT_THANKS); at >= 0; at = t.indexOf(CURT_THANKS, at + 1)) {
    let i = at + CURT_THANKS.length;
    if (!THANKS_CLOSED.has(t[i] ?? "")) continue;
    i++;
    while (t[i] === " ") i++;
    if (t.startsWith("それで", i)) i += 3;
    else if (t[i] === "で") i++;
    else continue;
    if (SO_MARKS.has(t[i] ?? "")) return true;
  }
  return false;
}
const CURT_THANKS = "どうも";
const THANKS_CLOSED = new Set([..."。、.,!"]);
const SO_MARKS = new Set([..."、,?"]);

/** The text with the sentences its writer laughs at blanked out (NFKC), or itself when it has no laugh. */
function laughedAt(text: string): string {
  const t = nfkc(text);
  const out = withoutLaughedAt(t);
  return out === t ? text : out;
}

/**
 * 「ごめんなさい、ドメインって何ですか」: an apology that opens a message, before a comma, is the polite way in to a
 * question, not shame (「機械オンチでごめんなさい」「…わかりません。ごめんなさい」 still are: other words, or not first).
 * The apologies: ui.yaml typedWords sorryOpening.
 */
const APOLOGY_COMMAS = ["、", ",", " "];
function withoutOpeningApology(folded: string, words: TypedWords): string {
  const t = folded.trimStart();
  for (const a of words.sorryOpening)
    if (t.startsWith(a) && APOLOGY_COMMAS.some((c) => t.startsWith(c, a.length)))
      return t.slice(a.length + 1);
  return folded;
}

/**
 * 「困ったなあ。送信サーバーの設定って何を入れるんでしたっけ」「参ったな〜、相手に連絡したほうがいいかな」: a mild
 * mutter that opens a message, before a pause, then one question and nothing else is thinking aloud on the way to
 * the question, no trouble to apologise for. Told with more, the trouble itself (「困ったなあ、メールが届かない」) or
 * what weighs besides the question (「困ったなぁ…相手に知らせないといけないのかな。電話苦手なんだけど」), the sigh
 * is the trouble felt: it stays (round 33's decision; the blind sets label both shapes so). The mutters: ui.yaml
 * typedWords mutterOpening.
 */
const MUTTER_TAILS = new Set([..."あぁーー〜~"]);
const MUTTER_PAUSES = new Set([..."、,。. …!"]);
function withoutOpeningMutter(folded: string, words: TypedWords): string {
  const t = folded.trimStart();
  const mutter = words.mutterOpening.find((m) => t.startsWith(m));
  if (mutter === undefined) return folded;
  let at = mutter.length;
  while (at < t.length && MUTTER_TAILS.has(t[at]!)) at++;
  if (!MUTTER_PAUSES.has(t[at] ?? "")) return folded;
  const rest = t.slice(at + 1);
  const sentences = sentencesOf(rest);
  return sentences.length === 1 && sentenceAsks(sentences[0]!) ? rest : folded;
}

/**
 * Words of anger as the dialect reader spells them, where that differs: a Kansai text is read in its standard forms
 * (understand/dialect.ts) before its feeling is, so 「知らんがな」 is met as 「知らないがな」, 「アホちゃう」 as
 * 「アホじゃないの」 (round 43: "how should I know, so what now" in Kansai went unseen). Read as blame is (their words
 * stay in what is read: taken out, the rest of a check-39 text read another question). Built once. Anger's words
 * only: worry's (「なんかあったん」 → 「なんかあったの」) would read a calm "did something happen?" as worry.
 */
function standardFormsOf(lists: readonly (readonly string[])[], oneKanjiVerbs: readonly string[]): string[] {
  const all = new Set(lists.flat());
  const out: string[] = [];
  for (const w of all) {
    const standard = standardSpelling(w, oneKanjiVerbs);
    if (standard !== undefined && !all.has(standard)) out.push(standard);
  }
  return out;
}

export function buildFeelingReader(ui: UiTexts, readings: ReadingTable): FeelingReader {
  const words = ui.feelings.words;
  const typed = ui.typedWords;
  // In the order of FEELINGS (events.ts): "urgent" first, "worried" last.
  const feelingOf = phraseMatcher(
    FEELINGS.map((kind) => [kind, words[kind]] as const),
    readings,
  );
  // Blame (「So-netのせいでしょ」), lost (「意味わからん」), lost altogether (「何もわからん」): feelings whose words
  // stay in what is read.
  const blameOf = phraseMatcher(
    [
      [
        "frustrated",
        [
          ...(words.kept?.frustrated ?? []),
          ...standardFormsOf([words.frustrated, words.kept?.frustrated ?? []], typed.oneKanjiVerbs),
        ],
      ],
      ["worried", words.kept?.worried ?? []],
      ["ashamed", words.kept?.ashamed ?? []],
      // What is at stake told without a word of feeling (「患者さんのご家族への案内が…」「予約が流れてしまった」).
      ["worried", words.kept?.stakes ?? []],
    ] as const,
    readings,
  );
  // Praise said of a failure (「さすがSo-netさん、素晴らしいサービスですね」): sarcasm, unless glad (understand/feelings/relief.ts).
  const praiseOf = phraseMatcher(
    [["frustrated", [...(words.ironic ?? []), ...(words.sarcastic ?? [])]] as const],
    readings,
  );
  // Praise that stays sarcasm beside thanks ("wow, super helpful. thanks a lot."): read only where praise was
  // found in a message that thanks, which few are.
  const sarcasmOf = phraseMatcher([["frustrated", words.sarcastic ?? []] as const], readings);
  // A hurry denied (「忙しいですが急ぎではありません」): the words of hurry beside it are taken out (denied.ts).
  const hurryOf = phraseMatcher([["urgent", words.urgent] as const], readings);
  // A feeling said to be absent (「心配はないです」 "no rush"): ui.yaml feelings.words.denied, its phrases made once here.
  const denied = negatedFeelings(words.denied);
  const deniable = words.denied.words;
  const withoutNotFeelings = wordsRemover([...(words.except ?? []), ...denied].map((w) => fold(w)));
  // Not in the words that are no feeling (「足が棒のよう」 holds the 棒 of 「（棒）」).
  const ironic = (text: string): Feeling | undefined => {
    const said = withoutNotFeelings(fold(text));
    if (curtThanksThenSo(said)) return "frustrated";
    if (praiseOf(said) === undefined) return undefined;
    return !soundsGlad(text) || sarcasmOf(said) !== undefined ? "frustrated" : undefined;
  };
  // Self-blame denied and told (「私のせいじゃないならよかった」) is none either (understand/feelings/denied.ts).
  const blames = (words.kept?.worried ?? []).map((w) => fold(w));
  // Every word of feeling may be denied or played down (「やばい、って程じゃない」).
  const felt = FEELINGS.flatMap((kind) => words[kind]).map((w) => fold(w));
  // Shame, laughed off anywhere in a message that laughs (played-down.ts withoutLaughedOff).
  const shame = words.ashamed.map((w) => fold(w));
  // A laugh blanks the words of feeling of its sentence, not a curse beside it ("i never sent these lol wtf": laughing in
  // disbelief, round 42): typedWords laughedCurses.
  const curses = new Set(typed.laughedCurses);
  const laughable = felt.filter((w) => !curses.has(w));
  // Lower case: "Not panicking, just curious" denies as "not panicking" does.
  // Played down (「一瞬ドキッとしましたが、」), laughed off (「怒られちゃいました笑」) or a precaution's reason
  // (「心配性なので念のため」): none either; nor a skill or question played down with an apology, opening a
  // question (「初歩的な質問ですみません、…」: modest.ts).
  // Shame about how one's own address looks, the reason to change it (understand/feelings/shame.ts).
  const withoutToldCalmly = (folded: string) =>
    withoutCalmParts(withoutShameOfAddress(folded, shame, typed.addressChange, typed.slipNamed));
  const withoutCalmParts = (folded: string) =>
    withoutModestOpening(
      withoutPrecaution(
        withoutLaughedOff(
          withoutWasted(
            withoutPlayedDown(withoutPatientTurn(withoutLaughAtOwnSlip(folded), felt), felt),
            felt,
          ),
          laughable,
          shame,
        ),
      ),
    );
  // 「怒らないで聞いてほしいんですけど、…」「上司に怒られる前に確認しておきたいんですが、…」: the feeling of a lead-in
  // that names the asking, someone else's anger feared or worry, is about asking (modest.ts withoutAskingLeadIn);
  // a hurry or the writer's own anger in it stays (「急いでるので聞きますが、」).
  const calmLeadIn = (piece: string) => {
    const kind = feelingOf(withoutWords(piece, typed.angerFeared));
    return kind !== "urgent" && kind !== "frustrated";
  };
  const withoutExceptions = (text: string) =>
    withoutDeniedBlame(
      withoutToldCalmly(
        withoutDeniedFeelings(
          withoutNotFeelings(
            withoutPraisingAlarm(
              withoutRealisingSigh(
                withoutOpeningMutter(
                  withoutOpeningApology(
                    withoutApologyPieces(
                      withoutAskingLeadIn(withoutModestOpening(fold(text)), typed.askingNamed, calmLeadIn),
                      (piece) => feelingOf(piece) !== undefined || feltByShape(piece, typed) !== undefined,
                    ),
                    typed,
                  ),
                  typed,
                ),
              ),
            ),
          ),
          deniable,
          felt,
        ),
      ),
      blames,
    );
  // A feeling said to be absent (「イライラはしてないけど、これって私のせい？」): the writer told us they are calm,
  // so what only sounds upset (blame asked, the shape of a sentence) is a plain question.
  const withoutDenials = wordsRemover(denied.map((w) => fold(w)));
  // A message that laughs (「ウケる、毎回同じところで戻ってくるw」) is no upset shape either (round 32).
  const deniesFeeling = (folded: string) =>
    sentencesOf(folded).some(laughsIn) ||
    withoutDenials(folded) !== folded ||
    withoutDeniedFeelings(folded, deniable, felt) !== folded ||
    withoutToldCalmly(folded) !== folded;
  const feelingIn = (text: string): Feeling | undefined => {
    // 「お腹ぺこぺこで頭回らないけど、ここって24時間やってる？」: an aside about oneself tells nothing; what follows
    // is read alone (understand/feelings/aside.ts).
    const afterAside = afterOwnStateAside(nfkc(text));
    if (afterAside !== undefined) return feelingIn(afterAside);
    // 「件名に「至急」って入れたのがまずかった？」: quoted words are a subject's or someone else's (feelings/quoted.ts).
    const unquoted = withoutQuoted(text);
    if (unquoted !== text) return feelingIn(unquoted);
    const plain = withoutExceptions(text);
    const calmSaid = deniesFeeling(fold(text));
    // 「あーもう、全角のせいだったのか！」: the sigh at oneself is no shape of anger either (passed.ts).
    const realised = withoutRealisingSigh(fold(text));
    const shown = realised === fold(text) ? text : realised;
    const felt = feltIn(shown, plain, calmSaid);
    if (felt === "ashamed" && selfToldThenAsked(text)) return undefined;
    if (felt !== "urgent") return felt;
    if (planAfterThanks(plain)) return undefined;
    if (!deniesHurry(fold(text))) return felt;
    // The hurry denied outweighs the pressure told beside it; any other feeling stays.
    const other = feltIn(shown, hurryOf.strip(plain), calmSaid);
    return other === "urgent" ? undefined : other;
  };
  /**
   * 「デジタル音痴の私にもわかるように、SPFって何か教えてください」「年のせいか物覚えが悪くて。このチャット、夜中でも使え
   * ますか」 "I'm not good with computers: what is…?": little skill with machines told of oneself (typedWords skillTold),
   * then a question that reads no feeling, is the reason to be patient, told calmly (round 38: the blind writers' labels
   * over many sets). Being lost, ashamed, in trouble or old told anywhere (lostTold: 「七十を過ぎて機械のことはわかりません」
   * 「年寄りでごめんなさいね」), an age in digits (shame.ts toldOld, read in what is left) or self-blame (「私がバカでした」)
   * is still comforted. Read only of texts read as ashamed: a few clauses, no question index.
   */
  const selfToldThenAsked = (text: string): boolean => {
    if (includesAny(fold(text), typed.lostTold)) return false;
    const clauses = clausesOf(nfkc(text));
    const self = (c: string) => includesAny(fold(c), typed.skillTold);
    const rest = clauses.filter((c) => !self(c)).join("");
    return (
      rest.length < text.length && rest.trim() !== "" && sentenceAsks(rest) && feelingIn(rest) === undefined
    );
  };
  const feltIn = (text: string, plain: string, calmSaid: boolean): Feeling | undefined => {
    return (
      feelingOf(plain) ??
      (calmSaid ? undefined : blameOf(plain)) ??
      exclaimed(text, typed, calmSaid ? plain : undefined) ??
      deadlineIn(plain) ??
      // A failure laughed at (「毎回同じところで戻ってくるw」) has no shape of feeling (played-down.ts).
      (calmSaid ? undefined : feltByShape(laughedAt(text), typed)) ??
      ironic(text) ??
      // Tries counted (「もう5回目」), not an apology for asking again (「すみません何度も」), nor said by a writer
      // who told us they are calm (「怒ってはいません。ただ、何度も送り直していいのか知りたい」).
      // Tries past counting or said twice (「何回打ち直したかわからない」「送っても送っても」 "over and over", round 44),
      // and tries counted, neither apologised for (「何回も確認してすみません」 asks politely).
      (!calmSaid &&
      (countsTries(text) || triesBeyondCount(fold(text), typed)) &&
      !mentionsAny(text, typed.askingAgain) &&
      !mentionsAny(text, typed.apologies)
        ? "frustrated"
        : undefined) ??
      // Asking over and over told, not apologised for (「同じこと何回も聞いてるんだけど。人と話させて」).
      (!calmSaid && mentionsAny(text, typed.askedOver) && !mentionsAny(text, typed.apologies)
        ? "frustrated"
        : undefined) ??
      // Mail piling up or time waited, counted (「毎朝50通も」「もう3時間待ってる」), told by a writer not calm.
      (!calmSaid && countsPiling(fold(text), typed.pilingCounts) ? "frustrated" : undefined)
    );
  };
  // 「クレームへの返信メール」「上司が心配して」 "an angry customer": words of feeling the mail or someone else owns (owned.ts).
  const withoutOwned = ownedRemover(words.owned ?? []);
  const ownedElsewhere = (text: string) => {
    const t = fold(text);
    const mine = withoutOwned(t);
    return mine !== t && feelingIn(mine) === undefined;
  };
  return {
    feelingIn,
    feelingOver(text, felt) {
      // A feeling inside what was supposed, then what it turned out to be (「最悪の事態かと思ったけど一時的なやつ
      // なのね」): over, anger supposed too (「怒られるのかと思ったら」), no sarcasm (passed.ts supposedNotSo).
      if (supposedNotSo(text, feelingIn)) return true;
      // The feeling the mail's business or someone else's (owned.ts), or named and taken back (passed.ts takenBack), anger too.
      if (ownedElsewhere(text) || takenBack(text, typed.takenBack, feelingIn)) return true;
      if (felt === "frustrated") return false;
      if (relievedAtEnd(text)) return true;
      // A start that passed, the mail through after all, tears of joy (understand/feelings/passed.ts).
      if (
        gotThrough(text, feelingIn) ||
        gladTears(text) ||
        movedToTears(text, typed, feelingIn) ||
        surprisedToLearn(text, typed.learned, feelingIn) ||
        startleOver(text, feelingIn)
      )
        return true;
      const turned = splitAtPastContrast(text);
      return turned !== undefined && feelingIn(turned[0]) !== undefined && feelingIn(turned[1]) === undefined;
    },
    withoutExceptions,
    withoutFeelingWords: (text) => {
      const rest = feelingOf.strip(withoutExceptions(text));
      return ironic(text) ? withoutWords(praiseOf.strip(rest), IRONY_BARE, " ") : rest;
    },
    ironic: (text) => ironic(text) !== undefined,
    withoutCalmedFeelings(text) {
      // An aside about oneself (aside.ts) only dilutes what is asked after it.
      const afterAside = afterOwnStateAside(nfkc(text));
      if (afterAside !== undefined) return this.withoutCalmedFeelings(afterAside) ?? fold(afterAside);
      const folded = fold(text);
      const calmed = withoutToldCalmly(withoutDeniedFeelings(withoutDenials(folded), deniable, felt));
      return calmed === folded ? undefined : calmed;
    },
  };
}
