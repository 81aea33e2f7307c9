/**
 * Personal-data canaries: planted in user messages by the tests (personal data, conversations, faults,
 * two instances), and looked for in every log line of the whole suite (test/setup/log-canary.ts), in
 * the session store and in replies. None may ever appear unmasked.
 */
export const CANARIES = {
  email: "canary.taro.yamada@example.jp",
  carrierEmail: "canary.hanako@docomo.ne.jp",
  phone: "090-8765-4321",
  card: "4242 4242 4242 4242",
  myNumber: "528103947167",
  passwordJa: "Xq7canaryPw!",
  passwordEn: "Zz9canarySecret",
} as const;

/** Pieces that would betray a canary even if reformatted. */
export const CANARY_FRAGMENTS = [
  ...Object.values(CANARIES),
  "canary.taro",
  "canary.hanako",
  "8765-4321",
  "87654321",
  "4242 4242",
  "4242424242424242",
  "528103947167",
  "Xq7canaryPw",
  "Zz9canarySecret",
];

/** A user message around a bounce with canaries in it, the way people paste: their own words first. */
export function canaryPaste(bounce: string): string {
  return `${CANARIES.email} から送ったら戻ってきました。電話は ${CANARIES.phone} です\n${bounce}`;
}
