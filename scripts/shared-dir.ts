import { existsSync } from "node:fs";
import { dirname, join, parse } from "node:path";

/**
 * A path inside `shared/` (the corpus, the peer's scripts), which sits next to the checkout: `../shared`
 * from /work/main, but `../../shared` from a worktree such as /work/wt/NAME. The first folder above
 * this checkout that holds `shared/<parts>` wins; when none does, `../shared/<parts>`, so that a
 * missing corpus is reported where it was first looked for.
 */
export function sharedPath(...parts: string[]): string {
  const checkout = dirname(import.meta.dirname);
  for (let dir = dirname(checkout); dir !== parse(dir).root; dir = dirname(dir)) {
    const path = join(dir, "shared", ...parts);
    if (existsSync(path)) return path;
  }
  return join(dirname(checkout), "shared", ...parts);
}
