/**
 * Parts of the classifier that can be switched off, to measure how it does on bounces from a family
 * it has no reader or phrases for (`npm run --silent eval:families`, scripts/families.ts). Empty in
 * normal use; the checks cost one `size` test where a format, provider or phrase would be used.
 */
export const holdout = {
  /** Format and provider names (`Format.name`, `Provider.name`) that are skipped. */
  names: new Set<string>(),
  /** Reason phrases (as written in reasons/*.ts, with "…") that never match. */
  phrases: new Set<string>(),
  /** Bumped on every change, so cached phrase answers are not reused across settings. */
  version: 0,
};

export function setHoldout(names: Iterable<string>, phrases: Iterable<string>): void {
  holdout.names = new Set(names);
  holdout.phrases = new Set(phrases);
  holdout.version++;
}
