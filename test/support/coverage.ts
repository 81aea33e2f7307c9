import type { AnyStateMachine, AnyStateNode } from "xstate";
import type { DialogSnapshot } from "../../dialogs/conversation.ts";
import type { DialogEvent } from "../../dialogs/events.ts";

/**
 * Transition coverage of a statechart: every (source state, event, alternative) of the definition, and
 * which of them the tests took. Keys read like "dialog.advice --FEEDBACK#2--> dialog.escalated".
 */
export class TransitionCoverage {
  private readonly all = new Map<string, boolean>();
  private readonly keyOf = new Map<unknown, string>();
  readonly states = new Set<string>();
  readonly visited = new Set<string>();

  constructor(private readonly machine: AnyStateMachine) {
    const walk = (node: AnyStateNode): void => {
      if (node.parent) this.states.add(node.path.join("."));
      for (const [eventType, list] of node.transitions) {
        list.forEach((t, i) => {
          const alt = list.length > 1 ? `#${i + 1}` : "";
          const targets = t.target?.map((n: AnyStateNode) => n.id).join(",") ?? "(stays)";
          const key = `${node.id} --${eventType}${alt}--> ${targets}`;
          this.all.set(key, false);
          this.keyOf.set(t, key);
        });
      }
      for (const child of Object.values(node.states)) walk(child as AnyStateNode);
    };
    walk(machine.root);
  }

  /** The observer to give Conversations. */
  readonly observe = (before: DialogSnapshot, event: DialogEvent): void => {
    for (const t of this.machine.getTransitionData(before as never, event)) {
      const key = this.keyOf.get(t);
      if (key) this.all.set(key, true);
    }
  };

  visit(state: string): void {
    // "advice.carrier" visits "advice" and "advice.carrier"
    const parts = state.split(".");
    for (let i = 1; i <= parts.length; i++) this.visited.add(parts.slice(0, i).join("."));
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
