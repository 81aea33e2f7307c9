import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";

/**
 * The "paste a bounce example" picker: the project's own bounce fixtures (read once at startup, so a
 * newly written fixture shows up on the next start), or a few short built-in fragments when there are
 * none. Texts are pasted into the input as they are; users paste whole mails too.
 */

export interface BounceExample {
  label: string;
  text: string;
}

/** What a phone user typically pastes: the human-readable lines of a returned mail. Written for the simulator. */
export const BUILT_IN_EXAMPLES: readonly BounceExample[] = [
  {
    label: "User unknown (550 5.1.1)",
    text: [
      "This is the mail system at host mx.example.net.",
      "I'm sorry to have to inform you that your message could not",
      "be delivered to one or more recipients.",
      "",
      "<someone@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1",
      "    <someone@example.com>: Recipient address rejected: User unknown",
    ].join("\n"),
  },
  {
    label: "Mailbox full (452 4.2.2)",
    text: "452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to free up space.",
  },
  {
    label: "Host unknown",
    text: "Host or domain name not found. Name service error for name=exmaple.co.jp type=MX: Host not found",
  },
  {
    label: "Too big (552 5.3.4)",
    text: "552 5.3.4 Message size exceeds fixed maximum message size (20971520 bytes)",
  },
  {
    label: "Still retrying",
    text: "Delivery to the following recipient has been delayed. Will keep trying until message is 5 days old.",
  },
  {
    label: "Given up (expired)",
    text: "This message was created automatically by mail delivery software.\nCould not send message for past 120 hours. Giving up.",
  },
];

const TEXT_EXTENSIONS = new Set(["", ".txt", ".eml", ".mail", ".msg"]);
const MAX_EXAMPLES = 60;
/** Larger files are not what anyone pastes into a chat. */
const MAX_CHARS = 10_000;

function listFiles(dir: string, depth: number): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory() && depth > 0) files.push(...listFiles(path, depth - 1));
    else if (stat?.isFile() && TEXT_EXTENSIONS.has(extname(name).toLowerCase())) files.push(path);
  }
  return files;
}

export function loadExamples(fixturesDir: string | undefined): BounceExample[] {
  const examples: BounceExample[] = [];
  for (const path of fixturesDir ? listFiles(fixturesDir, 2) : []) {
    if (examples.length >= MAX_EXAMPLES) break;
    const bytes = readFileSync(path);
    if (bytes.includes(0)) continue; // binary, not pasteable
    const text = bytes.toString("utf8").replace(/\r\n?/g, "\n").trim();
    if (text === "" || text.length > MAX_CHARS) continue;
    // Raw ISO-2022-JP or Shift_JIS is not what a phone shows, so it is not what anyone pastes.
    if (text.includes("\u001b") || text.includes("\ufffd")) continue;
    examples.push({ label: relative(fixturesDir!, path).replace(/\.[^./]+$/, ""), text });
  }
  return examples.length > 0 ? examples : [...BUILT_IN_EXAMPLES];
}
