import type { QuestionBank } from "../../knowledge/questions.ts";
import type { Classification, TopicId } from "../../knowledge/types.ts";
import type { DialogEvent, UnsupportedKind } from "../events.ts";
import type { Carrier, Knowledge, Lang } from "../knowledge-contract.ts";
import type { UiTexts } from "../ui.ts";
import type { QuestionIndex } from "../understand/understand.ts";

/** What the user sent, as bot/ hands it over. */
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
  /** The diagnosis was the last answer (nothing asked since): 「はい」 then acknowledges it. */
  justDiagnosed?: boolean;
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
  /** knowledge/questions.ts `loadQuestions(knowledge)`: what users ask, and the answers. */
  questions: QuestionBank;
  /** Wraps the question index, e.g. to keep what recent texts mean to it (bot/recent-results.ts). */
  keepUnderstood?: (index: QuestionIndex) => QuestionIndex;
}

export type Interpreter = (input: UserInput, session: SessionView) => Promise<DialogEvent[]>;
