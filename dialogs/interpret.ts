import { forgetTheTurn } from "../knowledge/turn-memory.ts";
import { fromPostback } from "./commands.ts";
import type { DialogEvent } from "./events.ts";
import { questionEvent, toldOrAsked } from "./interpret/answers.ts";
import { withCarrier } from "./interpret/carrier-named.ts";
import { buildContext } from "./interpret/context.ts";
import { forReadings } from "./interpret/one-reading.ts";
import { ratedInWords } from "./interpret/rated-in-words.ts";
import { fromText } from "./interpret/read-text.ts";
import { revoicedIfNotUnderstood } from "./interpret/revoiced.ts";
import { fromScreenshot } from "./interpret/screenshot.ts";
import type { Interpreter, InterpreterDeps, SessionView, UserInput } from "./interpret/types.ts";
import { withoutBounce } from "./interpret/without-bounce.ts";
import { decodePostback } from "./postback.ts";
import { normalizeCommand } from "./text.ts";
import { languageOf as languageOfText } from "./text-kind.ts";

export { diagnosisOf, primaryRecord } from "./diagnosis.ts";
export { MAX_TEXT_CHARS } from "./interpret/thresholds.ts";
export type { Interpreter, InterpreterDeps, SessionView, UserInput } from "./interpret/types.ts";
export { isServerStatus } from "./recipients.ts";

/**
 * Turns what the user sent into typed dialog events, BEFORE the machine sees it: this is where the
 * classifier runs, where commands and taps are recognised, and where personal data is noticed.
 * Nothing here keeps the text: only the masked diagnosis leaves this module, and what the readers
 * remembered of it while reading is forgotten when the turn ends (knowledge/turn-memory.ts).
 *
 * The pipeline; each step lives in dialogs/interpret/ (dialogs/README.md "Files": which file reads what):
 * a tap → its event; a typed text → read-text.ts (commands, bounce, symptom, question, feeling; read again
 * with voicing marks restored where it was not understood, revoiced.ts), then
 * three post-steps on the last event: a carrier named (carrier-named.ts), the advice rated in words
 * (rated-in-words.ts), a question asked cold of a returned mail none came of (without-bounce.ts), an answer opening with yes or no to a text that asks nothing, asks what or how, or
 * asks in the negative (answers.ts toldOrAsked); thanks or a greeting beside a question's answer said back
 * (courtesy.ts);
 * a file → read-text.ts as a paste; a screenshot → screenshot.ts.
 */
export function createInterpreter(deps: InterpreterDeps): Interpreter {
  // Built once: matchers, the question index, the carrier follow-ups (context.ts).
  const ctx = buildContext(deps);
  // "No" as typed (ui.yaml keywords.no), for "was this helpful?" answered in a sentence (rated-in-words.ts).
  const noWords = new Set(deps.ui.keywords.no.map(normalizeCommand));
  // The index and the reader of feelings remembering their readings of a text's pieces while it is read
  // (one-reading.ts), made once: `read()` opens the reading of one text.
  const { one, read: reading } = forReadings(ctx);
  const rating = { ...one, noWords };
  return async (input, session) => {
    try {
      return await interpretOne(input, session);
    } finally {
      // What the readers remembered of this message goes with its turn (knowledge/turn-memory.ts).
      ctx.forgetLastText();
      forgetTheTurn();
    }
  };

  async function interpretOne(input: UserInput, session: SessionView): Promise<DialogEvent[]> {
    switch (input.kind) {
      case "follow":
        return [{ type: "FOLLOW" }];
      case "unsupported":
        return [{ type: "UNSUPPORTED", kind: input.what }];
      case "postback": {
        const p = decodePostback(input.data);
        // 「もしかして…」 tapped: answered as if typed, in the context of the diagnosis on screen.
        if (p?.a === "ask") {
          const question = deps.questions.questions.get(p.id);
          return [question ? questionEvent(ctx, question, session.topic) : { type: "MENU" }];
        }
        return [fromPostback(p, deps.knowledge)];
      }
      case "text": {
        // The index and the reader of feelings remember their readings of this text's pieces while it is
        // read (one-reading.ts).
        const done = reading();
        // 「ｴﾗｰﾒｰﾙｯﾃﾅﾆ」 typed on an old phone is read as 「エラーメールってなに」 (understand/half-width.ts).
        const text = ctx.halfWidth(input.text) ?? input.text;
        try {
          const read = await revoicedIfNotUnderstood(one, await fromText(one, text, session), text, session);
          const carrier = withCarrier(one, read, text, session);
          const rated = ratedInWords(rating, carrier, text, session.topic);
          const cold = withoutBounce(one, rated, text, session.topic);
          return toldOrAsked(one, cold, text, session.topic);
        } finally {
          done();
        }
      }
      case "file":
        return fromText(ctx, input.text, session, true);
      case "screenshot":
        return fromScreenshot(deps, input.text);
    }
  }
}

/**
 * The language of a text the bot reads outside a turn (a group's message, the apology when a turn failed):
 * it folds the text as the interpreter's readers do, so what it remembered is forgotten as after a turn.
 */
export function languageOf(text: string): ReturnType<typeof languageOfText> {
  try {
    return languageOfText(text);
  } finally {
    forgetTheTurn();
  }
}
