import { fold, nfkc } from "../../knowledge/fold.ts";
import { answersEveryTopic, type Question, REASON_QUESTION } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import type { DialogEvent, Feeling } from "../events.ts";
import { endsWithQuestionMark, QUESTION_MARK_SET } from "../marks.ts";
import { unreadPaste } from "../paste-excerpt.ts";
import { followedWithin, mentionsAny, trimEndOf, withoutWords } from "../text.ts";
import {
  asksIndirectly,
  clausesOf,
  isLament,
  isQuestion,
  MIN_TOLD_CHARS,
  sentenceAsks,
  sentencePieces,
  sentencesOf,
} from "../understand/asking.ts";
import { asksWhyMailBack } from "../understand/english-lament.ts";
import { WORD_LETTER } from "../understand/feelings/letters.ts";
import { saysSomething } from "../understand/feelings/says.ts";
import { asksWhy, asksWhyInGeneral, asksWhyOfThis, namesCause } from "../understand/frames.ts";
import { namesFault, namesUser } from "../understand/sides.ts";
import { THRESHOLDS, type Understanding } from "../understand/understand.ts";
import { butStillFails, isShortReaction } from "./acts.ts";
import {
  askedOnItsOwn,
  fitsScreen,
  GREETING_ID,
  isGreeting,
  isPleasantry,
  questionEvent,
  REQUESTED_ACTS,
  sameAnswer,
} from "./answers.ts";
import type { InterpretContext } from "./context.ts";
import { deniesReturnedMail } from "./denied-mention.ts";
import { opensWithGreeting } from "./introduced.ts";
import { asksBeyondLament, keyAnswer, movedOn } from "./key-answer.ts";
import { wanted, withSecondQuestion } from "./question.ts";
import {
  asksFor,
  asksWhatItIs,
  namesPerson,
  toldInVain,
  triedInVain,
  withoutConditions,
  withoutCounts,
} from "./scans.ts";
import { ASKED_AS_EXAMPLE, CLEAR_OVER_BOUNCE, TOLD_CLEAR, WHY_GIVES_WAY } from "./thresholds.ts";
import type { SessionView } from "./types.ts";
import { wishesToAsk } from "./wish-to-ask.ts";
import { WHAT_TO_DO, WHERE_TO_FIX } from "./words.ts";

/** What read-text.ts knows of a typed text that is no readable bounce. */
export interface TextRead {
  text: string;
  session: SessionView;
  ownWords: TopicId | undefined;
  /** Asked only when needed (see read-text.ts). */
  question: () => Question | undefined;
  understood: () => Understanding;
  feeling: Feeling | undefined;
  fromServer: boolean;
  typed: boolean;
  /** It names the diagnosis on screen (a bounce's words or a symptom): it is about that diagnosis. */
  onScreen: boolean;
  /** A why about the diagnosis on screen in words of another symptom (read-text.ts): no new diagnosis. */
  whyOfScreen: boolean;
}

/** The question answered for tries that keep failing (ui.yaml feelings.triesAnswer) that has an answer with no diagnosis. */
function triesQuestion(ctx: InterpretContext, q: Question): boolean {
  return q.noDiagnosis !== undefined && ctx.triesQuestions.has(q.id);
}

/** The likeliest reading is whose side it is (`asksSide`), and only weakly (below `sure`). */
function weakSideReading(ctx: InterpretContext, understood: Understanding): boolean {
  const [top] = understood.candidates;
  return top !== undefined && top.score < THRESHOLDS.sure && ctx.questions.get(top.id)?.asksSide === true;
}

/**
 * A specific question about the diagnosis on screen, clearly asked, is that question even where its
 * words name a symptom (「送った覚えがない」 after "refused as spam": that button's answer).
 * So is a cause guessed and asked about (「私の送った写真が重すぎたせいではないの？」 after "mailbox full"):
 * whose side it is, though its words name another symptom.
 * So is a word of the symptom asked about, by a question whose answer no diagnosis changes (「dmarcってやつ？」
 * 「SPFとかDMARCが原因なの？」 after "refused as spam": what SPF and DMARC are, not "sender not verified").
 * (Functions of the module, not closures made per text: mainEvent runs for most typed texts.)
 */
function aboutScreen(m: TextRead): boolean {
  const { session, text } = m;
  const q = session.topic ? m.question() : undefined;
  const score = m.understood().candidates[0]?.score ?? 0;
  if (q === undefined || session.topic === null) return false;
  if (termAsked(q, score, text)) return true;
  return (
    q.topics[session.topic] !== undefined &&
    (askedOnItsOwn(q, score) ||
      (q.asksSide && namesFault(text) && isQuestion(text) && score >= CLEAR_OVER_BOUNCE))
  );
}

/** Whether `q` is the question for tries that keep failing where it is not asked (mainEvent says when). */
function untoldTries(ctx: InterpretContext, m: TextRead, q: Question | undefined): boolean {
  return (
    !m.session.topic &&
    q !== undefined &&
    triesQuestion(ctx, q) &&
    (m.feeling !== undefined || !triedInVain(m.text, ctx.words))
  );
}

/**
 * "my mail came back, what do I do?", "an email I sent came back. what now": returned mail told, nothing on
 * screen, and what is asked besides it, read on its own, is what to do or being lost: the paste help that
 * starts from it (the whole text's words of returned mail drew "what is a returned mail", "no bounce came,
 * did it arrive?" or "can I unsend it?"). That paste help is also what such a message gets last (mainEvent) where
 * no other answer comes first: it is looked for only where one would (the question index is the costliest step,
 * perf38b). At most one of mainEvent's returns asks it.
 */
function pasteHelp(
  ctx: InterpretContext,
  m: TextRead,
  mention: "returned" | "not-sent" | undefined,
  besides: string,
): DialogEvent | undefined {
  return mention &&
    !m.session.topic &&
    m.typed &&
    pasteHelpBesides(ctx, besides, asksWhatItIs(m.text, ctx.words))
    ? { type: "BOUNCE_MENTIONED", about: mention }
    : undefined;
}

/**
 * What a typed text that is no readable bounce asks for, in this order: 3. the symptom in the user's
 * words (unless it is a question about the symptom on screen); 4. a question we know (a text that only
 * tells about returned mail, 「エラーメールが返ってくる」, is no question unless the question is one
 * people tell, 「相手は携帯です」); 5. a server's text we could not read (a failed paste, which counts
 * toward talking to a person); 6. the user talking about returned mail; 7. a question we are unsure
 * of; 8. nothing understood. An upset user with nothing else to say gets the next step.
 */
export function mainEvent(ctx: InterpretContext, m: TextRead): DialogEvent {
  const { text, session, ownWords, feeling } = m;
  const nextStep: DialogEvent = session.topic ? { type: "NEXT_STEPS" } : { type: "HOW_TO_PASTE" };
  // A question about the diagnosis on screen, clearly asked, is that question, not the symptom its words name.
  if (ownWords && ownWords !== session.topic && !aboutScreen(m) && !m.whyOfScreen)
    return { type: "SYMPTOM", topic: ownWords };
  // Spam received (`notBounce`) is no reading of words that name the diagnosis on screen (「迷惑メール扱い
  // とか失礼すぎない？」 after "refused as spam": the refused mail itself).
  const readFirst = m.question();
  const read = wanted(ctx, readFirst, text);
  // 「返ってきたメールに英語でなんか書いてある」: the words of "what is a returned mail", without asking what.
  // 「なぜか一部の人にだけメールが届かない」: the words of "the recipient is on a mobile", naming none.
  // A form the question read turns to (told: 「アドレス間違えてました」 → resend) needs the words of the one read.
  // With nothing on screen, the question for tries that keep failing (its answer without a diagnosis) is asked
  // only where tries are told in vain (「送ったメールがエラーで戻ってきちゃいました」 tells one returned mail), and
  // calmly: told upset (「何回送っても戻ってくる！いい加減にして」), the paste help first, as the sets of many
  // writers label it (round 38, family38b).
  const question =
    (read?.notBounce && m.onScreen) ||
    (read?.asksWhat && !asksWhatBesidesFeeling(ctx, text, feeling)) ||
    ctx.lacksNeeded(readFirst ?? read, text) ||
    untoldTries(ctx, m, read)
      ? undefined
      : read;
  const understood = m.understood();
  // 「請求書のPDFを付けただけなのに、なんでウイルス扱い？」 after "virus found": the diagnosis on screen named again
  // and asked why is its cause asked (the reason question's answer for it), not whatever its words match best
  // (am I infected?). A cause named instead (「ウイルスのせい？」) is not, nor a why followed by another question
  // (「なんで迷惑メール扱い？相手のせい？」: the last one asked is what is wanted).
  // So is a why of "this" alone (「なんでこうなるん」: frames.ts asksWhyOfThis), "this" being the diagnosis.
  // The tests of the session first: with nothing on screen (a first message, a long paste) the text is not
  // cut into sentences and clauses for a why that could not be answered (npm run bench:adversarial).
  const reason = ctx.questions.get(REASON_QUESTION);
  if (
    m.typed &&
    session.topic &&
    reason?.topics[session.topic] !== undefined &&
    question?.id !== reason.id &&
    (m.onScreen ||
      asksWhyOfThis(text) ||
      asksWhyPlainly(ctx, text, question, m.understood().candidates[0]?.score ?? 0)) &&
    asksWhy(sentencesOf(text).at(-1) ?? "") &&
    !namesCause(text)
  )
    return questionEvent(ctx, reason, session.topic);
  // 「それくらいとっくにやってる」「もう試したけどだめ」: the advice on screen was tried already. Unless a
  // specific question is asked besides, the answer moves on (key-answer.ts movedOn); never the same steps again.
  // So is a trouble told after a courtesy and a "but", asking nothing (「ありがとうございます、でもまだ届きません」).
  const stillFails = session.topic !== null && m.typed && butStillFails(ctx, text, understood, session.topic);
  if (
    session.topic &&
    m.typed &&
    (stillFails || ctx.triedOf(withoutConditions(text, ctx.words)) !== undefined)
  ) {
    // A person, "that didn't help" or a restart asked besides is what they want; being lost, only in the words
    // left without those of the try (「うまくいかないんですよね」 matches "I'm lost" only by its denial).
    const besidesTry = ctx.triedOf.strip(text);
    const asks =
      !stillFails &&
      question !== undefined &&
      !question.courtesy &&
      (question.does === undefined
        ? sentenceAsks(withoutCounts(sentencesOf(besidesTry).at(-1) ?? ""))
        : question.does !== "next-steps" &&
          (question.does !== "paste-help" || actAskedIn(ctx, besidesTry, question.id, session.topic)));
    // 「それもうやった」 "already tried that": that didn't help; 「何回送っても」 or a "but still": tries in vain.
    const again = stillFails || toldInVain(text, ctx.words);
    if (!asks) return movedOn(ctx, session.topic, feeling !== undefined, again);
  }
  // "This is so annoying, I have a deadline today", "I'm in a rush, this has to go out before 5": a feeling and a
  // story that ask nothing and name no fault or side (「so-netのせいだろ」 blames: whose side it is), whose words
  // come only weakly near whose side it is (below `sure`: the "I have" of "do I have to do anything?"), ask no
  // such question: the key answer or the steps, as a feeling told alone gets (round 28).
  if (
    feeling &&
    session.topic &&
    m.typed &&
    weakSideReading(ctx, understood) &&
    !namesFault(text) &&
    !asksBeyondLament(text)
  )
    return keyAnswer(ctx, text, session.topic) ?? nextStep;
  // 「エラーメールは来てない」: returned mail named only to say none came is no talk of one.
  const named = m.typed || !m.fromServer ? ctx.mentionOf(text) : undefined;
  const mention =
    named === "returned" && deniesReturnedMail(text, ctx.returnedOf.strip, ctx.readings) ? undefined : named;
  // 「取引先から電話があって焦ってます。エラーは何も来てないのに」「えらーめーる来てないけど届いてるかめっちゃ不安…」: with
  // nothing on screen, returned mail named only to say none came, told beside a feeling that leaves no question read:
  // what weighs is whether the mail arrived all the same, the question a text naming no returned mail means (a
  // question's `withoutBounce`: whether no returned mail means it arrived), as the same words told calmly are read
  // (round 40, family40b: rounds 19 and 21's writers and the blind sets label it so). Looked for only then.
  if (named === "returned" && mention === undefined && feeling && !session.topic && m.typed && !question) {
    const meant = noBounceMeant(ctx);
    if (meant) return questionEvent(ctx, meant, null);
  }
  // 「インスタに写真が送れない」「メルカリで購入者にメッセージが送れない」: "cannot send" told of a thing nothing of
  // ours knows (another service), naming no mail itself, nothing on screen and nothing asked of ours: about
  // that service, not returned mail (the short answer says what the assistant does, with the paste help).
  if (
    mention === "not-sent" &&
    !session.topic &&
    m.typed &&
    question === undefined &&
    !mentionsAny(text, ctx.words.mailNamed) &&
    ctx.namesElsewhere(text)
  )
    return { type: "SMALL_TALK" };
  // 「パソコンが最近やたら重い」「おすすめのスマホ教えて」: a device's own matter (a trouble, buying or changing one,
  // a few letters from the device named), naming no mail and no returned mail, with nothing on screen: the
  // device's, not returned mail (its words would read "am I infected?" or "a mobile address"; the short answer
  // says what the assistant does).
  if (
    !session.topic &&
    m.typed &&
    !mention &&
    !mentionsAny(text, ctx.words.mailNamed) &&
    devicesOwn(ctx, text)
  )
    return { type: "SMALL_TALK" };
  const besides = mention && m.typed ? ctx.mentionOf.strip(text) : "";
  const foldedBesides = ctx.mentionOf.fold(besides);
  // 「なんで届かないの😭」: a lament about returned mail, not a question of ours. With a diagnosis on
  // screen its next step; without, the paste help that starts from what they said.
  // A question asked in the very words of one of its examples (「もう届かないの？」) is that question.
  const asked = question !== undefined && (understood.candidates[0]?.score ?? 0) >= ASKED_AS_EXAMPLE;
  // A question of what something is (「エラーメールてなんですか」: its 「なんで」 is of 「なんです」) is no lament.
  // With a diagnosis on screen, a lament that asks why (「なんで届かないの😭」, not 「また戻ってきた」) asks the
  // cause of that diagnosis: the reason question's answer for it, the one place a why is answered.
  // 「なんでエラーメールって戻ってくるの」: with nothing on screen, a why of returned mail in general, no other
  // question of ours read (what a returned mail is, matched by its words, asks no why), is the usual causes with
  // the line to paste (the reason question's own answer), not the paste help alone.
  if (
    mention &&
    !session.topic &&
    m.typed &&
    reason &&
    (question === undefined ||
      question.asksWhat ||
      understood.candidates.slice(0, REASON_NEAR).some((c) => c.id === reason.id)) &&
    asksWhyInGeneral(text) &&
    !namesCause(text)
  )
    return questionEvent(ctx, reason, null);
  // 「お客さんからの予約メールが昨日から届かなくなった」: with nothing on screen, told in words of a question's class
  // (`toldAs`: mail not coming in to the user), though 「届かない」 also tells of returned mail: that question, as a
  // symptom phrase read gives way to it (read-text.ts). The classes are looked at only for such talk.
  const toldInWords = mention && !session.topic && m.typed ? ctx.toldAs(text) : undefined;
  // 「何回送り直しても戻ってきます」 "I've resent it five times and it bounces every time": with nothing on screen,
  // returned mail told calmly as coming back however often it is sent, read as the question for tries that keep
  // failing (ui.yaml feelings.triesAnswer, asked only so: above): its answer without a diagnosis (sending it again
  // unchanged cannot help; the reason is in the returned mail, to paste), not the paste help alone.
  if (mention && !session.topic && m.typed && question !== undefined && triesQuestion(ctx, question))
    return questionEvent(ctx, question, null);
  if (toldInWords) return questionEvent(ctx, toldInWords, null);
  if (mention && !asked && !question?.asksWhat && isLament(foldedBesides)) {
    if (session.topic && reason?.topics[session.topic] !== undefined && asksWhy(text))
      return questionEvent(ctx, reason, session.topic);
    return session.topic ? nextStep : { type: "BOUNCE_MENTIONED", about: mention };
  }
  // "why my email come back to me?", "how come my mail bounced?": the English lament (english-lament.ts), its
  // subject and helping verb left as words of their own (they matched "why do I get bounces for mail I never
  // sent" or "should I tell the recipient?"), is the reason asked, the one place a why is answered: with a
  // diagnosis on screen its cause, with nothing on screen (of the user's own mail) the usual causes and the line
  // to paste. Unless the question read has an answer of its own for the diagnosis on screen ("why do my mails
  // come back to me?" after mail never sent: why me). A diagnosis the reason has no cause for (a bounce not
  // understood) is said in plain words, which is all that is known of its cause.
  const why = mention && m.typed ? asksWhyMailBack(besides) : undefined;
  if (why === "own" && !session.topic && reason) return questionEvent(ctx, reason, null);
  const whyOnScreen = why && session.topic && read?.topics[session.topic] === undefined;
  const cause = whyOnScreen && reason?.topics[session.topic!] !== undefined ? reason : undefined;
  const said = whyOnScreen ? (cause ?? plainWords(ctx)) : undefined;
  if (said) return questionEvent(ctx, said, session.topic);
  // Something people tell rather than ask (「スマホのアドレスだけ届かない、Gmailには届く」), said clearly
  // in the words of the whole message, is that question too, though the message also names returned mail.
  const toldClearly =
    question?.statement === true &&
    !question.courtesy &&
    (understood.candidates[0]?.score ?? 0) >= TOLD_CLEAR;
  // 「全角とか知らないよ、どこ直せばいいの」「ウイルス！？パソコン壊れたの？どうしたらいいの」: upset, telling their
  // situation, and asking "what do I do" in the words of where or what to fix, or beside another question: the
  // key answer of the diagnosis on screen (its first step for that situation). Asked only "what do I do"
  // (「お客様に予約確認が届かない！どうしたらいいの」), the steps are what the words ask for, whose first is the key
  // action: one rule with a situation told and nothing asked (round 31; the sets' labels said so 11 to 4).
  // 「もう4回送ったけど全部戻ってくる。どうすればいい？」 "sent it three times, what now": "what do I do" after tries told
  // in vain (counted, or however often) asks past the steps on screen, which were what was tried: the diagnosis's
  // answer for tries that keep failing (ui.yaml feelings.triesAnswer), where it has one (round 36's decision).
  // Round 38 (family38b): so is a try told back in vain that asks nothing (「URLを消して送ったのにまた拒否された」
  // "took the link out like you said, still rejected"): its words, those of the advice tried, came nearer to
  // resending, large files or checking the address than to the tries themselves.
  const triesMeant =
    session.topic &&
    (question?.does === "next-steps" ||
      (question !== undefined &&
        question.does === undefined &&
        !question.courtesy &&
        !asksBesidesFeeling(ctx, text, feeling)))
      ? ctx.ui.feelings.triesAnswer?.[session.topic]
      : undefined;
  const tries = triesMeant === undefined ? undefined : ctx.questions.get(triesMeant);
  if (tries && m.typed && toldInVain(text, ctx.words)) return questionEvent(ctx, tries, session.topic!);
  if (question?.does === "next-steps" && feeling && session.topic) {
    // 「…」 ends a piece here too: 「見積書なのに困った…どうしたらいい？」 tells, then asks.
    const pieces = sentencePieces(text.split("…").join("。"));
    // 「十日も前に出したのに今ごろ不達とか、なめてる？どうすればいいの」: a piece whose question is only a word of feeling
    // (its last clause says nothing without it) asks nothing: the story told, then only what to do (round 45).
    const asks = (p: string) => {
      if (!isQuestion(p)) return false;
      const last = clausesOf(p).at(-1) ?? p;
      const calm = ctx.feelings.withoutFeelingWords(last);
      return calm === last || saysSomething(calm);
    };
    const situation = pieces.filter((p) => !asks(p));
    const asking = pieces.filter(asks);
    const beyondWhatToDo =
      asking.length > 1 || asking.some((p) => mentionsAny(withoutWords(fold(p), WHAT_TO_DO), WHERE_TO_FIX));
    const key =
      situation.length > 0 && beyondWhatToDo
        ? keyAnswer(ctx, situation.join("。"), session.topic, asksBeyondLament(text))
        : undefined;
    if (key) return key;
  }
  // 「別のエラーメールが届いたので最初からお願いします」: a restart or a person asked for in so many words
  // (a request: 「…お願い」「…して」) beside the returned mail told is that request, not the paste help.
  const requested = REQUESTED_ACTS.has(question?.does ?? "") && sentencePieces(text).some((p) => asksFor(p));
  // 「相談したいんですが、メールが戻ってきます」 "hi, can you help? an email I sent came back": help asked for
  // in general, the returned mail told and nothing on screen, is the paste help that starts from it (a
  // person named in so many words is still a person).
  const helpAsked =
    question !== undefined &&
    (question.asksHelp === true || (question.does === "ask-person" && !namesPerson(text, ctx.words)));
  if (mention && !session.topic && m.typed && helpAsked) return { type: "BOUNCE_MENTIONED", about: mention };
  // "my mail came back, what do I do?", "an email I sent came back. what now": returned mail told, nothing on
  // screen, and what is asked besides it, read on its own, is what to do or being lost: the paste help that
  // starts from it (the whole text's words of returned mail drew "what is a returned mail", "no bounce came,
  // did it arrive?" or "can I unsend it?"). That paste help is also what such a message gets last (below) where no
  // other answer comes first: it is looked for only where one would (the question index is the costliest step,
  // perf38b). At most one of the returns below asks it.
  // 「違うやつ貼ってもいい？」「もう一通の方も見てほしい」「実はもう一通あるんですが」 "I got another one": one
  // more mail to show or that came, returned mail not named, with a diagnosis on screen: another mail (below),
  // not a question about resending the one on screen.
  const anotherOne =
    !mention &&
    mentionsAny(text, ctx.words.anotherOne) &&
    (mentionsAny(text, ctx.words.showing) || mentionsAny(text, ctx.words.having));
  if (anotherOne && session.topic) return anotherMail(ctx, session.topic);
  // 「容量のことで聞きたいんですけど」: a wish to ask about a subject, its question still to come (wish-to-ask.ts):
  // the subject's questions offered, not the likeliest answered, a restart or a person (acts named stay).
  // Nothing named before it (「ちょっと聞きたいことがあるんですが」): how to ask here, the help.
  const wish =
    m.typed &&
    !mention &&
    (question === undefined ||
      (question.does === undefined && !isPleasantry(ctx, question.id)) ||
      question.does === "help")
      ? wishesToAsk(text, ctx.words)
      : undefined;
  // Leave to ask alone (「ちょっと質問いいですか」): the greeting welcomes the question to come.
  const welcome = wish === "leave" ? ctx.questions.get(GREETING_ID) : undefined;
  if (welcome) return questionEvent(ctx, welcome, session.topic);
  const help = wish && [...ctx.questions.values()].find((q) => q.does === "help");
  if (wish === "bare" && help) return questionEvent(ctx, help, session.topic);
  if (wish === "subject") {
    const ids = offered(ctx, understood);
    return { type: "CLARIFY", ids: ids.length > 0 || !help ? ids : [help.id] };
  }
  // 「はじめまして。エラーメールのことで相談したいです」: a greeting opens what the message is about.
  const greets = question !== undefined && isGreeting(question.id);
  if (
    question &&
    !(mention && greets) &&
    (!mention || asksBesidesFeeling(ctx, text, feeling) || toldClearly || requested)
  )
    return (
      pasteHelp(ctx, m, mention, besides) ??
      withSecondQuestion(ctx, questionEvent(ctx, question, session.topic), text, session.topic)
    );
  // A message that only tells about returned mail is answered with the paste help, unless what it says
  // besides (「スマホのアドレスにだけ」 in 「スマホのアドレスにだけ送れない」) is something people tell us.
  if (foldedBesides.length >= MIN_TOLD_CHARS) {
    const rest = ctx.index.understand(besides, session.topic);
    const clearly = rest.kind === "confident" && (rest.candidates[0]?.score ?? 0) >= TOLD_CLEAR;
    const told = clearly ? ctx.questions.get(rest.id) : undefined;
    // What is told besides returned mail is never "it is no returned mail" (`notBounce`, spam received): in
    // 「メールが全部戻ってくる」 the words left, 「メールが…くる」, are those of the mail that came back.
    if (told?.statement && !told.notBounce && !isGreeting(told.id))
      return pasteHelp(ctx, m, mention, besides) ?? questionEvent(ctx, told, session.topic);
  }
  if (m.fromServer && !m.typed) return { type: "UNREADABLE", paste: unreadPaste(text) };
  // 「で？」「え？」「それから？」 "so?": a reaction to the last answer that asks nothing of its own is a
  // prompt to go on: the steps of the diagnosis on screen, or how to paste one.
  // Between two acts (a person or a restart) it is the act, asked which (pleasantries alone: acts.ts).
  const top = ctx.questions.get(understood.candidates[0]?.id ?? "");
  const betweenActs = understood.kind === "unsure" && Object.keys(top?.topics ?? {}).length === 0;
  if (!question && !m.fromServer && !betweenActs && isShortReaction(ctx, text))
    return pasteHelp(ctx, m, mention, besides) ?? nextStep;
  if ((mention || m.onScreen) && session.topic) {
    // With a diagnosis on screen, words about returned mail are about it (「まだエラーメールが戻ってくる
    // けど再送していい？」): the best question that fits it, however weakly, else its steps. Only a new
    // mail (「別のエラーメールが来た」「もう一通エラーメール来てる」) starts over.
    if (mention && (mentionsAny(text, ctx.words.newMail) || mentionsAny(text, ctx.words.anotherOne)))
      return anotherMail(ctx, session.topic);
    // Said in anger or worry and asking nothing we know ("this is so annoying, it keeps bouncing"): not a
    // weak guess at a question, but the key answer or the steps.
    if (feeling && !question) return keyAnswer(ctx, text, session.topic) ?? nextStep;
    const fitting = understood.candidates.find(
      (c) => fitsScreen(ctx, c.id, session.topic!) && !ctx.lacksNeeded(ctx.questions.get(c.id), text),
    );
    const fit = fitting && ctx.questions.get(fitting.id);
    return fit && !isPleasantry(ctx, fit.id) ? questionEvent(ctx, fit, session.topic) : nextStep;
  }
  if (mention) return { type: "BOUNCE_MENTIONED", about: mention };
  // 「メールってもうダメなのかな、何回送っても返ってくる」: "what is a returned mail" (`asksWhat`) likeliest of a
  // few, no "what" asked: it is not understood, as when it is read alone (below: about mail, the paste help).
  const likeliestUnasked =
    understood.kind === "unsure" &&
    ctx.questions.get(understood.candidates[0]?.id ?? "")?.asksWhat === true &&
    !asksWhatBesidesFeeling(ctx, text, feeling);
  // The question for tries that keep failing, not asked (above), is no choice to offer either; a pleasantry left
  // alone beside it (「🙏🙏 メール戻ってきちゃう」) is no reading of the text.
  const offerable = understood.candidates.filter((c) => !untoldTries(ctx, m, ctx.questions.get(c.id)));
  const lonePleasantry = offerable.length < 2 && offerable.every((c) => isPleasantry(ctx, c.id));
  if (understood.kind === "unsure" && !likeliestUnasked && !lonePleasantry) {
    // Questions that all get the same answer here (「何をすればいいのか全然わからない」: "what do I do" and
    // "I'm lost" both get the paste help with nothing on screen) are no choice to offer: that answer.
    const same = sameAnswer(
      ctx,
      offerable.map((c) => c.id),
      session.topic,
    );
    if (same) return same;
    // The likeliest of them is answered, the others offered as buttons under it: an answer that is
    // likely right says more than a list to pick from (a question about a person, a restart or the
    // paste help, or a pleasantry, is still asked which: they do something, or say nothing). The paste help,
    // the steps and the help (how to use this chat) only explain, as an answer does.
    const [likeliest, ...others] = offerable.map((c) => c.id);
    const q = wanted(ctx, ctx.questions.get(likeliest ?? ""), text);
    const harmless =
      q?.does === undefined || q.does === "paste-help" || q.does === "next-steps" || q.does === "help";
    const answered = q && !q.courtesy && harmless ? questionEvent(ctx, q, session.topic) : undefined;
    if (answered?.type === "ANSWER") return { ...answered, also: others };
    if (answered) return answered;
    return { type: "CLARIFY", ids: offerable.map((c) => c.id) };
  }
  if (m.fromServer) return { type: "UNREADABLE", paste: unreadPaste(text) };
  // 「LINEにメールの文章ってどうやって持ってくるの」: nothing on screen, not understood, but about mail: the
  // paste help starts from what they have (small talk would only say it could not answer).
  if (!session.topic && ctx.aboutMail(text) !== undefined) return { type: "HOW_TO_PASTE" };
  // 「안녕하세요. 일본어를 잘 못해요」 "Hi there, I'm from Nepal and study in Osaka": a greeting opening a message whose
  // rest nothing read (another language, who the writer is), with nothing on screen, opens a talk: the greeting
  // (it says what the assistant does and what to paste), not small talk. A feeling told keeps its answer (the
  // apology and the paste help: 「こんばんは、遅くにすみません。急ぎで困ってます」).
  const greeting = ctx.questions.get(GREETING_ID);
  if (!feeling && !session.topic && m.typed && greeting && opensWithGreeting(ctx.greetingPieces, text))
    return questionEvent(ctx, greeting, session.topic);
  if (!feeling) return { type: "SMALL_TALK" };
  return (session.topic && keyAnswer(ctx, text, session.topic)) || nextStep;
}

/**
 * Whether the words of a text besides returned mail (mentionOf.strip) ask, confidently, what to do or how to
 * paste, or say the user is lost: what the paste help answers with nothing on screen. Not lost where the text
 * asks what something is (「エラーメールって結局なんなの」 "what does MAILER-DAEMON mean?": without the thing
 * asked about, its words are only puzzlement).
 */
function pasteHelpBesides(ctx: InterpretContext, besides: string, asksWhat: boolean): boolean {
  // "…came back to me with error, what I must do?": the story's words ("error") drew "what is a returned
  // mail"; the last clause, where it asks, is the question.
  const last = clausesOf(besides).at(-1);
  return (
    helps(ctx, besides, asksWhat) ||
    (last !== undefined && isQuestion(last) && last !== besides && helps(ctx, last, asksWhat))
  );
}

/** Whether `words`, read alone with nothing on screen, ask confidently what to do, or how to paste (unless what is asked). */
function helps(ctx: InterpretContext, words: string, asksWhat: boolean): boolean {
  const rest = ctx.index.understand(words, null);
  if (rest.kind !== "confident") return false;
  const does = ctx.questions.get(rest.id)?.does;
  return does === "next-steps" || (does === "paste-help" && !asksWhat);
}

/** The questions a wish to ask is offered (wishesToAsk): those of its subject, no act or pleasantry. */
function offered(ctx: InterpretContext, understood: Understanding): string[] {
  const ids: string[] = [];
  for (const c of understood.candidates) {
    const does = ctx.questions.get(c.id)?.does;
    if ((does === undefined || does === "help") && !isPleasantry(ctx, c.id)) ids.push(c.id);
  }
  return ids.slice(0, MAX_OFFERED);
}
/**
 * Round 37 (family37a): a why of returned mail in general whose words came closer to another question ("why do emails
 * bounce back in general?": why do I get them) is still the reason when that is among the few likeliest.
 */
const REASON_NEAR = 3;
/** As many as 「もしかして…」 offers. */
const MAX_OFFERED = 3;

/** The question that says the diagnosis on screen in plain words (an answer for every topic). */
export function plainWords(ctx: InterpretContext): Question | undefined {
  for (const q of ctx.questions.values()) if (answersEveryTopic(q)) return q;
  return undefined;
}

/** Letters between a device named and its own matter (「パソコンが最近やたら重い」: six). */
const DEVICE_MATTER_WINDOW = 8;

/**
 * Whether a text names a device and, a few letters after it (「スマホの充電が」) or before it (「おすすめのスマホ」), a
 * matter of its own (typedWords devices, deviceMatters).
 */
function devicesOwn(ctx: InterpretContext, text: string): boolean {
  const folded = fold(text);
  const { devices, deviceMatters } = ctx.words;
  return (
    followedWithin(folded, devices, DEVICE_MATTER_WINDOW, deviceMatters) ||
    followedWithin(folded, deviceMatters, DEVICE_MATTER_WINDOW, devices)
  );
}

/**
 * Whether a text asks something besides its sentences of feeling alone: 「最悪？？」 "Seriously??" before
 * 「送ったメールが全部戻ってくる」 asks nothing of ours; its marks belong to the feeling.
 */
function asksBesidesFeeling(ctx: InterpretContext, text: string, feeling: Feeling | undefined): boolean {
  // 「届いたのか届いてないのかハッキリしてよ」: a question embedded in what is felt is asked too (asking.ts).
  if (feeling === undefined) return isQuestion(text) || asksIndirectly(text);
  const said = sentencesOf(text).filter((s) => WORD_LETTER.test(ctx.feelings.withoutFeelingWords(s)));
  return isQuestion(said.join(" ")) || asksIndirectly(text);
}

/**
 * Whether a text asks what something is. Upset, only a piece that asks counts, and one that says nothing besides
 * its words of feeling only when asked as a question (a mark, or 「…か」): 「もう何なの！！英語のメールばっかり返っ
 * てくる」 is exasperation before a story, 「締切今日なんです」 tells, 「何やっても戻ってくる」 counts tries;
 * 「英語のメールって何？」 and 「…返ってきたそうです。何なんでしょうか」 still ask.
 */
/**
 * A question asked whose answer is the same for every diagnosis and none (no answers of its own, no act, not
 * "what is a returned mail": 「Mailbox fullってなに」 asks about that bounce), clearly matched.
 */
function termAsked(q: Question, score: number, text: string): boolean {
  return (
    Object.keys(q.topics).length === 0 &&
    q.does === undefined &&
    !q.asksWhat &&
    !q.courtesy &&
    isQuestion(text) &&
    score >= CLEAR_OVER_BOUNCE
  );
}

function asksWhatBesidesFeeling(ctx: InterpretContext, text: string, feeling: Feeling | undefined): boolean {
  if (feeling === undefined) return asksWhatItIs(text, ctx.words);
  return clausesOf(text).some(
    (c) =>
      sentenceAsks(c) &&
      asksWhatItIs(c, ctx.words) &&
      (saysSomething(ctx.feelings.withoutFeelingWords(c)) || askedAsQuestion(c)),
  );
}
/**
 * 「何なんでしょうか」「何？」「えらーめーるってなに😵」: a piece that ends as a question (a mark, 「か」, or the word
 * "what" itself, emoji after it left aside), not an exclamation.
 */
function askedAsQuestion(piece: string): boolean {
  const end = withoutTrailingSigns(trimEndOf(nfkc(piece), PIECE_TAIL));
  return endsWithQuestionMark(end) || end.endsWith("か") || ENDING_WHAT.some((w) => end.endsWith(w));
}
/** The word "what" closing a question (「ってなに」「って何」). */
const ENDING_WHAT = ["なに", "何"];
/** A piece without the emoji and signs after its last letter or question mark (a hand scan from the end). */
function withoutTrailingSigns(piece: string): string {
  let end = piece.length;
  while (end > 0) {
    const ch = piece[end - 1]!;
    if (QUESTION_MARK_SET.has(ch) || WORD_LETTER.test(ch)) break;
    end--;
  }
  return piece.slice(0, end);
}
const PIECE_TAIL = new Set([..." 。.、,…〜~"]);

/**
 * Another returned mail, told (「別のエラーメールもきてて」), asked about or to be looked at: a fresh start
 * (the menu asks for its paste), so that what follows is not read against the diagnosis of the first one.
 */
function anotherMail(ctx: InterpretContext, topic: TopicId): DialogEvent {
  return ctx.restartQuestion ? questionEvent(ctx, ctx.restartQuestion, topic) : { type: "RESTART" };
}

/** Whether the words of a text read as the act `id` (being lost) on their own. */
function actAskedIn(ctx: InterpretContext, text: string, id: string, topic: TopicId): boolean {
  const u = ctx.index.understand(text, topic);
  return u.kind === "confident" && u.id === id;
}

/**
 * 「なんでこのアドレスには届かないの」「なしてパンパンになるんだべ」「なんで送らせてもらえないの」 "why won't my server
 * send it?" after a diagnosis: a why in the last sentence, nothing else asked or told beside it, asks the cause of
 * what is on screen, whatever question its other words come close to (used to work, the mailbox size, wrong
 * address). Not a why with how things were before (「前は届いてたのに、なんで？」: used to work; `usedTo`, which
 * holds 「のに」: 「合ってるのに、なんで」 tells a fact against the diagnosis), tries in vain (「何度送っても…なぜ」), the
 * user named as the one it happens to (「なんで私がブロックされるの」: whose side), nor a question whose why has an
 * answer of its own (`ifWhyAsked`: never sent → why me).
 */
function asksWhyPlainly(
  ctx: InterpretContext,
  text: string,
  question: Question | undefined,
  score: number,
): boolean {
  // The why in the last clause: 「なんでこんなに面倒なの、大きいファイル送れないとか」 goes on to tell what is wanted.
  const clauses = sentencesOf(text).length === 1 ? clausesOf(text) : [];
  return (
    clauses.length > 0 &&
    asksWhy(clauses.at(-1)!) &&
    question?.ifWhyAsked === undefined &&
    score < WHY_GIVES_WAY &&
    !namesUser(text) &&
    !mentionsAny(text, ctx.words.usedTo) &&
    !triedInVain(text, ctx.words)
  );
}

/** The question a text naming no returned mail means (the one some question's `withoutBounce` names). */
function noBounceMeant(ctx: InterpretContext): Question | undefined {
  for (const q of ctx.questions.values())
    if (q.withoutBounce !== undefined) return ctx.questions.get(q.withoutBounce);
  return undefined;
}
