import type { Draft } from "../bounce/draft.ts";
import type { Facts } from "../reasons/check.ts";
import type { Decision, Reason } from "../types.ts";
import type { Provider } from "./format.ts";

/** A provider whose documented messages map straight to reasons: the first table row whose phrase the diagnosis contains wins. */
export function phraseTable(
  name: string,
  hosts: readonly string[],
  table: readonly (readonly [Reason, readonly string[]])[],
): Provider {
  return {
    name,
    hosts,
    reasonOf(_draft: Draft, f: Facts): Decision | undefined {
      for (let i = 0; i < table.length; i++) {
        const reason = table[i]![0];
        const hit = table[i]![1].find((p) => f.text.includes(p));
        if (hit) return { reason, basis: "provider", evidence: `${name}: ${hit}` };
      }
      return undefined;
    },
  };
}
