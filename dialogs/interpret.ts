import { firstBounceLine } from "../knowledge/ocr/clean.ts";
import { maskAddress, maskPii, shouldWarn } from "../knowledge/pii.ts";
import { compilePhrase, foldSymptomText, occursIn } from "../knowledge/symptom-text.ts";
import type { BounceRecord, Classification, TopicId } from "../knowledge/types.ts";
import type { Diagnosis, DialogEvent, MentionKind, UnsupportedKind } from "./events.ts";
import type { Carrier, Knowledge, Lang } from "./knowledge-contract.ts";
import { unreadPaste } from "./paste-excerpt.ts";
import { decodePostback, type Postback } from "./postback.ts";
import { cut, normalizeCommand } from "./text.ts";
import { kindOfText, languageOfCommand } from "./text-kind.ts";
import type { KeywordCommand, UiTexts } from "./ui.ts";

export { languageOf } from "./text-kind.ts";

/**
 * Turns what the user sent into typed dialog events, BEFORE the machine sees it: this is where the
 * classifier runs, where commands and taps are recognised, and where personal data is noticed.
 * Nothing here keeps the text: only the masked diagnosis leaves this module.
 */

export type UserInput =
  | { kind: "follow" }
  | { kind: "text"; text: string }
  | { kind: "postback"; data: string }
  | { kind: "unsupported"; what: UnsupportedKind }
  /** The text read off a screenshot (bot/media.ts: OCR, cleaned); "" when it could not be read at all. */
  | { kind: "screenshot"; text: string }
  /** A mail (.eml) or text (.txt) file's content, decoded: read as a paste without a length limit. */
  | { kind: "file"; text: string };

/** What the interpreter may know of the session: enough to match typed labels to the current options. */
export interface SessionView {
  lang: Lang;
  topic: TopicId | null;
  pickingCarrier: boolean;
}

export interface InterpreterDeps {
  /** kind "fragment": read as a pasted piece even if it starts like a mail (a screenshot's text). */
  classify: (text: string, kind?: "fragment") => Promise<Classification>;
  knowledge: Knowledge;
  /** knowledge.ts `matchSymptom(knowledge, text)`: the user's own words → topic. */
  matchSymptom: (text: string) => TopicId | undefined;
  /** knowledge.ts `carrierOf(knowledge, domain)`: is the recipient a mobile-carrier address? */
  carrierOf: (domain: string) => Carrier | undefined;
  ui: UiTexts;
}

/** Longer than this is not a paste from a phone; it is answered kindly instead of classified. */
export const MAX_TEXT_CHARS = 100_000;
/** Longer texts are never a typed command or button label. */
const MAX_COMMAND_CHARS = 200;
/** The server's explanation kept in the session (masked) is cut to this. */
const MAX_DETAIL_CHARS = 200;
/** The line of a partly read screenshot shown back to the user (masked) is cut to this. */
const MAX_SHOWN_LINE_CHARS = 120;

const KEYWORD_EVENTS: Record<Exclude<KeywordCommand, "yes" | "no">, DialogEvent> = {
  menu: { type: "MENU" },
  restart: { type: "RESTART" },
  help: { type: "HELP" },
  cancel: { type: "CANCEL" },
  human: { type: "HUMAN" },
  more: { type: "MORE_TOPICS" },
  paste: { type: "HOW_TO_PASTE" },
};

export type Interpreter = (input: UserInput, session: SessionView) => Promise<DialogEvent[]>;

export function createInterpreter(deps: InterpreterDeps): Interpreter {
  const keywordOf = keywordIndex(deps.ui);
  const labelIndex = buildLabelIndex(deps);
  // "returned" first: 「エラーメールが返ってきて送れない」 is about the bounce.
  const mentions = (["returned", "not-sent"] as const).map(
    (kind) => [kind, deps.ui.mentions[kind].map(compilePhrase)] as const,
  );

  return async (input, session) => {
    switch (input.kind) {
      case "follow":
        return [{ type: "FOLLOW" }];
      case "unsupported":
        return [{ type: "UNSUPPORTED", kind: input.what }];
      case "postback":
        return [fromPostback(decodePostback(input.data), deps.knowledge)];
      case "text":
        return fromText(input.text, session);
      case "file":
        return fromText(input.text, session, true);
      case "screenshot":
        return fromScreenshot(input.text);
    }
  };

  /**
   * A screenshot's text: a bounce the classifier reads is answered as its paste would be; part of one (a
   * code or an address, no reason) is shown back, masked, with a request for the rest; nothing is a
   * kind "could not read it". Never a guess. The chat's language is the user's, not the screenshot's.
   */
  async function fromScreenshot(text: string): Promise<DialogEvent[]> {
    if (text.trim() === "") return [{ type: "SCREENSHOT_UNREADABLE" }];
    const classification = await deps.classify(text, "fragment");
    const record = primaryRecord(classification.records);
    const before: DialogEvent[] = shouldWarn(text, "bounce") ? [{ type: "PERSONAL_DATA" }] : [];
    if (record) return [...before, { type: "PASTE", diagnosis: diagnosisOf(record, deps.carrierOf) }];
    const line = firstBounceLine(text);
    if (!line) return [...before, { type: "SCREENSHOT_UNREADABLE" }];
    return [...before, { type: "SCREENSHOT_PARTIAL", line: cut(maskPii(line), MAX_SHOWN_LINE_CHARS) }];
  }

  async function fromText(text: string, session: SessionView, file = false): Promise<DialogEvent[]> {
    // Commands and labels are short; normalising a long paste would only cost time (and its trailing-
    // punctuation pattern is quadratic on a long run of punctuation). A file's content is never one.
    const command = !file && text.length <= MAX_COMMAND_CHARS ? normalizeCommand(text) : "";
    const before: DialogEvent[] = [];
    const adopt = (l: Lang | undefined) => {
      if (l && l !== session.lang) before.push({ type: "LANGUAGE", lang: l });
    };

    // 1. A command or the label of a button, typed (or sent by a message action): exact match only,
    //    so a paste that contains "help" is still a paste.
    const tapped = command ? matchTyped(command, session) : undefined;
    if (tapped) {
      adopt(languageOfCommand(text));
      return [...before, tapped];
    }

    if (!file && text.length > MAX_TEXT_CHARS) {
      if (shouldWarn(text, "chat")) before.push({ type: "PERSONAL_DATA" });
      return [...before, { type: "UNSUPPORTED", kind: "too-long" }];
    }

    // 2. A bounce? The user's own words about a flood of returned mail decide over the bounce itself.
    const classification = await deps.classify(text);
    const record = primaryRecord(classification.records);
    // A file may be long (a whole mail): the checks on the user's own words look at its beginning only.
    const head = file && text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
    const ownWords = deps.matchSymptom(head);
    const kind = kindOfText(head, record !== undefined);
    adopt(kind.lang);
    if (record) {
      if (shouldWarn(head, "bounce")) before.push({ type: "PERSONAL_DATA" });
      const diagnosis = diagnosisOf(record, deps.carrierOf);
      if (ownWords === "backscatter") diagnosis.topic = "backscatter";
      return [...before, { type: "PASTE", diagnosis }];
    }

    // 3. The symptom in the user's words; 4. a server's text we could not read (a failed paste, which
    //    counts toward talking to a person); 5. the user talking about returned mail; 6. chat.
    const mention = mentionOf(head);
    const event: DialogEvent = ownWords
      ? { type: "SYMPTOM", topic: ownWords }
      : kind.fromServer
        ? { type: "UNREADABLE", paste: unreadPaste(head) }
        : mention
          ? { type: "BOUNCE_MENTIONED", about: mention }
          : { type: "SMALL_TALK" };
    if (shouldWarn(head, "chat")) before.push({ type: "PERSONAL_DATA" });
    return [...before, event];
  }

  /** Whether the user talks about returned mail (ui.yaml `mentions`), matched like symptoms.yaml. */
  function mentionOf(text: string): MentionKind | undefined {
    const folded = foldSymptomText(text);
    return mentions.find(([, phrases]) => phrases.some((p) => occursIn(folded, p)))?.[0];
  }

  function matchTyped(command: string, session: SessionView): DialogEvent | undefined {
    const keyword = keywordOf.get(command);
    if (keyword === "yes" || keyword === "no") return { type: "FEEDBACK", helpful: keyword === "yes" };
    if (keyword) return KEYWORD_EVENTS[keyword];
    const symptom = labelIndex.symptoms.get(command);
    if (symptom) return { type: "SYMPTOM", topic: symptom };
    if (session.pickingCarrier) {
      const carrier = labelIndex.carriers.get(command);
      if (carrier) return { type: "CARRIER", id: carrier };
    }
    if (session.topic) {
      const followUp = labelIndex.followUps.get(session.topic)?.get(command);
      if (followUp)
        return fromPostback({ a: "followup", topic: session.topic, id: followUp }, deps.knowledge);
    }
    return undefined;
  }
}

function fromPostback(p: Postback | undefined, knowledge: Knowledge): DialogEvent {
  switch (p?.a) {
    case "symptom":
      // 「わからない・その他」 was once a symptom button (and rich menus keep their data): it opens the
      // second menu now, since the "unknown" advice says nothing the user can act on.
      return p.topic === "unknown" ? { type: "MORE_TOPICS" } : { type: "SYMPTOM", topic: p.topic };
    case "followup": {
      const followUp = knowledge.topics.get(p.topic)?.followUps.find((f) => f.id === p.id);
      return followUp
        ? { type: "FOLLOW_UP", topic: p.topic, id: p.id, carriers: followUp.carriers === true }
        : { type: "MENU" }; // a button from an older version of the texts
    }
    case "carrier":
      return knowledge.carriers.some((c) => c.id === p.id) ? { type: "CARRIER", id: p.id } : { type: "MENU" };
    case "feedback":
      return { type: "FEEDBACK", helpful: p.helpful, topic: p.topic };
    case "cmd":
      return KEYWORD_EVENTS[p.cmd];
    default:
      return { type: "MENU" };
  }
}

/** The record the advice is about: the first hard failure, else the first that says anything. */
export function primaryRecord(records: readonly BounceRecord[]): BounceRecord | undefined {
  const known = records.filter((r) => r.topic !== "unknown");
  return known.find((r) => r.action === "failed") ?? known[0];
}

export function diagnosisOf(record: BounceRecord, carrierOf: InterpreterDeps["carrierOf"]): Diagnosis {
  return {
    topic: record.topic,
    source: "paste",
    status: isServerStatus(record.status) ? record.status : "",
    replyCode: /^[245]\d\d$/.test(record.replyCode) ? record.replyCode : "",
    action: record.action,
    // Masked by the classifier already; masking again changes nothing there, and guarantees the form.
    recipient: maskAddress(record.recipient),
    carrier: (record.recipientDomain && carrierOf(record.recipientDomain)?.id) || "",
    detail: serverText(record.diagnosis),
  };
}

/**
 * An RFC 3463 status a server wrote ("5.1.1", Microsoft's "5.7.606"), not one of the classifier's private
 * "x.0.9xx" codes (Sisimai's numbering for "no status given, reason inferred"): those mean nothing to the
 * user or to anyone reading the escalation summary.
 */
export function isServerStatus(status: string): boolean {
  return /^[245]\.[0-7]\.\d{1,3}$/.test(status) && !/^[45]\.0\.9\d\d$/.test(status);
}

/**
 * The server's explanation, masked and cut, or "" when it is not purely what a server writes: SMTP
 * replies are ASCII, so anything else came from around the paste (the user's own words, maybe a name
 * that no masker recognises) and must not be kept or echoed in the escalation summary.
 */
function serverText(diagnosis: string): string {
  const text = diagnosis.replace(/\s+/g, " ").trim();
  return /^[\x20-\x7E]*$/.test(text) ? cut(maskPii(text), MAX_DETAIL_CHARS) : "";
}

function keywordIndex(ui: UiTexts): Map<string, KeywordCommand> {
  const index = new Map<string, KeywordCommand>();
  for (const [command, words] of Object.entries(ui.keywords) as [KeywordCommand, string[]][])
    for (const word of words) index.set(normalizeCommand(word), command);
  // Button labels typed back are commands too, in either language.
  const labels: [{ ja: string; en: string }, KeywordCommand][] = [
    [ui.menu.humanLabel, "human"],
    [ui.menu.menuLabel, "menu"],
    [ui.menu.moreLabel, "more"],
    [ui.moreMenu.pasteLabel, "paste"],
    [ui.feedback.yesLabel, "yes"],
    [ui.feedback.noLabel, "no"],
  ];
  for (const [label, command] of labels) {
    index.set(normalizeCommand(label.ja), command);
    index.set(normalizeCommand(label.en), command);
  }
  return index;
}

/** Button labels in both languages → what they stand for, for users who type instead of tapping. */
function buildLabelIndex({ knowledge, ui }: InterpreterDeps) {
  const symptoms = new Map<string, TopicId>();
  for (const id of [...ui.menu.topics, ...ui.moreMenu.topics]) {
    const topic = knowledge.topics.get(id);
    if (!topic) continue;
    symptoms.set(normalizeCommand(topic.menuLabel.ja), id);
    symptoms.set(normalizeCommand(topic.menuLabel.en), id);
  }
  const carriers = new Map<string, string>();
  for (const c of knowledge.carriers) {
    carriers.set(normalizeCommand(c.name.ja), c.id);
    carriers.set(normalizeCommand(c.name.en), c.id);
  }
  const followUps = new Map<TopicId, Map<string, string>>();
  for (const [id, topic] of knowledge.topics) {
    const labels = new Map<string, string>();
    for (const f of topic.followUps) {
      labels.set(normalizeCommand(f.label.ja), f.id);
      labels.set(normalizeCommand(f.label.en), f.id);
    }
    followUps.set(id, labels);
  }
  return { symptoms, carriers, followUps };
}
