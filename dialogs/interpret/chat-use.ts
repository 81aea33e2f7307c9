import { fold } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { mentionsAny } from "../text.ts";
import { isQuestion } from "../understand/asking.ts";
import type { Understanding } from "../understand/understand.ts";
import type { QuestionContext } from "./context.ts";

/**
 * 「このトーク画面ってどういうふうに使うの」「ボタン押せばいいの？」 "how do I use this chat?": how to use the chat
 * itself, asked with a diagnosis on screen, is the help (how to paste, pick, and the commands), whatever the
 * diagnosis's questions share with it (「どういうふうに」 of "how do I tell them", 「押せばいい」 of "should I send it
 * again"). The chat named (its talk, screen, buttons, 「ここ」) with a verb of using it and a "how" (or 「使い方」,
 * also asked to be told), or its buttons with a verb of pressing, asked; not the mail, its sending or anyone's settings (「送信ボタンを押せばいい？」 is a
 * resend, 「受信設定の画面でどう押すの」 the recipient's phone). Hand scans of short lists, after one `includes`.
 */
export function chatUseAsked(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (topic === null || (understood.kind === "confident" && understood.id === HELP_ID)) return understood;
  const t = fold(text);
  if (!mentionsAny(t, CHAT) || !ctx.questions.has(HELP_ID)) return understood;
  // 「このトークの使い方を簡単に教えて」: the way of using it asked to be told is asked too (its 「簡単に教えて」 is no
  // "in plain words" of the diagnosis).
  const wayOfUse = mentionsAny(t, WAY_OF_USE);
  if (!(isQuestion(text) || (wayOfUse && mentionsAny(t, TELL)))) return understood;
  if (mentionsAny(t, NOT_THE_CHAT)) return understood;
  const used = wayOfUse || (mentionsAny(t, USING) && mentionsAny(t, HOW));
  const pressed = mentionsAny(t, BUTTONS) && mentionsAny(t, PRESSING);
  if (!used && !pressed) return understood;
  return { kind: "confident", id: HELP_ID, candidates: understood.candidates };
}
/** The question whose answer is the help (acts.yaml, `does: help`). */
const HELP_ID = "how-to-ask";
/** The chat itself, folded (lower case). */
const CHAT = [
  "チャット",
  "トーク",
  "この画面",
  "ここって",
  "ここは",
  "ここで",
  "ボタン",
  "this chat",
  "this app",
  "button",
];
const BUTTONS = ["ボタン", "button"];
const USING = ["使う", "使え", "使い", "使っ", "つかう", "つかえ", "use", "work"];
const HOW = ["どう", "どんなふう", "どんな風", "how"];
/** The way of using it named in one word: a "how" already. */
const WAY_OF_USE = ["使い方", "つかいかた", "how to use"];
/** Asked to be told or shown (a request, no question mark). */
const TELL = ["教えて", "おしえて", "説明して", "知りたい", "tell me", "explain"];
const PRESSING = [
  "押せばいい",
  "押すの",
  "押したらいい",
  "押せば",
  "押すん",
  "おせばいい",
  "タップすれば",
  "タップしたらいい",
  "press",
  "tap",
  "click",
];
/** The mail, its sending, a setting or someone else's screen: not this chat. */
const NOT_THE_CHAT = [
  "メール",
  "めーる",
  "mail",
  "送",
  "設定",
  "アプリ",
  "相手",
  "先方",
  "スマホ",
  "パソコン",
  "send",
  "setting",
  "phone",
];
