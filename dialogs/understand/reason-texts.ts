import type { Knowledge } from "../../knowledge/knowledge.ts";
import type { Question, QuestionBank } from "../../knowledge/questions.ts";
import type { TopicId } from "../../knowledge/types.ts";
import { hasQuestionMark } from "../marks.ts";
import { mentionsAny } from "../text.ts";
import { buildQuestionIndex } from "./understand.ts";

/**
 * What a returned mail said, retold in the user's words (「最大サイズを超えてるって英語で来ました」「一時的な
 * エラーなので後でもう一度って書いてあった」): close to what the assistant itself says each reason is, its
 * title, menu label and summary (knowledge/data/topics/*.yaml, ja and en). Those texts are one more index,
 * built like the question index (understand.ts), one "question" per topic: every reason text support staff
 * edit is a way in. A topic is read only when it leads clearly (score and margin below); the unknown topic
 * (its texts say only that the reason is unclear) is left out.
 */
const CLEAR = 0.3;
/** The next topic must score below this share of the first. */
const MARGIN = 0.8;
/**
 * Without the words every returned mail says ("delivery failed", 「送信できません」: ui.yaml mentions), the
 * text must still score this share of its reading: expired's title "Delivery failed after retrying" would
 * otherwise claim "I got a mail saying delivery failed" (Exim's subject line, said of any reason).
 */
const BEYOND_GENERIC = 0.5;

/**
 * Words that retell what a mail said (「…って書いてあった」「…みたいな警告」「…がどうとか」, "the
 * bounce says"): a plain scan, no pattern.
 */
const RETELLING = [
  "って来",
  "ってき",
  "ってく",
  "って書",
  "ってかい",
  "書いてあ",
  "かいてあ",
  "って出",
  "ってで",
  "って戻",
  "ってもど",
  "って返",
  "ってかえ",
  "って言われ",
  "っていわれ",
  "って表示",
  "って内容",
  // A word of the mail quoted (「spamって単語が入ってる」 "the word spam is in it"). Not its subject line: a subject
  // is often the words every returned mail says ("Undelivered Mail Returned to Sender"), no reason retold.
  "って単語",
  "という単語",
  "って文字",
  "という文字",
  "the word",
  "って英語",
  "と書",
  "と表示",
  "と出",
  "と言われ",
  "といわれ",
  "とのこと",
  "という",
  "っていう",
  "みたいな",
  "ってエラー",
  "とエラー",
  "ってメール",
  "って通知",
  "と通知",
  "ってお知らせ",
  "とのお知らせ",
  "ってメッセージ",
  "って警告",
  "って怒られ",
  "と怒られ",
  "と返",
  "と戻",
  "どうとか",
  "that said",
  "saying",
  "says",
  "said",
  "told me",
];

/** Whether a text retells what a mail said, also by a closing 「…って」 alone (「容量いっぱいって」: so it said). */
export function retells(text: string): boolean {
  return mentionsAny(text, RETELLING) || endsWithQuote(text);
}

/** Marks and spaces after a closing 「って」 (「…って。」「…って…」). */
const TRAILING = new Set([..."。.、,！!？?…‥~〜ー・ 　"]);

/** Whether a text closes with 「って」, what was said quoted (「止まってるって」), no question after it. */
function endsWithQuote(text: string): boolean {
  let end = text.length;
  while (end > 0 && TRAILING.has(text[end - 1]!)) end--;
  // A question mark after it asks (「…って？」 "meaning?"): that is no retelling.
  if (hasQuestionMark(text.slice(end))) return false;
  return text.slice(0, end).endsWith("って");
}

export type ReasonReader = (text: string) => TopicId | undefined;

/** `generic`: removes the words every returned mail says (BEYOND_GENERIC). */
export function reasonTextReader(
  knowledge: Knowledge,
  bank: QuestionBank,
  generic: (text: string) => string = (text) => text,
): ReasonReader {
  const topics = new Map<string, Question>();
  for (const [id, t] of knowledge.topics) {
    if (id === "unknown") continue;
    const sentences = (s: string) =>
      s
        .split(/[。.]\s*/)
        .map((x) => x.trim())
        .filter((x) => x.length > 0);
    const examples = [
      t.title.ja,
      t.title.en,
      t.menuLabel.ja,
      t.menuLabel.en,
      ...sentences(t.summary.ja),
      ...sentences(t.summary.en),
    ];
    topics.set(id, {
      id,
      label: t.menuLabel,
      examples,
      answer: t.title,
      topics: {},
      links: [],
      statement: false,
      notBounce: false,
      courtesy: false,
      asksSide: false,
      file: `topics/${id}.yaml`,
    } as unknown as Question);
  }
  // Weighed by these texts themselves: the questions' background is about the questions' examples.
  const index = buildQuestionIndex({
    readings: bank.readings,
    kanaEnglish: bank.kanaEnglish,
    questions: topics,
  });
  return (text) => {
    const u = index.understand(text, null);
    const [first, second] = u.candidates;
    if (!first || first.score < CLEAR || (second && second.score >= MARGIN * first.score)) return undefined;
    const rest = index.understand(generic(text), null).candidates.find((c) => c.id === first.id);
    return (rest?.score ?? 0) >= BEYOND_GENERIC * first.score ? (first.id as TopicId) : undefined;
  };
}
