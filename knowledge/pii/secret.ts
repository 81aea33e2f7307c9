import type { Span } from "./fold.ts";

/**
 * Passwords, PINs and account ids, found by the word that introduces them. Only the value is masked
 * (the word stays, so a reader knows a password was there and was hidden).
 *
 * Japanese words may be followed directly by the value (「暗証番号1234」「パスワードは「ringo55」です」).
 * English words need a separator (":", "=", " - ", " is "), because bounces are full of them in
 * sentences that hold no secret: "Username and Password not accepted", "spf=pass", "password-protected".
 */

/** Longest first: "passcode" must not be read as "pass" + "code…". */
const JA_WORDS = [
  "ログインパスワード",
  "パスワード",
  "ぱすわーど",
  "暗証番号",
  "ユーザーID",
  "ユーザID",
  "ログインID",
  "接続用ID",
  "会員番号",
  "パス",
];
const EN_WORDS = [
  "passphrase",
  "password",
  "passcode",
  "passwd",
  "login ?id",
  "user ?id",
  "pass",
  "pwd",
  "pin",
  "pw",
];

/** An opening quote or bracket before the value: 「ringo55」, "hunter2", (abc123). */
const QUOTE = `[「『"'“‘(]?`;
/** The value: printable ASCII (after folding), 3 to 64 characters. */
const VALUE = "([!-~]{3,64})";

export const SECRET_JA = new RegExp(
  `(?:${JA_WORDS.join("|")}) {0,3}(?:[:=]|は:?|-)? {0,3}${QUOTE}${VALUE}`,
  "g",
);
export const SECRET_EN = new RegExp(
  `(?<![A-Za-z0-9=._-])(?:${EN_WORDS.join("|")})(?![A-Za-z])( {0,3}[:=] {0,3}| {1,3}-{1,2} {0,3}| {0,3}-{1,2} {1,3}| {1,3}is {1,3})${QUOTE}${VALUE}`,
  "gi",
);

/** The words, for the cheap "may hold personal data" test. */
export const SECRET_WORDS = [...JA_WORDS, ...EN_WORDS];

export function findSecrets(folded: string): Span<"secret">[] {
  const found: Span<"secret">[] = [];
  for (const pattern of [SECRET_JA, SECRET_EN]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
      const value = m[m.length - 1]!;
      // "password is incorrect": after "is", a secret has a digit or a symbol in it.
      if (pattern === SECRET_EN && /is/i.test(m[1]!) && /^[A-Za-z]+$/.test(value)) continue;
      const start = m.index + m[0].length - value.length;
      found.push({ kind: "secret", start, end: start + value.length });
    }
  }
  return found;
}
