/**
 * The question index's scores and lengths (understand.ts reads texts with them, overrides.ts decides by them):
 * each says what it is for and the figures it was chosen by.
 */

export const THRESHOLDS = {
  /** Below this, a question is not even a candidate: the text is about something else. */
  candidate: 0.2,
  /** At least this close, and clearly ahead of the next one (RATIO), is answered. */
  confident: 0.26,
  /** The next question must score below this share of the best one for the best to be "clearly ahead". */
  ratio: 0.9,
  /**
   * From this score on (the text says clearly what it is about), "clearly ahead" is a smaller lead:
   * `sureRatio`. 「もしかして…」 then comes only for near ties; a person asked one thing, and a list of
   * three is no answer (tuning set 96.4 → 96.9 %; a lead of 3 % rather than 5 %: 93.8 → 94.0 % on the larger
   * tuning set of round 3). A vague text (「設定について」) still gets the list.
   */
  sure: 0.4,
  sureRatio: 0.97,
  /**
   * With a diagnosis on screen, a question with an answer of its own for it that leads clearly (`ratio`)
   * is answered from this score on, below `candidate`: a follow-up worded unlike any example
   * (「何がダメだったの」 after "refused as spam") is likelier about the advice on screen than small talk,
   * whose reply would only repeat the steps (tuning set 1306 → 1307, dev-round9 177 → 178; 0.14 and 0.11
   * gained no more).
   */
  fittingFloor: 0.17,
  /**
   * With a diagnosis on screen, one of its own questions scoring at least this share of "what do I do now"
   * (the steps again) is ranked before it (dev-round10 143 → 144; 0.9 and 0.8 gained no more).
   */
  overSteps: 0.95,
  /**
   * The same, when the text names what it wants done before asking how (「相手の今のアドレスを知るにはどうしたら
   * いい？」: the goal, 「…には」, is what is asked; "how" is only its frame), however clearly the frame matches.
   */
  overStepsForGoal: 0.8,
  /** Candidates offered by 「もしかして…」 score at least this share of the best one. */
  spread: 0.7,
  /** How much of a question's second-best example counts next to its best. */
  second: 0.3,
  /**
   * With a diagnosis on screen, a word asked about (「ドメインって言葉がわからない」) read alone matches a question
   * this well: that question is what the word means (ドメイン 0.94, SPF 0.77; 「認証」 0.53 is only a word of one).
   */
  termKnown: 0.6,
  /** Multiplier for questions with an answer of their own for the diagnosis on screen. */
  contextBoost: 1.3,
  /** Multiplier for questions with answers of their own for other diagnoses, but not the one on screen. */
  offTopic: 0.75,
  /**
   * With a diagnosis on screen, multiplier for the question that answers the frame a text asks in (「直した
   * ら届く？」: resend; 「待てば届く？」: wait; outcome.ts), whose words are those of the condition.
   */
  outcome: 1.5,
  maxCandidates: 3,
  /**
   * With nothing on screen, multiplier for a question about whatever diagnosis is on screen (plain-words:
   * an answer for every topic, and without one only "I have seen no returned mail yet"): close to a
   * general question (「エラーメールって、要するに何なの？」: what a returned mail is), that one is meant
   * (dev 2439 → 2440, dev-cold3 91 → 92; 0.8 gained no more on dev).
   */
  coldBound: 0.9,
  /**
   * Multiplier for an example of a `polar` act (acts.yaml) matched by a text that says it the other way
   * (negation.ts): an example of an affirming act ("OK", "that helped", thanks) that does not negate, by a
   * text that does; a negated example of a negating act ("I'm lost", "that didn't help"), by a text that
   * does not. "ok I understand now" shares every word but the negation with "I don't understand". Only
   * the negated examples of a negating act: 「ちょっと難しい」 says it without one, and 「まだちょっとわから
   * ない」 still matches it (dev 3354 → 3355, dev-negation 46 → 48, every held-out line equal; 0.7 lost
   * one held-out item; weighing every example both ways lost that conversation step).
   */
  otherPolarity: 0.8,
  /**
   * A question matched at least this well is asked, though the text also says the diagnosis on screen again
   * and the question has no answer of its own for it: "did it arrive?" after "gave up retrying" is answered
   * by its general answer, not by the diagnosis in plain words (dev +1, held-out-13 +1; 0.4 lost one
   * held-out item, 0.6 gained the same as 0.5).
   */
  overGist: 0.5,
  /**
   * With a diagnosis on screen, multiplier for the diagnosis in plain words when a text retells what to do
   * and asks whether that is it (「つまり待っとけばいいってこと？」「しばらく待つしかないの？」): its frame
   * (「つまり」「ってこと」) is plain-words', what it asks is the action named (wait, resend, tell the
   * recipient); and it is no diagnosis said again.
   */
  adviceRetold: 0.75,
} as const;

/** Longer texts are pastes or stories, not questions; only their start is read. */
export const MAX_QUESTION_CHARS = 300;
