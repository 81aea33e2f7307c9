import { hash } from "node:crypto";
import type { DialogEvent } from "../dialogs/events.ts";
import type { ReplyIntent } from "../dialogs/intents.ts";
import type { Interpreter, SessionView } from "../dialogs/interpret.ts";
import type { QuestionIndex, Understanding } from "../dialogs/understand/understand.ts";
import type { Renderer } from "./render/render.ts";

/**
 * The recent results of the two pure steps of a turn that cost the most CPU, kept so that the same input
 * is not worked out again: what a typed text means (the interpreter: classifier, question index, typed-
 * text heuristics) for a given view of the session, and the LINE messages of a list of reply intents.
 * Both depend only on their arguments and the data loaded at start (knowledge/data), so a kept result is
 * exactly what the work would return (test/recent-results.test.ts holds the two against each other).
 * Inside the interpreter, the question index's readings of texts are kept the same way (rememberingIndex).
 *
 * What users type repeats: 「はい」「いいえ」「メニュー」, a symptom in a few common words, the same
 * questions, and answers (a diagnosis with its steps) repeat far more. A meaning is kept as JSON text and
 * parsed on every hit, so every turn gets events of its own (the machine builds the session from them).
 *
 * Personal data: a text is looked up by its SHA-256 only (the text itself is not kept), and results that
 * carry an excerpt of what was sent (an unreadable paste's masked lines) are not kept at all. The rest
 * holds what the session store keeps anyway: a masked diagnosis, ids, topics.
 */

/** A bounded map in order of last use; the least recently used entry goes first. */
export class RecentResults<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.maxEntries === 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Texts longer than this are worked out each time (a long paste is unique; hashing it costs too). */
const MAX_KEYED_TEXT = 2_000;

/** Longer results are not kept (JSON characters): a diagnosis with its 20 recipients is ~3,000. */
const MAX_KEPT_EVENTS = 8_000;
const MAX_KEPT_MESSAGES = 20_000;

/** Events that carry (masked) lines of what the user sent: never kept. */
const CARRIES_EXCERPT: ReadonlySet<DialogEvent["type"]> = new Set([
  "UNREADABLE",
  "PARTLY_READ",
  "POLICY_CODE_ONLY",
]);

/** The view as a key: its fields in a fixed order, whatever order the object was built in. */
function viewKey(session: SessionView): string {
  const names = Object.keys(session);
  if (!sameNames(names, lastNames)) {
    lastNames = names;
    lastSorted = [...names].sort();
  }
  let key = "";
  for (const name of lastSorted) {
    const value = (session as unknown as Record<string, unknown>)[name];
    if (typeof value === "object" && value !== null) return viewKeyOfAnyFields(session);
    // A string quoted, anything else (null, undefined, a boolean or a number) as its name: distinct.
    key += `${name}:${typeof value === "string" ? JSON.stringify(value) : String(value)},`;
  }
  return key;
}

/**
 * The field names of the last view and their sorted order: every view is built by one function
 * (conversation.ts viewOf), so the order is worked out once, not sorted for every typed text.
 */
let lastNames: string[] = [];
let lastSorted: string[] = [];
const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((name, i) => name === b[i]);

/** A view with a field that is an object (none has one today): its fields sorted, as JSON. */
function viewKeyOfAnyFields(session: SessionView): string {
  return `[${JSON.stringify(Object.entries(session).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
}

/** Base64 digits' values, for a number out of a digest's first characters. */
const BASE64 = new Map(
  [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]),
);

/**
 * The keys seen lately, as 30-bit numbers taken from their digest (a small integer each, no string):
 * a bounded ring, the oldest forgotten first. Two keys with the same number only mean that a result is
 * kept at its first sight instead of its second.
 */
class SeenKeys {
  private readonly ring: Int32Array;
  private readonly members = new Set<number>();
  private next = 0;

  constructor(size: number) {
    this.ring = new Int32Array(size).fill(-1);
  }

  /** True if the key was seen lately; else it is remembered as seen now. */
  check(digest: string): boolean {
    let n = 0;
    for (let i = 0; i < 5; i++) n = n * 64 + BASE64.get(digest[i]!)!;
    if (this.members.has(n)) return true;
    if (this.ring.length === 0) return false;
    const old = this.ring[this.next]!;
    if (old !== -1) this.members.delete(old);
    this.ring[this.next] = n;
    this.next = (this.next + 1) % this.ring.length;
    this.members.add(n);
    return false;
  }
}

/**
 * The interpreter, with the meaning of recent typed texts kept (per view of the session): ~1 MB at most.
 * A meaning is kept the second time its text is seen in that view: what people type (「はい」, a symptom in
 * common words) comes back within moments, but a paste names its sender's own recipient and is seen once;
 * keeping each one (its JSON written, its key, the room it takes from a typed word) bought nothing.
 */
export function rememberingInterpreter(interpret: Interpreter, entries = 2_000): Interpreter {
  const recent = new RecentResults<string>(entries);
  const seen = new SeenKeys(4 * entries);
  return async (input, session) => {
    if (input.kind !== "text" || input.text.length > MAX_KEYED_TEXT) return interpret(input, session);
    // Every field of the view, not a chosen few: a field added to SessionView later (as justDiagnosed was)
    // must change the key, or a kept meaning would answer a different state of the conversation. The view
    // and the text are one digest (JSON has no raw NUL: the two parts cannot run into each other).
    const key = hash("sha256", `${viewKey(session)}\0${input.text}`, "base64");
    const kept = recent.get(key);
    if (kept !== undefined) return JSON.parse(kept) as DialogEvent[];
    const events = await interpret(input, session);
    if (!seen.check(key) || events.some((e) => CARRIES_EXCERPT.has(e.type))) return events;
    const json = JSON.stringify(events);
    if (json.length <= MAX_KEPT_EVENTS) recent.set(key, json);
    return events;
  };
}

/**
 * The question index, with what recent texts mean to it kept (per topic on screen): ~1 MB at most. Reading
 * a typed text asks it several times, of the whole and of its sentences and pieces, and the same pieces
 * come back: within one turn (a text's last sentence is read by two of the steps after the whole: a
 * pleasantry beside it? an act that closes it?) and across people (a server's sentence, "Host or domain
 * name not found.", in a paste that names the user's own domain). A server's text without its marks, with a
 * diagnosis on screen, is read so (dialogs/interpret/read-text.ts `mayNotBeBounce`, bounce.ts `aboutScreen`): in the text
 * traffic of npm run bench:webhook the costliest reading there is. Kept at the first sight, so a piece read
 * twice in a turn is worked out once; a reading holds question ids and scores only, and is handed out as it
 * is, frozen. A text is looked up by its digest, as in rememberingInterpreter.
 */
export function rememberingIndex(index: QuestionIndex, entries = 2_000): QuestionIndex {
  const recent = new RecentResults<Understanding>(entries);
  return {
    size: index.size,
    mayRead: index.mayRead && ((text, topic, ids, clear) => index.mayRead!(text, topic, ids, clear)),
    understand(text, topic, words) {
      // `words` asks for the text's segments besides: only the index itself has them.
      if (words || text.length > MAX_KEYED_TEXT) return index.understand(text, topic, words);
      const key = hash("sha256", `${topic ?? ""}\0${text}`, "base64");
      const kept = recent.get(key);
      if (kept !== undefined) return kept;
      const understood = deepFreeze(index.understand(text, topic));
      recent.set(key, understood);
      return understood;
    },
  };
}

/** Intents that carry (masked) lines of what the user sent: an unread paste's excerpt, a screenshot's line. */
const carriesExcerpt = (intent: ReplyIntent) =>
  intent.type === "showPartlyRead" ||
  intent.type === "askForWordsAfterCode" ||
  (intent.type === "escalate" && (intent.unread?.excerpt.length ?? 0) > 0);

/**
 * The renderer, with the messages of recent intent lists kept (a diagnosis with its steps is ~2.5 KB of
 * JSON): a few MB at most. Messages are only read after rendering (the SDK serialises them; with Redis
 * they are sealed into the stream), so the kept ones are handed out as they are, frozen: no copy per
 * answer (parsing 2.5 KB of JSON back cost ~13 µs).
 */
export function rememberingRenderer(render: Renderer, entries = 256): Renderer {
  const recent = new RecentResults<ReturnType<Renderer>>(entries);
  return (intents, lang) => {
    if (intents.some(carriesExcerpt)) return render(intents, lang);
    const key = `${lang} ${JSON.stringify(intents)}`;
    if (key.length > MAX_KEYED_TEXT) return render(intents, lang);
    const kept = recent.get(key);
    if (kept !== undefined) return kept;
    const messages = render(intents, lang);
    if (JSON.stringify(messages).length <= MAX_KEPT_MESSAGES) recent.set(key, deepFreeze(messages));
    return messages;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
