/**
 * Parts of the classifier that can be switched off, to measure how it does on bounces from a family
 * it has no reader or phrases for (`npm run --silent eval:families`, scripts/families.ts).
 *
 * Nothing here is consulted while classifying: each module that owns such a part (the format list, the
 * provider table, the phrase indexes) registers a table with `heldOutTable`, which builds it now and
 * again whenever the evaluation changes the holdout. In normal use the holdout never changes, so the
 * tables are built once at load with everything in them.
 */
export interface Holdout {
  /** Format and provider names (`Format.name`, `Provider.name`) that are skipped. */
  names: ReadonlySet<string>;
  /** Reason phrases (as written in reasons/*.ts, with "…") that never match. */
  phrases: ReadonlySet<string>;
}

let current: Holdout = { names: new Set(), phrases: new Set() };
const rebuilds: ((holdout: Holdout) => void)[] = [];

/** Registers a table that depends on the holdout and builds it for the current one. */
export function heldOutTable(rebuild: (holdout: Holdout) => void): void {
  rebuilds.push(rebuild);
  rebuild(current);
}

/** For evaluations only: rebuilds every registered table without these names and phrases. */
export function setHoldout(names: Iterable<string>, phrases: Iterable<string>): void {
  current = { names: new Set(names), phrases: new Set(phrases) };
  for (const rebuild of rebuilds) rebuild(current);
}
