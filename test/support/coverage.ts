import type { DialogSnapshot } from "../../dialogs/conversation.ts";
import type { DialogEvent } from "../../dialogs/events.ts";
import { DIALOG_STATES, TRANSITION_NAMES, transitionName } from "../../dialogs/machine.ts";

/**
 * Transition coverage of the dialog machine: every (node, event, alternative) of its table, and which of
 * them the tests took. Keys read like "advice --FEEDBACK#2--> escalated".
 */
export class TransitionCoverage {
  private readonly all = new Map<string, boolean>(TRANSITION_NAMES.map((name) => [name, false]));
  /** Every state and every group of states ("advice" of "advice.open"). */
  readonly states = new Set<string>(DIALOG_STATES.flatMap(prefixes));
  readonly visited = new Set<string>();

  /** The observer to give Conversations. */
  readonly observe = (before: DialogSnapshot, event: DialogEvent): void => {
    this.all.set(transitionName(before, event), true);
  };

  visit(state: string): void {
    // "advice.carrier" visits "advice" and "advice.carrier"
    for (const s of prefixes(state)) this.visited.add(s);
  }

  get missed(): string[] {
    return [...this.all].filter(([, hit]) => !hit).map(([key]) => key);
  }

  get missedStates(): string[] {
    return [...this.states].filter((s) => !this.visited.has(s));
  }

  report(): string {
    const total = this.all.size;
    const hit = total - this.missed.length;
    const lines = [
      `transition coverage: ${hit}/${total} (${((100 * hit) / total).toFixed(1)}%)`,
      `state coverage: ${this.states.size - this.missedStates.length}/${this.states.size}`,
      ...this.missed.map((m) => `  not covered: ${m}`),
      ...this.missedStates.map((s) => `  state not visited: ${s}`),
    ];
    return lines.join("\n");
  }
}

/** "advice.carrier" → ["advice", "advice.carrier"] */
function prefixes(state: string): string[] {
  const parts = state.split(".");
  return parts.map((_, i) => parts.slice(0, i + 1).join("."));
}
