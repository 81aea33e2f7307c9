import { fold } from "../../knowledge/fold.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { CLOSING_ASKED, GAPS } from "../marks.ts";
import { includesAny, trimEndOf } from "../text.ts";
import { sentenceAsks, sentencesOf } from "../understand/asking.ts";
import { MAX_QUESTION_CHARS, type Understanding } from "../understand/understand.ts";
import { fitsScreen, isFrame, isPleasantry, stepsQuestion } from "./answers.ts";
import type { QuestionContext } from "./context.ts";
import { wantEnd } from "./question.ts";

/**
 * 「明日の朝までに絶対届けたいんだけど、何か手ある？」「すぐ送らんとまずいんやけど、どうにかならん？」: with a diagnosis
 * on screen, a message closed by a bare ask for a way (「何か手ある？」「方法ある？」「どうにかならん？」: no thing
 * named in that clause, and 「手」 is too short to score) after what the user must or wants to do. A want told
 * before it, read alone confidently as a question of the diagnosis that names something (「動画を送りたいんだけど、
 * 方法ある？」: large files), is that question; else the diagnosis's steps (what to do), not the question the
 * story's words come close to (resend by 「送る」, the key answer). Not after a question asked before it (「ウイルス
 * って消せる？何か方法ある？」 is answered as the first). Plain scans of short lists, no pattern.
 */
export function wayAsked(
  ctx: QuestionContext,
  text: string,
  understood: Understanding,
  topic: TopicId | null,
): Understanding {
  if (topic === null || !includesAny(text, WAY_WORDS)) return understood;
  const sentences = sentencesOf(fold(text.slice(0, MAX_QUESTION_CHARS)));
  const last = sentences.at(-1);
  if (last === undefined || sentences.slice(0, -1).some(sentenceAsks)) return understood;
  const body = trimEndOf(last, CLOSING_ASKED);
  let from = body.length;
  while (from > 0 && !CLAUSE_BREAKS.has(body[from - 1]!)) from--;
  if (!asksBareWay(body.slice(from))) return understood;
  const before = [...sentences.slice(0, -1), body.slice(0, from)].join("");
  const end = wantEnd(before);
  if (end >= 0) {
    const want = ctx.index.understand(before.slice(0, end), topic);
    if (
      want.kind === "confident" &&
      !isFrame(ctx, want.id) &&
      !isPleasantry(ctx, want.id) &&
      fitsScreen(ctx, want.id, topic)
    )
      return want;
  }
  const steps = stepsQuestion(ctx);
  return steps ? { kind: "confident", id: steps.id, candidates: understood.candidates } : understood;
}

/**
 * Whether a clause only asks for a way: 「何か手ある」「方法ってない」「いい手はないの」「どうにかならん」, with
 * nothing named before the way (「止める方法ある」 names what it is for: that is its own question).
 */
export function asksBareWay(clause: string): boolean {
  const c = trimEndOf(clause.trim(), CLOSING_ASKED);
  for (const way of SOMEHOW) {
    if (!c.startsWith(way) && !SOMETHING.some((s) => c.startsWith(s + way))) continue;
    const rest = c.slice(c.indexOf(way) + way.length);
    if (SOMEHOW_ENDS.some((e) => rest === e)) return true;
  }
  for (const way of WAYS) {
    const at = c.indexOf(way);
    if (at < 0 || !(at === 0 || SOMETHING.includes(c.slice(0, at)))) continue;
    let rest = c.slice(at + way.length);
    const particle = PARTICLES.find((p) => rest.startsWith(p));
    if (particle) rest = rest.slice(particle.length);
    if (THERE_ENDS.includes(rest)) return true;
  }
  return false;
}

/** Words one of which a bare ask for a way holds: checked before anything else is read (cheap). */
const WAY_WORDS = ["手", "方法", "手段", "策", "どうにか", "なんとか", "何とか"];
/** A way (「手」「方法」). 「やり方」 is not here: 「やり方ある？」 alone is rare, and 「やり方」 asks how (how-to). */
const WAYS = ["打つ手", "手", "方法", "手段", "策"];
/** What may stand before the way (「何か」「なにか」「なんか」「いい」「何かいい」). */
const SOMETHING = [
  "何か",
  "なにか",
  "なんか",
  "何かいい",
  "なにかいい",
  "なんかいい",
  "いい",
  "良い",
  "何か良い",
];
/** A particle after the way (「手は」「方法って」「手とか」). */
const PARTICLES = ["ってのは", "って", "とか", "は", "が", "も"];
/** "Is there": 「ある」「ない」 and their polite, plain-asking and western forms. */
const THERE_ENDS = [
  "ある",
  "あるの",
  "あるん",
  "あるかな",
  "あります",
  "ありますか",
  "ありませんか",
  "ない",
  "ないの",
  "ないん",
  "ないかな",
  "ないですか",
  "あらへん",
  "あらへんの",
  "なか",
];
/** "Somehow" (「どうにか」「なんとか」), asked with what follows. */
const SOMEHOW = ["どうにか", "なんとか", "何とか"];
/** What follows "somehow" when it asks (「ならない」「ならん」「できない」). */
const SOMEHOW_ENDS = [
  "ならない",
  "ならないの",
  "ならないかな",
  "ならないですか",
  "なりませんか",
  "なりませんかね",
  "ならん",
  "ならんの",
  "ならんか",
  "ならへん",
  "ならへんの",
  "できない",
  "できないの",
  "できないかな",
  "できませんか",
  "できん",
  "できひん",
];
/** Marks that close a clause before the ask (a comma, a blank: the ask is the last clause). */
const CLAUSE_BREAKS: ReadonlySet<string> = new Set([...GAPS, "。", ".", "!", "?", "…"]);
