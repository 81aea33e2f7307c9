import {
  answerable,
  type Question,
  type QuestionBank,
  SAFE_TO_OPEN_QUESTION,
} from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { hasQuestionMark } from "../marks.ts";
import { folded, followedWithin, includesAny, mentionsAny } from "../text.ts";
import type { UiTexts } from "../ui.ts";
import { isQuestion, sentencePieces, sentencesOf } from "./asking.ts";
import {
  asksMeaning,
  asksOnlyWhy,
  asksWhatItIs,
  asksWhetherSo,
  asksWhy,
  causeInCondition,
  namedBeforeWhy,
  namesCause,
  termAskedAbout,
} from "./frames.ts";
import { canonicalLength, negates, type ReadingTable } from "./normalize.ts";
import {
  asksLaterArrival,
  asksNoLongerArrives,
  asksOneMoreTry,
  asksReplyNeeded,
  asksWhetherGot,
  leftAlone,
  retriesForUser,
  rulesOutFileKind,
} from "./outcome.ts";
import { withoutPointingBack } from "./referred.ts";
import {
  actionAsked,
  choosesProviderOrOwn,
  choosesSide,
  endsWithSide,
  guessesSide,
  namesBroken,
  namesFault,
  namesMistake,
  namesOwnDevice,
  namesUser,
  ownActionAsked,
  sideAsked,
  sideNamed,
} from "./sides.ts";
import { MAX_QUESTION_CHARS, THRESHOLDS } from "./thresholds.ts";
import type { Understanding } from "./understand.ts";

/**
 * What the question index decided, read once more against what the text says besides its best match: the
 * rules after the decision (later arrival, retries done for the user, whose side, leaving it alone, a word
 * asked about, …). One table, read in order by `applyOverrides`: a rule that applies gives the question now
 * meant, and every later rule reads that decision; a `last` rule that applies ends the reading. The order is
 * the behaviour: a rule sees what the rules above it made of the text.
 */

/** The questions the rules answer with, found once per index (buildQuestionIndex), and the index itself. */
export interface Roles {
  bank: QuestionBank;
  table: ReadingTable;
  /** The diagnosis in plain words: the question answered for every topic (「つまりどういうこと？」). */
  plainWords: Question | undefined;
  /** Whose side a problem is on (`asksSide`). */
  side: Question | undefined;
  /** "What do I do now": the steps of the diagnosis on screen again. */
  steps: Question | undefined;
  /** Whether to wait (`asksOutcome` after-waiting). */
  wait: Question | undefined;
  /** Whether the mail got there (`withoutBounce`). */
  arrival: Question | undefined;
  /** Whether to send again after a fix (`asksOutcome` after-fixing). */
  resend: Question | undefined;
  /** How to send big files: the question a size told with "how" turns to (`ifHowAsked`). */
  files: Question | undefined;
  /** The size limit: the question whose size told with "how" turns to `files` (undefined without `files`). */
  size: Question | undefined;
  /** The cause of the returned mail asked (「原因は？」「なんで戻ってきたの」 "why did it bounce?"). */
  reason: Question | undefined;
  /** The index itself: a word asked about is read alone. */
  understand(text: string, topic: TopicId | null): Understanding;
  /**
   * The words of finding out (ui.yaml typedWords, loaded once with the ui): rule "how to check asked". An index
   * built without them (tests of the index alone, reason-texts.ts) reads no way to find out.
   */
  findOut: FindOutWords | undefined;
}

/** The ui's words a way to find out is read with (knowledge/data/README "typedWords"). */
export type FindOutWords = Pick<UiTexts["typedWords"], "howToFindOut" | "wayWords" | "findingOut">;

/** One text as the index read it: what the rules look at besides the decision. */
export interface Reading {
  roles: Roles;
  /** The text as scored (fillers left out). */
  text: string;
  topic: TopicId | null;
  /** The question of the outcome frame the text asks in (outcome.ts asksOutcome), if any. */
  framed: Question | undefined;
  /** Whether it retells what to do and asks whether that is it (frames.ts retellsAdvice). */
  advice: boolean;
  /** How well it says the diagnosis on screen again (0 unless it asks whether something is so). */
  saysGist: number;
  /** The ranked questions that fit the diagnosis on screen, and those with an answer of their own for it. */
  fitting: ReadonlySet<string>;
  own: ReadonlySet<string>;
  /**
   * The word asked about read alone, per topic on screen (a query of its own: made once). Made when first
   * asked: most readings ask none, and two maps per reading were allocation of every typed text.
   */
  termReads?: Map<TopicId | null, Understanding | undefined>;
  /** What the rules read of the text, each worked out once (`once`); made when first asked, as termReads. */
  reads?: Map<(text: string) => unknown, unknown>;
}

/** The text understood as nothing. */
const NOTHING = null;

interface Rule {
  name: string;
  when(r: Reading, decided: Understanding): boolean;
  /** The question now meant (its id), or NOTHING. */
  answer(r: Reading, decided: Understanding): string | typeof NOTHING;
  /** Where it applies, the decision is final: the rules below it are not read. */
  last?: true;
}

/**
 * The rules in the order they are read (each one's example and why: its comment). A rule answers with one of the
 * roles, a question another points to (`ifWhyAsked`, `ifCheckAsked`, `ifDeviceNamed`, `ifHowAsked`), the question of
 * the frame asked in (`asksOutcome`), a candidate of the reading that scores at least THRESHOLDS.candidate, or the
 * reading of another text that `answers` (no act, no pleasantry): givenOnlyAsCandidate holds by that, and the
 * question index skips readings by it (understand.ts mayRead). A rule answering otherwise changes givenOnlyAsCandidate.
 */
const OVERRIDES: readonly Rule[] = [
  // 「これ自動返信？」 with the automatic reply on screen: asked of that mail, not of the chat (`aboutMail`);
  // 「なんなのこれ」 with any diagnosis on screen: what that mail is, not what returned mail is in general. A
  // question asked only with a word of "what" (`asksWhat`) is about the mail only so asked (「これいつまで続くの」
  // names it and asks how long), or asked whether it is so ("so this mail is not an error?" after "not a delivery
  // failure": what the mail on screen is, asked back).
  {
    name: "the mail on screen, not the chat",
    when: (r, d) => {
      const asked = d.kind === "confident" ? question(r, d.id) : undefined;
      const about = asked?.aboutMail;
      if (about === undefined || r.topic === null || r.roles.plainWords === undefined) return false;
      const t = folded(r.text, MAX_QUESTION_CHARS);
      return (
        about.topics.includes(r.topic) &&
        includesAny(t, about.words) &&
        !includesAny(t, about.unless ?? []) &&
        (!asked!.asksWhat || asksWhatItIs(r.text) || asksWhetherSo(r.text))
      );
    },
    answer: (r) => r.roles.plainWords!.id,
    last: true,
  },
  // 「SPFとかDMARCが原因なの？」「原因は相手のほう？」: a cause named and asked about, not the cause asked for: the
  // next question the text matched (what SPF is, whose side), else nothing read. A why asked besides still asks it.
  // So is a cause spoken of in the condition of what is asked (「原因がわからないなら、次は何をしたらいい？」), though
  // the reason was only offered first: what follows the condition is asked.
  {
    name: "a cause named, not asked",
    when: (r, d) =>
      ((d.kind === "confident" && d.id === r.roles.reason?.id && once(r, namesCause)) ||
        (d.kind !== "none" && d.candidates[0]?.id === r.roles.reason?.id && once(r, causeInCondition))) &&
      !once(r, asksWhy),
    answer: (r, d) => {
      const next = d.candidates.find((c) => c.id !== r.roles.reason?.id);
      return next !== undefined && next.score >= THRESHOLDS.candidate ? next.id : NOTHING;
    },
  },
  // 「送ってないのになんで私に来るの？」: what is told is the reason wondered at; the why is asked (`ifWhyAsked`),
  // where that question answers the diagnosis on screen (or nothing is on screen).
  // The cause asked of what is said ("why did the address not exist?") is asked in the sentence that says it: a why
  // alone after it (「アドレス間違ってるってこと？なんで？」) is no cause asked of it but the question and the why beside
  // it (its answer, with the cause as another).
  // Round 40 (family40d): not a why asked after the one thing the question is about is named (`whyKeptAfter`: "I never
  // send this mail, why I get it back?"): the why is of that mail coming back, and the denial of it is what is told
  // and answered (never-sent); "I never sent these, why are they coming to me?" and a why asked first stay why-me.
  {
    name: "why asked of what is told",
    when: (r, d) => {
      const asked = d.kind === "confident" ? question(r, d.id) : undefined;
      const why = question(r, asked?.ifWhyAsked);
      return (
        why !== undefined &&
        (r.topic === null || why.topics[r.topic] !== undefined) &&
        once(r, asksWhy) &&
        (why !== r.roles.reason || once(r, whyWithWhatIsSaid)) &&
        (asked!.whyKeptAfter === undefined || !namedBeforeWhy(r.text, asked!.whyKeptAfter))
      );
    },
    answer: (r, d) => question(r, confidentId(d))!.ifWhyAsked!,
  },
  // Round 40 (family40d): the same the other way round: "I never sent this mail, why is it coming back to me?" reads
  // why-me's words best ("why is this coming to me"), but the one mail is named and denied before the why: the
  // question of the denial, close behind, is meant (the rule above would not send it on).
  {
    name: "the one mail denied, then why",
    when: (r, d) => d.kind === "confident" && kept(r, d) !== undefined,
    answer: (r, d) => kept(r, d)!,
  },
  // 「ドメインってそもそも何？」 cold: the word asked about tells which of the close "what is X" questions is meant.
  {
    name: "term tells which",
    when: (r, d) => {
      const first = d.candidates[0]?.id;
      if (r.topic !== null || d.candidates.length < 2 || !answers(r, first)) return false;
      const term = termAskedAbout(r.text);
      if (term === undefined || /[、,。]/.test(term)) return false;
      const known = termRead(r, null);
      return (
        known?.kind === "confident" &&
        answers(r, known.id) &&
        known.id !== first &&
        d.candidates.some((c) => c.id === known.id)
      );
    },
    answer: (r) => confidentId(termRead(r, null)),
  },
  // 「もう届かないってこと？」 after "gave up retrying": whether it will ever arrive asks what waiting brings (wait's
  // answer for the diagnosis says no, and what to do), though the words also say the diagnosis again.
  {
    name: "no longer arriving",
    when: (r, d) =>
      r.topic !== null &&
      r.roles.wait?.topics[r.topic] !== undefined &&
      !stepsNotWaiting(r, r.topic) &&
      !ADDRESS_GONE.has(r.topic) &&
      d.kind === "confident" &&
      (d.id === r.roles.plainWords?.id || d.id === r.roles.arrival?.id) &&
      asksNoLongerArrives(r.text),
    answer: (r) => r.roles.wait!.id,
  },
  // 「動画は送れないってこと？」 after "too big": a kind of file ruled out asks how to send it (the question a size
  // told with "how" turns to, `ifHowAsked`), where that has an answer for the diagnosis; not the diagnosis in
  // plain words, though "cannot send" says it again.
  {
    name: "kind of file ruled out",
    when: (r, d) =>
      r.topic !== null &&
      r.roles.files?.topics[r.topic] !== undefined &&
      d.kind === "confident" &&
      (d.id === r.roles.plainWords?.id || d.id === r.roles.arrival?.id) &&
      rulesOutFileKind(r.text),
    answer: (r) => r.roles.files!.id,
  },
  // "How big file can I send?": how big asked is the limit (the question whose size told with "how" turns to the
  // ways of sending, `ifHowAsked`), though its words ("send", "big file") are those of how to send big files.
  {
    name: "size asked",
    when: (r, d) =>
      d.kind === "confident" &&
      d.id === r.roles.files?.id &&
      sizeQuestion(r) !== undefined &&
      mentionsAny(r.text, SIZE_ASKED),
    answer: (r) => sizeQuestion(r)!.id,
  },
  // 「相手のメールボックスがパンパンってこと？」: the diagnosis said again and asked whether so is it in plain words.
  // Not where it leads to a guess about the user's own device, read as whether it is infected (「止められたってことは、
  // 私のPCが感染してるの？」 after "the sending server is blocked"): the guess is what is asked, as in
  // "meaning asked" below (round 43, family43c). The device scan runs only when the rule would otherwise apply and the
  // decision is that question.
  {
    name: "diagnosis said again",
    when: (r, d) => {
      const gist = r.saysGist * THRESHOLDS.contextBoost;
      const score = topScore(d);
      return (
        r.roles.plainWords !== undefined &&
        !r.advice &&
        gist >= THRESHOLDS.confident &&
        !(
          d.kind === "confident" &&
          (((question(r, d.id)?.topics[r.topic!] !== undefined || score >= THRESHOLDS.overGist) &&
            score >= Math.max(THRESHOLDS.confident, gist)) ||
            arrivalAsked(r, d.id, score))
        ) &&
        !(d.kind === "confident" && d.id === r.roles.side?.ifDeviceNamed && once(r, namesOwnDevice))
      );
    },
    answer: (r) => r.roles.plainWords!.id,
  },
  // 「PDFにしたら通る？」: what comes of something done asks the frame's question (resend, wait), not the condition's.
  {
    name: "outcome asked",
    when: (r, d) => {
      if (r.framed === undefined || r.topic === null) return false;
      const asked = d.kind === "confident" ? question(r, d.id) : undefined;
      const ownSide = ownSideAsked(r);
      // Kept: one of the frame's questions already (which of resend and wait, the words tell), or a question of
      // the diagnosis's own clearly asked (`sure`) (「zipにしたら送れますか」 after "too big": how to make it
      // smaller).
      const kept =
        asked !== undefined &&
        (asked.asksOutcome !== undefined ? !ownSide : r.own.has(asked.id) && topScore(d) >= THRESHOLDS.sure);
      return outcomeMeant(r) !== undefined && !kept;
    },
    answer: (r) => outcomeMeant(r)!.id,
  },
  // "so she got it or not?" "does that mean they got it or not": whether the mail got there asked outright (a word
  // of getting before "or not") is the arrival question, though the words also say the diagnosis again or name "the
  // person" (read as asking for one).
  {
    name: "whether it got there",
    when: (r, d) => {
      if (r.topic === null || r.roles.arrival === undefined) return false;
      // Only over a reading of no content question of its own: nothing, the diagnosis in plain words, a pleasantry
      // ("got it") or an act ("the person" read as asking for one). "did the other two get it or not" is asked of
      // the others, "will it reach or not" of waiting: their questions stand.
      const read = d.kind === "confident" ? question(r, d.id) : undefined;
      const contentless =
        read === undefined ||
        read.id === r.roles.plainWords?.id ||
        read.courtesy === true ||
        read.does !== undefined;
      return contentless && once(r, asksWhetherGot);
    },
    answer: (r) => r.roles.arrival!.id,
  },
  // 「これ結局届くの？」 after "still trying": whether it will arrive asks what waiting brings, not whether it has.
  {
    name: "later arrival",
    when: (r, d) =>
      r.topic !== null &&
      r.roles.wait?.topics[r.topic] !== undefined &&
      !stepsNotWaiting(r, r.topic) &&
      d.kind === "confident" &&
      d.id === r.roles.arrival?.id &&
      asksLaterArrival(r.text),
    answer: (r) => r.roles.wait!.id,
  },
  // 「何回くらい再送してくれるの」 after "still trying": the server's retries are waiting, not sending again.
  {
    name: "retries for the user",
    when: (r, d) =>
      r.topic !== null &&
      waitsAsStep(r, r.topic) &&
      d.kind === "confident" &&
      d.id === r.roles.resend?.id &&
      retriesForUser(r.text),
    answer: (r) => r.roles.wait!.id,
  },
  // 「もう一度送っても同じことになる？」 "if I just send it again will it bounce the same way?": what one more try brings,
  // asked before it, is whether to send again (resend's answer for the diagnosis says when and after what), though
  // its words (送っても, 同じ, bounce) are those of a failure told over and over (round 44, family44c: dev blocks of
  // two writers and a blind pool). A count of tries or a try told as done keeps keeps-failing.
  {
    name: "one more try asked",
    when: (r, d) =>
      r.topic !== null &&
      d.kind === "confident" &&
      d.id === KEEPS_FAILING &&
      r.roles.resend?.topics[r.topic] !== undefined &&
      once(r, asksOneMoreTry),
    answer: (r) => r.roles.resend!.id,
  },
  // 「私のメールボックスがいっぱいなの？」「相手の？私の？」: the user's own side, or both as a choice, asks whose side.
  {
    name: "own side named",
    when: (r, d) => {
      if (!sideAskable(r, d)) return false;
      const side = once(r, sideAsked);
      return ((side === "own" || side === "both") && d.id === r.roles.plainWords!.id) || once(r, choosesSide);
    },
    answer: (r) => r.roles.side!.id,
  },
  // 「ブロックされてるのはso-netのサーバー？私個人？」: the provider's side or the user's own, offered as a choice, asks
  // whose side it is, however weakly its words match any question (sides.ts choosesProviderOrOwn).
  {
    name: "provider or own chosen",
    when: (r) =>
      r.topic !== null && r.roles.side?.topics[r.topic] !== undefined && once(r, choosesProviderOrOwn),
    answer: (r) => r.roles.side!.id,
  },
  // 「相手のメールボックスがいっぱいってこと？」: the other side and the diagnosis said again, no fault asked: plain words.
  {
    name: "other side said again",
    when: (r, d) =>
      sideAskable(r, d) &&
      once(r, sideAsked) === "other" &&
      !once(r, choosesSide) &&
      d.id === r.roles.side!.id &&
      topScore(d) < THRESHOLDS.sure &&
      r.saysGist * THRESHOLDS.contextBoost >= THRESHOLDS.confident &&
      !namesFault(r.text),
    answer: (r) => r.roles.plainWords!.id,
  },
  // 「なんで相手のアカウントが止まるの」「なんで相手のサーバーが調子悪いの」: the diagnosis said again and asked why is
  // its cause asked (the reason question's answer for it), not the diagnosis in plain words or whose side it is;
  // a cause named instead (「相手のせいなの？」) is not (frames.ts namesCause), nor the user named as the one it
  // happens to (「なんで私がブロックされてるの？」: whose side). Nor, asked why, is it whether or when the mail
  // arrives (「なぜ遅れているのでしょうか」 "why would their account get suspended?": their words of arriving and
  // of the account read as did-it-arrive and wait); a why of its not having come yet (「なんでまだ届いてないの」) still
  // asks whether it arrived.
  {
    name: "why of the diagnosis said again",
    when: (r, d) =>
      r.topic !== null &&
      r.roles.reason?.topics[r.topic] !== undefined &&
      d.kind === "confident" &&
      (d.id === r.roles.plainWords?.id ||
        d.id === r.roles.side?.id ||
        d.id === r.roles.wait?.id ||
        d.id === r.roles.arrival?.id) &&
      asksWhy(sentencesOf(r.text).at(-1) ?? "") &&
      !once(r, namesCause) &&
      !once(r, namesUser) &&
      ((d.id !== r.roles.wait?.id && d.id !== r.roles.arrival?.id) || !negates(r.text, r.roles.table)),
    answer: (r) => r.roles.reason!.id,
  },
  // "does it mean the person closed the account?", "what is the meaning of disabled account?": what the diagnosis
  // means asked, naming no side of the user's and no fault, is it in plain words, though its words ("account",
  // "my mail") match whose side it is; "so it means it's my fault?" still asks whose side.
  {
    name: "meaning asked, no side",
    when: (r, d) =>
      sideAskable(r, d) && d.id === r.roles.side!.id && mentionsAny(r.text, MEANING_EN) && !sideOrFault(r),
    answer: (r) => r.roles.plainWords!.id,
  },
  // "why their side say my mail is spam?": why the other side did it is the diagnosis's cause asked (the reason
  // question), not whose side it is, unless a fault or the user's own side is named (「なんで私のせいなの」).
  {
    name: "why asked, no side",
    when: (r, d) =>
      sideAskable(r, d) &&
      d.id === r.roles.side!.id &&
      r.roles.reason?.topics[r.topic!] !== undefined &&
      asksWhy(sentencesOf(r.text).at(-1) ?? r.text) &&
      !sideOrFault(r),
    answer: (r) => r.roles.reason!.id,
  },
  // "why would their account get suspended?" "why won't my server send it?" "Why it is returning? I did not change
  // anything": an English question that opens with why asks the cause of the diagnosis on screen (the reason
  // question's answer for it), though its words ("suspended", "won't send", "returning") matched whether to wait,
  // whether it once worked or whose side it is, none of which answers a why. Not where a time it worked is told
  // ("why now? it worked last week": it used to work), nor a side or a fault named.
  {
    name: "why opens the question",
    when: (r, d) => {
      if (r.topic === null || d.kind !== "confident" || r.roles.reason?.topics[r.topic] === undefined)
        return false;
      const read = question(r, d.id);
      if (read === undefined || !OPENING_WHY_OVER.has(read.id)) return false;
      if (ARRIVAL_WHY_KEPT.has(read.id) && NOTHING_FAILED.has(r.topic)) return false;
      const t = folded(r.text, MAX_QUESTION_CHARS);
      if (!t.includes("why") && !t.includes("how come")) return false;
      if (read.id === USED_TO_WORK && includesAny(t, WORKED_BEFORE)) return false;
      return opensWithWhy(lastAsking(t)) && !namesCause(r.text) && !sideOrFault(r);
    },
    answer: (r) => r.roles.reason!.id,
  },
  // 「いっぱいなのって、うちの方？」: a side named at the end as the one meant asks whose side it is.
  {
    name: "side named last",
    when: (r, d) =>
      r.topic !== null &&
      r.roles.side?.topics[r.topic] !== undefined &&
      once(r, isQuestion) &&
      endsWithSide(r.text) &&
      !(d.kind === "confident" && r.own.has(d.id) && topScore(d) >= THRESHOLDS.sure),
    answer: (r) => r.roles.side!.id,
  },
  // 「向こうのサーバーが壊れてるの？」「…誤検知ってことはない？」: a side guessed at fault, asked, is whose side.
  {
    name: "side guessed at fault",
    when: (r, d) => {
      const guessed = d.kind === "confident" ? d.id : undefined;
      return (
        r.topic !== null &&
        r.roles.side?.topics[r.topic] !== undefined &&
        guessed !== r.roles.side.id &&
        (guessed === undefined ||
          guessed === r.roles.plainWords?.id ||
          !r.own.has(guessed) ||
          topScore(d) < THRESHOLDS.sure ||
          namesMistake(r.text)) &&
        once(r, isQuestion) &&
        guessesSide(r.text)
      );
    },
    answer: (r) => r.roles.side!.id,
  },
  // 「昨日まで送れてたのに。私の設定のせいなの？」: a story told, then whose fault asked last, is whose side.
  {
    name: "fault asked after a story",
    when: (r, d) => {
      const story = d.kind === "confident" ? question(r, d.id) : undefined;
      if (r.topic === null || story?.statement !== true || r.roles.side?.topics[r.topic] === undefined)
        return false;
      const lastPiece = sentencePieces(r.text).at(-1) ?? r.text;
      return (
        lastPiece !== r.text &&
        isQuestion(lastPiece) &&
        namesFault(lastPiece) &&
        sideNamed(lastPiece) !== undefined
      );
    },
    answer: (r) => r.roles.side!.id,
  },
  // 「うちのPCのせい？」 after "virus found": the user's own device blamed asks whether it is infected (`ifDeviceNamed`),
  // where that question answers the diagnosis on screen; elsewhere ("server trouble") it stays whose side.
  {
    name: "own device blamed",
    when: (r, d) => {
      const meant = question(r, r.roles.side?.ifDeviceNamed);
      if (r.topic === null || meant === undefined || meant.topics[r.topic] === undefined) return false;
      if (d.kind !== "confident" || d.id === meant.id || SERVER_REFUSED.has(r.topic)) return false;
      const blamed = d.id === r.roles.side!.id || (namesFault(r.text) && once(r, isQuestion));
      return blamed && once(r, namesOwnDevice);
    },
    answer: (r) => r.roles.side!.ifDeviceNamed!,
  },
  // 「パソコンがウイルスにかかってないかどうやって調べれば」 "how do I check if my pc has a virus": how to find out
  // asked is the way to check (`ifCheckAsked`: the scan steps), though the words are those of "am I infected?".
  // Not the account taken over (「乗っ取られてないか調べる方法」): the question's own answer tells that check (the
  // Sent folder). The scan runs only when such a question was read.
  {
    name: "how to check asked",
    when: (r, d) => {
      if (d.kind !== "confident") return false;
      if (question(r, d.id)?.ifCheckAsked === undefined) return false;
      const t = folded(r.text, MAX_QUESTION_CHARS);
      return findsOut(t, r.roles.findOut) && !includesAny(t, TAKEN_OVER);
    },
    answer: (r, d) => question(r, confidentId(d))!.ifCheckAsked!,
  },
  // 「自分でできることは？」「何もしなくていい？」: what the user can or need do is the steps (or wait), not whose side.
  {
    name: "own action asked",
    when: (r, d) => r.topic !== null && r.roles.steps !== undefined && actionMeant(r, d) !== undefined,
    answer: (r, d) => actionMeant(r, d)!.id,
  },
  // 「放っておいていいのかな」 where nothing failed and nothing is retried: the steps ("no need to resend"), not wait.
  {
    name: "leaving it alone",
    when: (r, d) =>
      r.topic !== null &&
      r.roles.steps !== undefined &&
      stepsNotWaiting(r, r.topic) &&
      d.kind === "confident" &&
      d.id === r.roles.wait?.id &&
      leftAlone(r.text),
    answer: (r) => r.roles.steps!.id,
  },
  // 「無視していい？」「ほっといて平気？」 "can I just ignore it?": leaving the mail on screen alone asks what is
  // needed of the user, decided once for every diagnosis (round 35): the steps (nothing to resend; delete it unopened
  // and check the account; what to fix), or wait's answer where the server is still trying ("still trying": leave it,
  // a last notice comes if it fails). Not whether the mail is dangerous, unless opening, clicking or deleting it is
  // named (「無視して削除していい？開かずに消したい」: safe-to-open). Two plain scans, after the decision's id.
  {
    name: "leaving it alone, not its safety",
    when: (r, d) =>
      r.topic !== null &&
      r.roles.steps !== undefined &&
      d.kind === "confident" &&
      (d.id === SAFE_TO_OPEN_QUESTION || d.id === r.roles.steps.id) &&
      leftAlone(r.text) &&
      !includesAny(folded(r.text, MAX_QUESTION_CHARS), HANDLING_MAIL) &&
      leftAloneMeant(r, r.topic) !== d.id,
    answer: (r) => leftAloneMeant(r, r.topic!),
  },
  // 「返事しなきゃだめ？」 after an automatic reply: whether it must be answered is what is needed of the user, the
  // steps (nothing to resend, its contact or return date), not whether it is safe to open (「はい」 there would
  // read as "yes, answer it").
  {
    name: "answering it asked",
    when: (r, d) =>
      r.topic !== null &&
      r.roles.steps !== undefined &&
      stepsNotWaiting(r, r.topic) &&
      d.kind === "confident" &&
      d.id !== r.roles.steps.id &&
      once(r, isQuestion) &&
      once(r, asksReplyNeeded),
    answer: (r) => r.roles.steps!.id,
  },
  // 「さっき言ってたフィルターって何のこと？」: the advice pointed back at, and a part of it named that a question of
  // the diagnosis answers by itself, is that question (the pointing back is plain-words' own words).
  {
    name: "part of the advice pointed back at",
    when: (r, d) => {
      if (r.topic === null || r.roles.plainWords === undefined) return false;
      if (d.kind === "confident" && d.id !== r.roles.plainWords.id) return false;
      return pointedBackRead(r) !== undefined;
    },
    answer: (r) => pointedBackRead(r)!,
    last: true,
  },
  // 「ドメインって言葉がわからない」 on a diagnosis: a word a question knows by itself is that question, what it means.
  {
    name: "term a question knows",
    when: (r) => {
      if (r.topic === null) return false;
      const alone = termRead(r, null);
      return (
        alone?.kind === "confident" &&
        topScore(alone) >= THRESHOLDS.termKnown &&
        answers(r, alone.id) &&
        answerable(question(r, alone.id)!, r.topic)
      );
    },
    answer: (r) => confidentId(termRead(r, null)),
    last: true,
  },
  // 「パスワードが違うってこと？」 on a diagnosis it does not fit: what it means is this diagnosis in plain words. Not a
  // guess about the user's own device read as whether it is infected (「ブロックって、私のPCがウイルスにかかってるから
  // ってこと？」 after "the sending server is blocked"): its general answer holds for every diagnosis, and the PC named
  // is what is asked (round 43, family43c: misses of blind writers of three pools and of two dev blocks, read as plain
  // words or as the classifier's "virus found").
  {
    name: "meaning asked",
    when: (r, d) => {
      // The question decided on, which may lead the candidates that fit the diagnosis offered beside it.
      const chosen = d.kind === "confident" ? d.id : d.candidates[0]?.id;
      return (
        r.topic !== null &&
        r.roles.plainWords !== undefined &&
        d.kind !== "none" &&
        chosen !== undefined &&
        !r.advice &&
        !r.fitting.has(chosen) &&
        Object.keys(question(r, chosen)?.topics ?? {}).length > 0 &&
        asksMeaning(r.text) &&
        !(chosen === r.roles.side?.ifDeviceNamed && once(r, namesOwnDevice))
      );
    },
    answer: (r) => r.roles.plainWords!.id,
    last: true,
  },
  // 「SPFってなに」 on a diagnosis: a word no question knows is a word of the advice on screen: plain words.
  {
    name: "term no question knows",
    when: (r, d) => {
      const top = d.candidates[0];
      if (r.topic === null || r.roles.plainWords === undefined) return false;
      if (top && question(r, top.id)?.topics[r.topic] !== undefined) return false;
      // Known to no question: understood as nothing, or only weakly (below `confident`).
      const known = termRead(r, r.topic);
      return known !== undefined && (known.kind !== "confident" || topScore(known) < THRESHOLDS.confident);
    },
    answer: (r) => r.roles.plainWords!.id,
    last: true,
  },
  // 「DNSって何？」「IMAPとPOPって何が違うの？」 cold: a word no question knows, asked what it means, is nothing
  // of ours: the short answer that says what the assistant explains, not the question whose frame matched
  // ("what is a returned mail?"). A number asked about (「550って何？」) is a bounce's code: left to the rest;
  // an act matched (「ひととはなしたい」: no 「…とは」) is no question about a word.
  {
    name: "term no question knows, cold",
    when: (r, d) => {
      if (r.topic !== null || d.kind === "none" || !answers(r, d.candidates[0]?.id)) return false;
      const term = termAskedAbout(r.text);
      if (term === undefined || /[0-9]/.test(term) || DEMONSTRATIVES.some((w) => term.startsWith(w)))
        return false;
      // Understood as nothing read alone: no question holds the word (a weak match is a word of ours misspelt).
      return termRead(r, null)?.kind === "none";
    },
    answer: () => NOTHING,
    last: true,
  },
  // 「会員じゃなくても使える？」 is no "useless": an act matched weakly in a longer text, not in its own words, is none.
  {
    name: "act in a longer text",
    when: (r, d) => {
      const act = d.kind === "confident" ? question(r, d.id) : undefined;
      return (
        act !== undefined &&
        (act.courtesy || act.does === "not-helpful" || act.does === "restart") &&
        topScore(d) < THRESHOLDS.sure &&
        canonicalLength(r.text.slice(0, MAX_QUESTION_CHARS), r.roles.table) > MAX_ACT_CHARS &&
        !saidInOwnWords(act, topScore(d), r.text) &&
        !openedOrClosedBy(act.id, r.text, r.topic, r.roles.understand)
      );
    },
    answer: () => NOTHING,
    last: true,
  },
];

/** 「このLINEって何…」 asks about the thing at hand (this chat), not a word. */
const DEMONSTRATIVES = ["この", "その", "あの", "これ", "それ", "ここ"];

/**
 * Whether the rules (OVERRIDES) give question `q` only where it is a candidate of the reading scoring at least
 * THRESHOLDS.candidate: it is no role, no other question points to it, it asks no outcome, and it does not `answer`
 * (an act or a pleasantry, which the rules reading another text pass over).
 */
export function givenOnlyAsCandidate(roles: Roles, q: Question): boolean {
  const { plainWords, side, steps, wait, arrival, resend, files, size, reason } = roles;
  if ([plainWords, side, steps, wait, arrival, resend, files, size, reason].includes(q)) return false;
  if (q.asksOutcome !== undefined || (q.does === undefined && !q.courtesy)) return false;
  for (const other of roles.bank.questions.values())
    if ([other.ifWhyAsked, other.ifCheckAsked, other.ifDeviceNamed, other.ifHowAsked].includes(q.id))
      return false;
  return true;
}

/** The decision after the rules (OVERRIDES), read in order; the candidates stay those of the index. */
export function applyOverrides(r: Reading, decided: Understanding): Understanding {
  let out = decided;
  for (const rule of OVERRIDES) {
    if (!rule.when(r, out)) continue;
    const id = rule.answer(r, out);
    out =
      id === NOTHING
        ? { kind: "none", candidates: decided.candidates }
        : { kind: "confident", id, candidates: decided.candidates };
    if (rule.last) return out;
  }
  return out;
}

const question = (r: Reading, id: string | undefined) => r.roles.bank.questions.get(id ?? "");

/**
 * A candidate whose why goes to the question decided (`ifWhyAsked`), but not after the thing it is about is named
 * (`whyKeptAfter`), and the text names it before its why: that candidate (rule "the one mail denied, then why").
 */
function kept(r: Reading, d: Understanding): string | undefined {
  if (d.kind !== "confident") return undefined;
  for (const c of d.candidates) {
    if (c.id === d.id || c.score < THRESHOLDS.candidate) continue;
    const q = question(r, c.id);
    if (q?.ifWhyAsked === d.id && q.whyKeptAfter !== undefined && namedBeforeWhy(r.text, q.whyKeptAfter))
      return c.id;
  }
  return undefined;
}
const topScore = (u: Understanding) => u.candidates[0]?.score ?? 0;
const confidentId = (u: Understanding | undefined) => (u?.kind === "confident" ? u.id : "");

/** A question that answers (no act, no pleasantry): 「にんげんとはなさせて」 is no 「…とは」. */
function answers(r: Reading, id: string | undefined): boolean {
  const q = question(r, id);
  return q !== undefined && q.does === undefined && !q.courtesy;
}

/** The word the text asks the meaning of (frames.ts termAskedAbout), read alone with `onScreen` on screen. */
function termRead(r: Reading, onScreen: TopicId | null): Understanding | undefined {
  if (r.termReads === undefined) r.termReads = new Map();
  const termReads = r.termReads;
  if (termReads.has(onScreen)) return termReads.get(onScreen);
  const term = termAskedAbout(r.text);
  const read = term === undefined ? undefined : r.roles.understand(term, onScreen);
  termReads.set(onScreen, read);
  return read;
}

/**
 * The question the part of the advice pointed back at asks (referred.ts), read without the pointing back: one
 * with an answer of its own for the diagnosis on screen, read confidently; else undefined. Worked out once.
 */
function pointedBackRead(r: Reading): string | undefined {
  const reads = readsOf(r);
  if (reads.has(withoutPointingBack)) return reads.get(withoutPointingBack) as string | undefined;
  const rest = withoutPointingBack(r.text);
  const read = rest === undefined || r.topic === null ? undefined : r.roles.understand(rest, r.topic);
  const id =
    read?.kind === "confident" &&
    read.id !== r.roles.plainWords?.id &&
    answers(r, read.id) &&
    question(r, read.id)?.topics[r.topic!] !== undefined &&
    topScore(read) >= THRESHOLDS.confident
      ? read.id
      : undefined;
  reads.set(withoutPointingBack, id);
  return id;
}

/** What the rules have read of the text so far (made when first asked). */
function readsOf(r: Reading): Map<(text: string) => unknown, unknown> {
  if (r.reads === undefined) r.reads = new Map();
  return r.reads;
}

/**
 * `read(r.text)`, worked out once per reading: several rules ask the same of the text (whose side it asks
 * about, whether it offers a choice of sides, whether it asks), and each read is a scan of it.
 */
function once<T>(r: Reading, read: (text: string) => T): T {
  const reads = readsOf(r);
  if (reads.has(read)) return reads.get(read) as T;
  const value = read(r.text);
  reads.set(read, value);
  return value;
}

/** What leaving the mail alone asks (rule "leaving it alone, not its safety"): wait where waiting is the step, else the steps. */
function leftAloneMeant(r: Reading, topic: TopicId): string {
  return NOTHING_FAILED.has(topic) && waitsAsStep(r, topic) ? r.roles.wait!.id : r.roles.steps!.id;
}
/** Handling the returned mail itself named (opened, clicked, deleted): whether that is safe is asked. */
const HANDLING_MAIL = [
  "開",
  "ひら",
  "あけ",
  "削除",
  "消",
  "けし",
  "けす",
  "捨て",
  "すて",
  "ゴミ箱",
  "ごみ箱",
  "クリック",
  "押",
  "リンク",
  "添付",
  "open",
  "click",
  "delete",
  "trash",
  "remove",
  "link",
  "attachment",
];

/** Where waiting is the diagnosis's own step (wait answers with its follow-up: "still trying"'s how long). */
function waitsAsStep(r: Reading, topic: TopicId): boolean {
  const waiting = r.roles.wait?.topics[topic];
  return waiting !== undefined && "followUp" in waiting;
}

/**
 * Where nothing of the user's failed and waiting is no step of the diagnosis (an automatic reply, returned mail
 * for mail never sent: wait's answer there is "nothing to wait for"), "do I need to do anything?" and "can I
 * leave it?" ask for its steps.
 */
function stepsNotWaiting(r: Reading, topic: TopicId): boolean {
  return NOTHING_FAILED.has(topic) && !waitsAsStep(r, topic);
}

/** 「うちの容量を増やせば送れる？」: a condition on the user's own side asks whether the fix is theirs. */
function ownSideAsked(r: Reading): boolean {
  return once(r, sideAsked) === "own" && r.roles.side?.topics[r.topic!] !== undefined;
}

/** The question an outcome asked is (rule "outcome asked"): whose side on the user's own side, else the frame's. */
function outcomeMeant(r: Reading): Question | undefined {
  return ownSideAsked(r) ? r.roles.side : r.framed;
}

/**
 * Whether a text asks about the user's own side, a choice of sides, a fault or what the user must do: then whose
 * side it is may well be what it asks ("is it my fault?", "is it my side or theirs?", "do I have to do anything?").
 */
function sideOrFault(r: Reading): boolean {
  const side = once(r, sideAsked);
  return (
    side === "own" ||
    side === "both" ||
    once(r, choosesSide) ||
    namesBroken(r.text) ||
    actionAsked(r.text) !== undefined
  );
}
/**
 * "Mean" asked in English ("does it mean…", "what is the meaning of…"): what the words say. 「相手の上限が小さいって
 * こと？」 guesses a cause on the other side: whose side it is.
 */
const MEANING_EN = ["mean"];

/**
 * "So the mail never reached him?": whether it arrived, asked clearly (`sure`), though its words say the diagnosis
 * again: the arrival question answers it (no, and what then; still on its way; nothing failed).
 */
function arrivalAsked(r: Reading, id: string, score: number): boolean {
  return id === r.roles.arrival?.id && score >= THRESHOLDS.sure;
}

/** The limit's question (the one whose size told with "how" is how to send big files), answerable on screen. */
function sizeQuestion(r: Reading): Question | undefined {
  const size = r.roles.size;
  return size !== undefined && answerable(size, r.topic) ? size : undefined;
}
/** How big asked, in so many words ("how big", 「どのくらいの大きさ」): the size is what is asked, not a way. */
const SIZE_ASKED = [
  "how big",
  "how large",
  "how heavy",
  "what size",
  "どのくらいの大きさ",
  "どれくらいの大きさ",
];

/** Whether a side asked about may change the decision: a confident one, where the side question answers. */
function sideAskable(r: Reading, d: Understanding): d is Extract<Understanding, { kind: "confident" }> {
  return (
    r.topic !== null &&
    r.roles.plainWords !== undefined &&
    r.roles.side?.topics[r.topic] !== undefined &&
    d.kind === "confident"
  );
}

/** The question an action asked about means (rule "own action asked"), or undefined. */
function actionMeant(r: Reading, d: Understanding): Question | undefined {
  const { side, steps, wait } = r.roles;
  const topic = r.topic!;
  const action =
    d.kind === "confident" &&
    (d.id === side?.id || (question(r, d.id)?.asksHelp === true && ownActionAsked(r.text)))
      ? actionAsked(r.text, NOTHING_FAILED.has(topic))
      : undefined;
  if (action === undefined || once(r, choosesSide)) return undefined;
  if (action === "can" || stepsNotWaiting(r, topic)) return steps;
  return wait?.topics[topic] ? wait : undefined;
}

/** An acknowledgement, greeting or thanks matched below `sure` is at most this long (canonical letters). */
const MAX_ACT_CHARS = 10;

/**
 * 「このボットほんと役に立たないな」「別の件の相談に移りたい」: "that didn't help" and "start over" are told,
 * in words of one's own, so they match their examples less than an acknowledgement does; told (no question
 * mark) and matched this much, they are meant. 「会員じゃなくても使える？」 asks something else.
 */
const ACT_TOLD = 0.28;
function saidInOwnWords(act: Question, score: number, text: string): boolean {
  // 「いろいろ教えてくれて感謝です」: a courtesy said with a word of thanks itself, asking nothing, is thanks.
  if (act.courtesy && !hasQuestionMark(text)) return includesAny(folded(text), THANKING);
  if (act.does !== "not-helpful" && act.does !== "restart") return false;
  if (score < ACT_TOLD || hasQuestionMark(text)) return false;
  // Starting over is said of the talk itself (「別のメールの話がしたい」), not of a mail or address
  // (「別のアドレスから送りたい」 asks how).
  const t = folded(text);
  return act.does === "not-helpful" || includesAny(t, TALK_WORDS);
}
/** Words that thank in themselves (not 「どうも」, also a greeting). */
const THANKING = ["ありがと", "感謝", "お礼", "thank"];
/** Words for the conversation itself: its subject, a question, starting it again. */
const TALK_WORDS = [
  "話",
  "質問",
  "相談",
  "件",
  "最初",
  "はじめ",
  "やり直",
  "やりなお",
  "topic",
  "subject",
  "start",
];

/**
 * 「了解です。言われたとおりにやってみて、またきます」: a message whose first or last sentence is, alone and
 * short, the same act (an acknowledgement, thanks, greeting or goodbye) is that act; the other sentences
 * tell what the user will do (a question among them is read by interpret.ts, beyondPleasantries).
 */
function openedOrClosedBy(
  id: string,
  text: string,
  topic: TopicId | null,
  understand: (text: string, topic: TopicId | null) => Understanding,
): boolean {
  // Pieces between commas too (「ありがとう、Thunderbirdの設定見直してみます」「了解、今日はこのへんで」).
  let sentences = sentencesOf(text.slice(0, MAX_QUESTION_CHARS), "dropped");
  if (sentences.length < 2) sentences = sentencePieces(text.slice(0, MAX_QUESTION_CHARS));
  if (sentences.length < 2) return false;
  return [sentences[0]!, sentences[sentences.length - 1]!].some((s) => {
    const u = understand(s, topic);
    return u.kind === "confident" && u.id === id;
  });
}

/**
 * Diagnoses where the recipient's address itself takes no mail any more (a disabled account): 「もうこの人には届かな
 * いってこと？」 there says the diagnosis again (plain words), not what waiting brings for one mail.
 */
const ADDRESS_GONE: ReadonlySet<TopicId> = new Set<TopicId>(["account-suspended"]);

/**
 * Round 44 (family44c): diagnoses where what was refused is the server that sent the mail, never the user's device:
 * the device blamed there (「ブロックされたのは私のパソコンのせい？」 "is the block on So-net's side or on my PC?") asks
 * whose side it is, whose answer says it is not theirs; what the PC is doing, asked, stays "am I infected?".
 */
const SERVER_REFUSED: ReadonlySet<TopicId> = new Set<TopicId>(["sender-blocklisted"]);

/**
 * Diagnoses where no mail of the user's failed (yet): still being retried, an automatic reply, returned mail
 * for mail they never sent. Questions answer them apart from the failures.
 */
export const NOTHING_FAILED: ReadonlySet<TopicId> = new Set<TopicId>([
  "delayed",
  "not-a-bounce",
  "backscatter",
]);

/**
 * Whether a sentence asks why with more words than the why ("why did the address not exist?", not 「なんで？」), and
 * asks it, not exclaims it: 「なんでアドレス間違ってるってなるの！？」 is indignation at what is said, the question of
 * what is said still (the cause is no answer to it).
 */
function whyWithWhatIsSaid(text: string): boolean {
  if (text.includes("!") || text.includes("！")) return false;
  return sentencesOf(text).some((s) => asksWhy(s) && !asksOnlyWhy(s));
}

/**
 * The questions an opening why turns to the cause: none of them answers a why (rule "why opens the question").
 * "why can't she receive it?" "how come my boss never got it?": the recipient named with a word of receiving
 * reads as mail not coming in (cannot-receive) or whether it arrived; after a failure, its why is the cause. Not
 * after a diagnosis where nothing failed (ARRIVAL_WHY_KEPT): there, why it has not come yet is still whether it did.
 */
const USED_TO_WORK = "used-to-work";
/** A failure told over and over (rule "one more try asked"). */
const KEEPS_FAILING = "keeps-failing";
const OPENING_WHY_OVER: ReadonlySet<string> = new Set([
  "wait",
  "whose-side",
  USED_TO_WORK,
  "cannot-receive",
  "did-it-arrive",
]);
const ARRIVAL_WHY_KEPT: ReadonlySet<string> = new Set(["cannot-receive", "did-it-arrive"]);
/** A time it worked told ("it worked last week", "until yesterday"): why it stopped is whether it used to work. */
const WORKED_BEFORE = ["worked", "used to", "until", "before", "yesterday", "last ", "always"];
/** Words that may stand before the why ("but why…", "so how come…", "sir why…"). */
const BEFORE_WHY: ReadonlySet<string> = new Set([
  "but",
  "so",
  "and",
  "then",
  "ok",
  "okay",
  "hmm",
  "sir",
  "please",
  "madam",
]);

/** The last sentence that asks (a question mark or a question's shape), else the last sentence. */
function lastAsking(text: string): string {
  const sentences = sentencesOf(text);
  return sentences.findLast((s) => isQuestion(s)) ?? sentences.at(-1) ?? text;
}

/**
 * Whether a clause of a sentence opens, after a few openers, with "why" or "how come". A hand scan of its words.
 * Clauses, not the sentence: an English sentence runs on past a full stop or a comma ("gracias. but why can't he
 * receive it?", "ok thanks, how come it failed?"), where the why still opens what is asked.
 */
function opensWithWhy(sentence: string): boolean {
  return sentence.split(/[.,;]/).some((clause) => {
    const words = clause.split(/[^a-z']+/).filter((w) => w !== "");
    let i = 0;
    while (i < words.length && BEFORE_WHY.has(words[i]!)) i++;
    return words[i] === "why" || (words[i] === "how" && words[i + 1] === "come");
  });
}

/**
 * Round 44 (family44c): how to find out asked (ui.yaml typedWords howToFindOut: 「どうやって調べれば」「確かめる方法」
 * "how to check"), or where or how (typedWords wayWords; not 「どうして」 why, nor 「どう見ても」 plainly) followed within
 * FIND_OUT_WINDOW letters by a verb of finding out (typedWords findingOut; dialogs/text.ts followedWithin): 「どこみれば
 * わかる？」「どこを見れば…確かめられる？」 "how i can check it", "where can I look it up?", the forms people type (a
 * potential, learner word order, a second question after "so the address is wrong?"); dev blocks of two writers and
 * a blind pool read them as the question checked (wrong address). The words are data, loaded once with the ui.
 */
function findsOut(t: string, words: FindOutWords | undefined): boolean {
  return (
    words !== undefined &&
    (includesAny(t, words.howToFindOut) ||
      followedWithin(t, words.wayWords, FIND_OUT_WINDOW, words.findingOut))
  );
}
/** Letters after the where or how that the verb may stand within (「どこを見比べれば」, "how i can check"). */
const FIND_OUT_WINDOW = 12;
/** The account taken over, what the check is for (「乗っ取られてないか」 "hacked"): the question's own answer says how. */
const TAKEN_OVER = ["乗っ取", "のっと", "アカウント", "あかうんと", "hack", "account"];
