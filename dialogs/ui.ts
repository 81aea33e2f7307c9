import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DataFileError, loadDataFile } from "../knowledge/data-file.ts";
import { TOPIC_IDS } from "../knowledge/types.ts";
import { graphemeLength, LINE_LIMITS } from "../platform/line-limits.ts";
import { UNSUPPORTED_KINDS } from "./events.ts";
import { folded, normalizeCommand } from "./text.ts";

/**
 * The assistant's own words (greeting, warnings, menus, feedback, escalation) live in
 * knowledge/data/ui.yaml so support staff can edit them; this schema checks them at start-up.
 */

const text = z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters");
const localized = z.object({ ja: text, en: text });

/** Quick-reply labels: LINE allows 20 graphemes. */
const label = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine(
    (s) => graphemeLength(s) <= LINE_LIMITS.quickReplyLabel,
    `must be at most ${LINE_LIMITS.quickReplyLabel} characters (LINE's quick-reply limit)`,
  );
const localizedLabel = z.object({ ja: label, en: label });

/** An acknowledgement of a feeling: one short line before the answer (no line break). */
const shortLine = (max: number) =>
  text.refine(
    (s) => !s.includes("\n") && [...s].length <= max,
    `must be one line of at most ${max} characters`,
  );
const MAX_ACK_JA = 45;
const MAX_ACK_EN = 90;
/**
 * A feeling's lines: they take turns (dialogs/machine.ts `acknowledge`), so none is said twice in a row; as
 * many as divide the turn count's wrap (2 to 6).
 */
const acknowledgements = z
  .array(z.object({ ja: shortLine(MAX_ACK_JA), en: shortLine(MAX_ACK_EN) }))
  .min(2, "needs at least two lines (they take turns, so none repeats twice in a row)")
  .max(6, "at most six lines")
  .refine(
    (lines) =>
      new Set(lines.map((l) => l.ja)).size === lines.length &&
      new Set(lines.map((l) => l.en)).size === lines.length,
    "its lines must differ from each other",
  );

function withPlaceholder(name: string) {
  const has = (s: string) => s.includes(`{${name}}`);
  return localized.refine((l) => has(l.ja) && has(l.en), `must contain {${name}} in ja and en`);
}

function withPlaceholders(...names: string[]) {
  const all = (s: string) => names.every((name) => s.includes(`{${name}}`));
  return localized.refine(
    (l) => all(l.ja) && all(l.en),
    `must contain ${names.map((n) => `{${n}}`).join(" and ")} in ja and en`,
  );
}

const keywordList = z.array(z.string().trim().min(1)).min(1, "needs at least one keyword");

/**
 * Words looked for inside what users type (plain substring scans, dialogs/interpret/scans.ts): written as
 * the text is compared, width-folded (NFKC) and in lower case, and NOT trimmed: "but " with its space is
 * not the "but" of "butter".
 */
const foldedWord = z
  .string()
  .refine((w) => w.trim() !== "", "must not be empty")
  .refine(
    (w) => w === folded(w),
    "must be written as typed text is compared: lower case, half-width letters, full-width kana (NFKC)",
  );
const foldedList = z.array(foldedWord).min(1, "needs at least one word");
/** A list of folded words, none twice (a word listed twice is an edit gone wrong). */
const foldedSet = foldedList.superRefine((words, ctx) => {
  for (const [i, word] of words.entries())
    if (words.indexOf(word) !== i)
      ctx.addIssue({ code: "custom", path: [i], message: `lists "${word}" twice` });
});

export const uiSchema = z
  .object({
    greeting: localized,
    privacyNotice: localized,
    personalDataNotKept: localized,
    sessionExpired: localized,
    menu: z.object({
      prompt: localized,
      topics: z
        .array(z.enum(TOPIC_IDS))
        .min(1)
        .max(
          11,
          "at most 11 topics (LINE shows 13 quick replies; two are 'not sure / other' and 'ask a person')",
        ),
      moreLabel: localizedLabel,
      humanLabel: localizedLabel,
      menuLabel: localizedLabel,
    }),
    moreMenu: z.object({
      prompt: localized,
      topics: z
        .array(z.enum(TOPIC_IDS))
        .min(1)
        .max(
          10,
          "at most 10 topics (LINE shows 13 quick replies; three are 'how to paste', 'ask a person', 'menu')",
        ),
      pasteLabel: localizedLabel,
    }),
    pasting: z.object({
      returned: localized,
      "not-sent": localized,
      asked: localized,
      what: localized,
      phoneTips: localized,
      orPick: localized,
    }),
    mentions: z.object({
      returned: keywordList,
      "not-sent": keywordList,
    }),
    /** Words of mail itself: with nothing on screen, such a text not understood gets the paste help. */
    aboutMail: keywordList.optional(),
    diagnosis: z.object({
      whatItMeans: localized,
      whatToDo: localized,
      resend: z.object({
        "after-fix": localized,
        later: localized,
        "new-address": localized,
        "no-need": localized,
        "not-yours": localized,
      }),
      noResendLineFor: z.array(z.enum(TOPIC_IDS)),
      readFromBounce: localized,
      recipientsMore: withPlaceholder("count"),
    }),
    carrier: z.object({
      prompt: localized,
      detected: withPlaceholder("carrier"),
      named: withPlaceholder("carrier"),
      stepsHeading: withPlaceholder("carrier"),
    }),
    feedback: z.object({
      question: localized,
      yesLabel: localizedLabel,
      noLabel: localizedLabel,
      thanks: localized,
    }),
    escalation: z.object({
      asked: localized,
      "not-helpful": localized,
      /** "That didn't help" after the acknowledgement of an upset user, which said the apology (feelings.notHelpful). */
      afterApology: localized,
      unreadable: localized,
      link: withPlaceholder("url"),
      summaryIntro: localized,
      summary: z.object({
        heading: localized,
        topic: localized,
        status: localized,
        recipient: localized,
        detail: localized,
        unread: localized,
        pasted: withPlaceholders("lines", "pastes"),
        firstLines: localized,
        suggested: localized,
        none: localized,
      }),
    }),
    retry: localized,
    screenshot: z.object({ unreadable: localized }),
    /** Part of a bounce read, not its reason: from a screenshot, from a paste cut after its code. */
    partlyRead: z.object({ screenshot: withPlaceholder("line"), paste: withPlaceholder("line") }),
    /** Only a code that says "refused by policy" was read (550 5.7.1): from a screenshot, from a paste. */
    policyCode: z.object({
      read: z.object({ screenshot: withPlaceholder("line"), paste: withPlaceholder("line") }),
      meaning: withPlaceholder("codes"),
      ask: z.object({ screenshot: localized, paste: localized }),
      askMore: z.object({ screenshot: localized, paste: localized }),
      /** askMore after a code that names only a class of cause (5.1.0, 550): the words name no cause either. */
      askMoreClass: z.object({ screenshot: localized, paste: localized }),
    }),
    help: localized,
    cancelled: localized,
    restarted: localized,
    /** "Not understood" answers, used in turn so that none comes twice in a row. */
    smallTalk: z.array(localized).min(2, "needs at least two texts (they take turns, so none repeats)"),
    /** 「もしかして、次のどれですか？」 before the candidate questions. */
    clarify: localized,
    /** Before 「もしかして」 when a diagnosis is on screen: its title ({title}) and first step ({step}). */
    clarifyOnDiagnosis: withPlaceholders("title", "step"),
    /** Before the diagnosis's steps again ("what should I do?"). */
    nextSteps: localized,
    /** After an answer said again right after itself: it is the same, and {person} (the button) reaches people. */
    answeredAgain: withPlaceholders("person"),
    /** Thanks or a greeting said beside a question: one short line back before its answer. */
    courtesy: z.object({ thanks: localized, greeting: localized }),
    /** An upset or hurried user: one short line (by feeling) before the answer, and the words that tell. */
    feelings: z.object({
      frustrated: acknowledgements,
      urgent: acknowledgements,
      /** Reassuring lines: most returned mail can be dealt with. */
      worried: acknowledgements,
      /** Sad, despairing, grieving, lonely or giving up: sympathy, and that there is a way on. */
      sad: acknowledgements,
      /** Embarrassed, blaming themselves, unsure of their skill, apologising: no need to, many get stuck here. */
      ashamed: acknowledgements,
      /** Any feeling beside "that didn't help": the apology for the answer, said once (escalation.afterApology). */
      notHelpful: acknowledgements,
      words: z.object({
        frustrated: keywordList,
        urgent: keywordList,
        worried: keywordList,
        sad: keywordList,
        ashamed: keywordList,
        /**
         * Feelings said in the words of what is asked (blame: 「So-netのせいでしょ」; blaming themselves: 「私のせ
         * い？」; lost: 「意味わからん」): they tell the feeling, and unlike the lists above stay in what is read.
         */
        kept: z
          .object({
            frustrated: keywordList.optional(),
            worried: keywordList.optional(),
            ashamed: keywordList.optional(),
            /** What is at stake for someone, told without a word of feeling (「予約が流れてしまった」): worried. */
            stakes: keywordList.optional(),
          })
          .strict()
          .optional(),
        /** Praise that, said of a failure, is sarcasm: frustrated unless the message thanks or tells it worked. */
        ironic: keywordList.optional(),
        /**
         * Praise that is sarcasm even beside thanks ("wow, super helpful. thanks a lot." 「ご丁寧にどうも。で、…」):
         * the thanks is part of it. Matched as the ironic words are, and only where those thanks are.
         */
        sarcastic: keywordList.optional(),
        /**
         * A feeling said to be absent (「心配はないです」 "not worried", "no rush"): every word then every denial, every
         * denial then every English word, and the calm English phrases, are no feeling (understand/feelings/denied.ts);
         * the words denied or played down a few letters on (「わけじゃない」) are blanked out. Folded, spaces kept ("not ").
         */
        denied: z
          .object({
            words: foldedSet,
            denials: foldedSet,
            wordsEn: foldedSet,
            denialsEn: foldedSet,
            calmEn: foldedSet,
          })
          .strict(),
        /** Words that contain a word of feeling but say none (かしこまりました holds こまりました). */
        except: keywordList.optional(),
        /**
         * Words of feeling that say whose they are, not the writer's: the mail's own business (「至急の用件」「クレームへの
         * 返信」 "apology email") or someone else's (「上司が心配して」 "angry customer"). Each shape is every head, then a
         * joiner (spaces kept: " is "; "" joins directly), then every tail: each such phrase is one more `except` word.
         */
        owned: z
          .array(
            z
              .object({ heads: keywordList, joiners: z.array(z.string()).min(1), tails: keywordList })
              .strict(),
          )
          .optional(),
        /**
         * Words that say the advice on screen was tried already (「それくらいとっくにやってる」「もう試した」):
         * the answer moves on to the diagnosis's key answer, or to the Q&A community, not the same steps.
         */
        tried: keywordList.optional(),
      }),
      /**
       * Per diagnosis, the question (id in knowledge/data/questions/) whose answer is its key step: what an
       * upset user who tells their situation besides the feeling, and asks nothing we know, gets after the
       * apology. Diagnoses not listed: their steps again.
       */
      keyAnswer: z.partialRecord(z.enum(TOPIC_IDS), z.string().min(1)).optional(),
      /**
       * Per diagnosis, the question an upset user who counts their tries (「もう5回目」「何度やっても」) gets
       * after the apology, where it is another than keyAnswer. Diagnoses not listed: as keyAnswer says.
       */
      triesAnswer: z.partialRecord(z.enum(TOPIC_IDS), z.string().min(1)).optional(),
    }),
    unsupported: z.object(
      Object.fromEntries(UNSUPPORTED_KINDS.map((k) => [k, localized])) as {
        [K in (typeof UNSUPPORTED_KINDS)[number]]: typeof localized;
      },
    ),
    groupChat: localized,
    tryAgain: localized,
    slowDown: localized,
    /** Words that tell what a typed message means besides its question (knowledge/data/README "typedWords"). */
    typedWords: z
      .object({
        /** "It helped", said under the advice: rates it as the Yes button does. */
        helped: foldedList,
        /** It worked, told in the past: read as "that didn't help", it is the advice rated helpful. */
        worked: foldedList,
        /** It went through in the end, told (「無事届きました」): with a diagnosis on screen, the advice worked. */
        succeeded: foldedList,
        /** Success told as how things were before (「前は送れたのに」): no fix told. */
        usedTo: foldedList,
        /** The trouble stopped (「止まった」), where it was mail coming in: the advice worked. */
        stopped: foldedList,
        /** Thanks for what came of the advice (「おかげで届いた」): thanks. */
        thankedFor: foldedList,
        /** The negated forms of helping, understanding and solving: a rating that says it did not help. */
        deniedHelp: foldedList,
        /** The recipient's reception settings asked about: with a carrier named, that carrier's steps. */
        carrierSetting: foldedList,
        /** The user's own settings asked about: no carrier's steps. */
        ownSetting: foldedList,
        /** A piece opening with one ("but"): what follows is what is meant. The first that fits is cut off. */
        but: foldedList,
        /** Things as they were (「まだ」 "still"): told after a courtesy and a "but", the advice did not settle it. */
        unchanged: foldedList,
        /** A trouble foreseen or guarded against (「なりそう」「ならないように」): it has not happened. */
        notYet: foldedList,
        /** A piece that is only one of these (「じゃあ、」) joins what follows: no goodbye. */
        connectives: foldedList,
        /** How little one can tell (「さっぱり」), between a question embedded with 「のか」 and 「わからない」. */
        utterly: foldedList,
        /** Tries told as all in vain (「何をしても」): the answer for tries that keep failing. */
        whateverTried: foldedList,
        /** The mail told as back or refused again (「また拒否された」 "still rejected"): a try in vain, where one is told or a question read. */
        backAgain: foldedList,
        /** Verbs of sending or trying after a count of times (「4回送った」「三回やっても」): tries told (countsSends). */
        tryVerbs: foldedList,
        /** Whether what a story retells is a failure at all (「これもエラー？」 "is that a bounce too?"): a class's diagnosis answers it. */
        failureAsked: foldedList,
        /** Words that ask what something is (何, 意味, "what"). */
        whatIs: foldedList,
        /** Words holding a word of whatIs that ask nothing (何度, 何か). */
        notWhatIs: foldedList,
        /** Words that tell a want (「人がいい」「人と話したい」): "are you a person?" told so is "a person, please". */
        wants: foldedList,
        /** Words of a guess (「かも」 "maybe"): a fact told with them is still asked about. */
        guesses: foldedList,
        /** Words that name a person to talk to. */
        people: foldedList,
        /** A try still to come (「だめだったら」): nothing tried yet. */
        conditions: foldedList,
        /** One more mail meant without naming mail (「もう一通」「違うやつ」), shown (`showing`): as newMail. */
        anotherOne: foldedList,
        /** Words of showing a mail (「貼って」「見てほしい」 "paste"). */
        showing: foldedList,
        /** A returned mail other than the one on screen (「別の」 "another"): pasted, or a fresh start. */
        newMail: foldedList,
        /** "Again" (「もう一回」「もう一度」): beside what is asked, that question again, not the last answer. */
        again: foldedList,
        /** Saying or showing what was said (「言って」「表示して」 "say", "go over"): "again" asked with them is a request. */
        saying: foldedList,
        /** Explaining asked for as a verb (「説明して」 "explain it"): "again" with it asks plain words, not repeat. */
        explaining: foldedList,
        /** A greeting that also thanks (「どうも」): said under an answer, thanks. */
        thanking: foldedList,
        /** Relief that closes a message (「…ならよかった」 "that's a relief"): the OK act (acts.ts reliefTold). */
        relief: foldedList,
        /** The explanation praised (「わかりやすかった」 "really clear"): thanks (acts.ts praiseTold). */
        praise: foldedList,
        /** A "but" that closes a clause (「…けど、」「…ましたが、」): after praise or thanks, what follows is meant. */
        butClosing: foldedList,
        /** How the assistant is, asked (「お元気ですか」 "how are you"): alone, a greeting (acts.ts howAreYouAsked). */
        howAreYou: foldedList,
        /** A call named (電話, "phone"): a person asked for or about by phone is the phone question (acts.ts callNamed). */
        calling: foldedList,
        /**
         * Words of spoken Englishes typed as said (patois, pidgin, Singlish: "dem", "wetin", "e go") → the standard
         * English word or phrase (a key with a space), read before understanding (shorthand.ts plainEnglish).
         */
        spokenEnglish: z.record(
          z.string().regex(/^[a-z']+(?: [a-z']+)*$/, "lower-case words separated by one space"),
          z.string().regex(/^[a-z' ]*$/, "lower-case words, or empty to drop the word"),
        ),
        /** The advice rated lukewarm (「まあまあ」「微妙」 "meh", "sort of"): no yes (acts.ts ratedLukewarm). */
        lukewarm: foldedList,
        /** Understanding named (「わかった」 "get it"): a lukewarm rating of it is being lost, not "no help". */
        understanding: foldedList,
        /** A dismissal opening a message (「もういい」 "forget it"): with a complaint after it, "that didn't help". */
        dismissal: foldedList,
        /** Praise wished for, not given (「もっと」 "more"): no thanks. */
        praiseNot: foldedList,
        /** Someone's help called for (「誰か助けて」 "somebody help"): a person (acts.ts someoneHelpAsked). */
        someoneHelp: foldedList,
        /** English named (「英語」 "english"): told unreadable (`unreadable`), being lost (acts.ts englishLost). */
        englishNamed: foldedList,
        /** Cannot read or make out (「読めない」「いみふ」 "can't read"). */
        unreadable: foldedList,
        /** Having or receiving (「ある」「来た」 "got"): with `anotherOne`, one more mail came. */
        having: foldedList,
        /** Mail itself named (「メール」「アドレス」「添付」 "mail"): "cannot send" beside an unknown thing is about mail. */
        mailNamed: foldedList,
        /** The spam folder, where a mail was found (「迷惑メールフォルダに入ってた」): no mail refused as spam. */
        spamFolder: foldedList,
        /** A mail told come back, in the past (「戻ってきた」 "came back"): one mail of the user's (`ifOneCameBack`). */
        cameBack: foldedList,
        /** The cause asked for by name (「原因が知りたい」 "the cause"): beside a mail told come back, still `reason`. */
        causeNamed: foldedList,
        /**
         * The recipient's spam settings (「迷惑メールの設定」「迷惑メール対策」): with a diagnosis on screen, a setting
         * that may hold the mail back, no mail refused as spam.
         */
        spamSettings: foldedList,
        /** A device named (「パソコン」「スマホ」): with a matter of its own beside it, the device's, not mail's. */
        devices: foldedList,
        /** A device's own matter (「重い」「固まる」「充電」 "slow", 「おすすめの」「機種変」), beside a device named. */
        deviceMatters: foldedList,
        /** A guess, a blame or a want (「せいだろ」「かも」 "maybe", "want"), said beside a hurry: the diagnosis answers it. */
        hurriedGuesses: foldedList,
        /** A fear of an outcome in English words of feeling ("worried it"): beside a hurry, a guess. */
        fearedOutcome: foldedList,
        /** Opening or pressing, then 「ても」「たら」 (「開いても」 "safe to open"): is it safe to open, asked (scans.ts). */
        opening: foldedList,
        /** Whether it is all right (「大丈夫」「まずい」), a few letters after an `opening` word. */
        safeAsked: foldedList,
        /** Opening or pressing told as done (「開いちゃった」「押してしまった」 "I opened"): then `openedAsked`, scans.ts. */
        opened: foldedList,
        /** Whether that was all right (「大丈夫でしたか」「まずかった？」 "was that ok"), a clause after an `opened` word. */
        openedAsked: foldedList,
        /** The user's own mail or attachment (「添付した」「送った」): no mail received asked about. */
        ownSending: foldedList,
        /** The returned mail named as a thing (「エラーメール」): with `mailFeared` after it, the mail itself feared. */
        returnedMail: foldedList,
        /** A virus, or opening the mail (「ウイルス」「開封」): feared of the `returnedMail` named before it. */
        mailFeared: foldedList,
        /** A virus found or judged (「見つか」「検出」 "detected"): what a "virus found" returned mail says. */
        virusFound: foldedList,
        /** The chat itself named (「チャット」「この画面」 "this chat"): how to use it, asked, is the help (chat-use.ts). */
        chatNamed: foldedList,
        /** The buttons of the chat (「ボタン」 "button"), pressed (`chatPressing`): how to use the chat. */
        chatButtons: foldedList,
        /** Using (「使う」 "use"), with a `chatHow` word: how to use the chat. */
        chatUsing: foldedList,
        /** How (「どう」 "how"), with a `chatUsing` word. */
        chatHow: foldedList,
        /** The way of using named in one word (「使い方」 "how to use"): a "how" already. */
        chatWayOfUse: foldedList,
        /** Asked to be told (「教えて」 "tell me"): with `chatWayOfUse`, asked though no question mark. */
        chatTell: foldedList,
        /** Pressing or tapping asked (「押せばいい」 "tap"), with `chatButtons`. */
        chatPressing: foldedList,
        /** The mail, sending, a setting or someone else's screen (「メール」「設定」「相手」): not this chat. */
        notTheChat: foldedList,
        /** The advice quoted back as an order (「しろって」): with `knownAlready`, "that didn't help". */
        quotedOrders: foldedList,
        /** "I know that", "always that" (「わかってる」「そればっか」), beside `quotedOrders`. */
        knownAlready: foldedList,
        /** A want or a need told (「たい」「ないと」 "need to"): upset, told, asks what comes of sending again. */
        stakes: foldedList,
        /** The "no" of a yes-or-no question asked as its other half (「ダメなの？」「あかんの？」): no question of its own. */
        choiceNo: foldedList,
        /** An apology for asking again (「何度もすみません」): its 「何度も」 counts no tries. */
        askingAgain: foldedList,
        /** Weary of asking over and over, told (「同じこと何回も聞いてるんだけど」): fed up unless it apologises. */
        askedOver: foldedList,
        /** A wish to ask, its question still to come (「容量のことで聞きたいんですけど」): wish-to-ask.ts. */
        wishesToAsk: foldedSet,
        /** Leave to ask, asked alone (「ちょっと質問いいですか」): the greeting welcomes the question (wish-to-ask.ts). */
        leavesToAsk: foldedSet,
        /** What names the subject of a wish to ask, right before it (「について」「の件で」): wish-to-ask.ts. */
        askSubjectMarkers: foldedSet,
        /** Softeners that may open a bare wish or leave to ask (「ちょっと」「すみません」): wish-to-ask.ts. */
        askSofteners: foldedSet,
        /** What joins a clause told done to the request after it (「…ので」「…けど」): read-question.ts toldDone. */
        toldJoins: foldedSet,
        /** The doer right before an English verb in the past ("i", "we", "accidentally"): read-question.ts toldDone. */
        pastSubjects: foldedSet,
        /** Tries past counting (「何回…かわからない」, after a count word): frustration (scans.ts triesBeyondCount). */
        beyondCount: foldedSet,
        /** Tries past counting, in hyperbole ("a million times"): frustration (scans.ts triesBeyondCount). */
        overAndOver: foldedSet,
        /** An apology anywhere in a message (「すみません」 "sorry"). */
        apologies: foldedList,
        /** An apology opening a message before a comma (「ごめんなさい、」): the polite way in, no shame. */
        sorryOpening: foldedList,
        /** A mild mutter opening a message (「困ったな」) before one question: thinking aloud, no trouble felt. */
        mutterOpening: foldedList,
        /** The asking itself named (「聞きます」「質問」「確認しておきたい」 "asking"): a feeling in that lead-in is about asking. */
        askingNamed: foldedList,
        /** Someone else's anger feared or asked away (「怒られる前に」「怒らないで」 "don't get mad"): not the writer's. */
        angerFeared: foldedList,
        /** A change of one's own address wanted (「変えたい」 "change my"): shame about the address is its reason. */
        addressChange: foldedList,
        /** A slip named (「間違」「全角」 "typo"): shame beside it is about the slip. */
        slipNamed: foldedList,
        /** Little skill with machines told of oneself (「機械に疎くて」「苦手で」 "not good with"). */
        skillTold: foldedList,
        /** Being lost, ashamed or in trouble told (「わからない」「恥」「困」 "no idea"): more than `skillTold`'s patience. */
        lostTold: foldedList,
        /** What follows a count (more than one) of mails come or of time waited (「通も」「時間待ってる」 " hours and"). */
        pilingCounts: foldedList,
        /**
         * A feeling just named taken back or seen through (「…と思ったけど」「冗談です」 "not really", "never mind"): felt before
         * it and nothing felt from it on, the writer is calm (passed.ts takenBack).
         */
        takenBack: foldedList,
        /** Tears named (「泣きそう」「涙」「うるっ」 "could cry"): beside `movedBy`, tears of being moved. */
        tearsNamed: foldedList,
        /** Thanks, kindness or being moved told (「ありがと」「丁寧」「感動」 "thank", "kind"): tears beside them are glad ones. */
        movedBy: foldedList,
        /**
         * Delight, success, discovery or relief that opens a message (「やったー！」「知りませんでした！」 "yay!", "I had no
         * idea!"): the exclamation mark closing that first sentence, and the question after it, are glad ones
         * (exclaimed.ts).
         */
        gladOpening: foldedList,
        /** The failure told back again or the joy turned (「また戻って」「と思ったら」 "again"): no glad opening (exclaimed.ts). */
        gladSpoiled: foldedList,
        /**
         * Words that change the subject opening a question (「ところで」「ちなみに」 "by the way"): an exclamation before
         * them closes an aside, no outburst (exclaimed.ts asideExclaimed).
         */
        subjectChange: foldedList,
        /**
         * Something learned told (「なるほど」「知らなかった」「ものなんですね」 "I see", "didn't know"): a surprise beside it is
         * discovery, not a fright (passed.ts surprisedToLearn).
         */
        learned: foldedList,
        /** Curses a laugh beside them does not play down ("lol wtf"): exasperation (feeling.ts, played-down.ts). */
        laughedCurses: foldedList,
        /** Right now or only this wanted (「今すぐ」 "just need to know"), with one exclamation mark: a hurry (exclaimed.ts). */
        nowExclaimed: foldedList,
        /** How to find out asked in so many words (「どうやって調べれば」 "how to check"): overrides.ts "how to check asked". */
        howToFindOut: foldedSet,
        /** Where, or how as a way (「どこ」「どうやって」 "how "): with a findingOut verb a few letters on, the same. */
        wayWords: foldedSet,
        /** Verbs of finding out (「確」「調」「見れ」「わか」 "check"), read a few letters after one of wayWords. */
        findingOut: foldedSet,
        /** Endings of a sentence that reproaches (「…のに」「…でしょ」「なんで私が？」): frustrated (anger.ts endsReproaching). */
        reproachingEnds: foldedSet,
        /** Words right before an ellipsis that tell a consequence feared (「…ちゃう…」「…かも…」): worried (worry.ts). */
        consequences: foldedSet,
        /**
         * Verbs whose stem is one kanji (来, 見, 出): 〜ちゃう right after one standing alone is the standard 〜てしまう, not
         * Kansai じゃない (dialect.ts: 「お客さん来ちゃう…」).
         */
        oneKanjiVerbs: foldedSet.refine(
          (words) => words.every((w) => /^\p{Script=Han}$/u.test(w)),
          "one kanji each",
        ),
      })
      .strict(),
    keywords: z.object({
      menu: keywordList,
      restart: keywordList,
      help: keywordList,
      cancel: keywordList,
      human: keywordList,
      more: keywordList,
      paste: keywordList,
      yes: keywordList,
      no: keywordList,
    }),
  })
  .superRefine((ui, ctx) => {
    // A topic in both menus would be two buttons for one thing.
    for (const [i, id] of ui.moreMenu.topics.entries())
      if (ui.menu.topics.includes(id))
        ctx.addIssue({
          code: "custom",
          path: ["moreMenu", "topics", i],
          message: `"${id}" is already in menu.topics`,
        });
    // One word must mean one thing, or "cancel" could both stop and restart.
    const owner = new Map<string, string>();
    for (const [command, words] of Object.entries(ui.keywords)) {
      for (const [i, word] of words.entries()) {
        const key = normalizeCommand(word);
        const first = owner.get(key);
        if (first && first !== command)
          ctx.addIssue({
            code: "custom",
            path: ["keywords", command, i],
            message: `"${word}" is already a keyword of "${first}"`,
          });
        owner.set(key, command);
      }
    }
  });

export type UiTexts = z.infer<typeof uiSchema>;
export type KeywordCommand = keyof UiTexts["keywords"];

export const DEFAULT_UI_FILE = fileURLToPath(new URL("../knowledge/data/ui.yaml", import.meta.url));

/** Reads and validates ui.yaml; throws DataFileError naming the file and field. */
export function loadUi(file: string = DEFAULT_UI_FILE): UiTexts {
  return loadDataFile(file, uiSchema);
}

/** Every question `feelings.keyAnswer` names exists (knowledge/data/questions/); throws DataFileError if not. */
export function checkKeyAnswers(
  ui: UiTexts,
  questions: ReadonlyMap<string, unknown>,
  file: string = DEFAULT_UI_FILE,
): void {
  for (const field of ["keyAnswer", "triesAnswer"] as const)
    for (const [topic, id] of Object.entries(ui.feelings[field] ?? {}))
      if (id !== undefined && !questions.has(id))
        throw new DataFileError(
          file,
          `feelings.${field}.${topic}`,
          `names no question of questions/: "${id}"`,
        );
}
