import { lineUserId } from "./ids.ts";

/**
 * The simulator's memory: the simulated LINE users and what each chat shows. The stand-in writes the
 * bot's messages here, the router writes what the user sent, and the page reads it as a stream.
 * Nothing here is seen by the bot: it only talks to the webhook and the stand-in, as in production.
 */

export interface SimUser {
  userId: string;
  displayName: string;
  language: "ja" | "en";
  /** Whether the user has added the bot as a friend (follow sent, no unfollow since). */
  friend: boolean;
}

export type ChatEntry =
  /** What the user sent, as it appears in the chat (a postback shows only its displayText, if any). */
  | { kind: "user"; text: string }
  /** An image the user sent (`url`: where the page shows it from) or a file (its name and size). */
  | { kind: "user-image"; url: string }
  | { kind: "user-file"; name: string; size: number }
  /** Messages the bot sent and the stand-in accepted. */
  | { kind: "bot"; via: "reply" | "push"; messages: unknown[] }
  | { kind: "loading"; seconds: number }
  /** Something a developer should see: a rejected API call, a webhook that did not answer 200. */
  | { kind: "notice"; level: "info" | "error"; text: string; details?: unknown };

export type StampedEntry = ChatEntry & { seq: number; at: number };

export type ChatEvent =
  /** First event of every stream: the page starts drawing this chat afresh, history follows. */
  | { type: "hello"; user: SimUser }
  | { type: "entry"; entry: StampedEntry }
  | { type: "user"; user: SimUser }
  | { type: "cleared" };

type Listener = (event: ChatEvent) => void;

const STARTING_USERS: readonly Omit<SimUser, "userId" | "friend">[] = [
  { displayName: "佐藤 花子", language: "ja" },
  { displayName: "田中 一郎", language: "ja" },
  { displayName: "Alex Smith", language: "en" },
];

/** A chat keeps this many entries; older ones scroll away (the page is a tool, not an archive). */
const MAX_ENTRIES = 500;

export class ChatHub {
  readonly #users = new Map<string, SimUser>();
  readonly #entries = new Map<string, StampedEntry[]>();
  readonly #listeners = new Map<string, Set<Listener>>();
  #seq = 0;

  constructor(private readonly now: () => number = Date.now) {
    for (const user of STARTING_USERS) this.addUser(user.displayName, user.language);
  }

  users(): SimUser[] {
    return [...this.#users.values()].map((u) => ({ ...u }));
  }

  user(userId: string): SimUser | undefined {
    const user = this.#users.get(userId);
    return user && { ...user };
  }

  addUser(displayName?: string, language: SimUser["language"] = "ja"): SimUser {
    const user: SimUser = {
      userId: lineUserId(),
      displayName: displayName?.trim() || `User ${this.#users.size + 1}`,
      language,
      friend: false,
    };
    this.#users.set(user.userId, user);
    this.#entries.set(user.userId, []);
    return { ...user };
  }

  setFriend(userId: string, friend: boolean): void {
    const user = this.#users.get(userId);
    if (!user || user.friend === friend) return;
    user.friend = friend;
    this.#emit(userId, { type: "user", user: { ...user } });
  }

  /** Adds an entry to a known user's chat; entries for unknown users are dropped (returns false). */
  post(userId: string, entry: ChatEntry): boolean {
    const entries = this.#entries.get(userId);
    if (!entries) return false;
    const stamped: StampedEntry = { ...entry, seq: ++this.#seq, at: this.now() };
    entries.push(stamped);
    if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
    this.#emit(userId, { type: "entry", entry: stamped });
    return true;
  }

  history(userId: string): StampedEntry[] {
    return [...(this.#entries.get(userId) ?? [])];
  }

  clear(userId: string): void {
    const entries = this.#entries.get(userId);
    if (!entries) return;
    entries.length = 0;
    this.#emit(userId, { type: "cleared" });
  }

  subscribe(userId: string, listener: Listener): () => void {
    let set = this.#listeners.get(userId);
    if (!set) {
      set = new Set();
      this.#listeners.set(userId, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  #emit(userId: string, event: ChatEvent): void {
    for (const listener of this.#listeners.get(userId) ?? []) listener(event);
  }
}
