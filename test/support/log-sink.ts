/**
 * Every log line written during one test file: by any logger the app creates (test/setup/log-canary.ts
 * tees them here) and by bot processes the tests spawn (test/support/bot-process.ts). The setup file
 * checks them for personal-data canaries after the file's tests.
 */

const KEY = Symbol.for("bounce-bot.test.log-lines");
type Holder = { [KEY]?: string[] };

function lines(): string[] {
  const holder = globalThis as Holder;
  holder[KEY] ??= [];
  return holder[KEY];
}

export function recordLogs(text: string): void {
  for (const line of text.split("\n")) if (line.trim()) lines().push(line);
}

export function loggedLines(): readonly string[] {
  return lines();
}
