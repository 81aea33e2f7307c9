import type { TopicId } from "../knowledge/types.ts";
import type { DialogEvent } from "./events.ts";
import type { Knowledge } from "./knowledge-contract.ts";
import type { Postback } from "./postback.ts";
import { normalizeCommand } from "./text.ts";
import type { KeywordCommand, UiTexts } from "./ui.ts";

/**
 * Commands and buttons: typed keywords and button labels (either language) and tapped postbacks → the
 * events they stand for. Exact matches only: a paste that contains "help" is still a paste.
 */

export const KEYWORD_EVENTS: Record<Exclude<KeywordCommand, "yes" | "no">, DialogEvent> = {
  menu: { type: "MENU" },
  restart: { type: "RESTART" },
  help: { type: "HELP" },
  cancel: { type: "CANCEL" },
  human: { type: "HUMAN" },
  more: { type: "MORE_TOPICS" },
  paste: { type: "HOW_TO_PASTE" },
};

export function fromPostback(p: Postback | undefined, knowledge: Knowledge): DialogEvent {
  switch (p?.a) {
    case "symptom":
      // 「わからない・その他」 was once a symptom button (and rich menus keep their data): it opens the
      // second menu now, since the "unknown" advice says nothing the user can act on.
      return p.topic === "unknown" ? { type: "MORE_TOPICS" } : { type: "SYMPTOM", topic: p.topic };
    case "followup": {
      const followUp = knowledge.topics.get(p.topic)?.followUps.find((f) => f.id === p.id);
      return followUp
        ? { type: "FOLLOW_UP", topic: p.topic, id: p.id, carriers: followUp.carriers === true }
        : { type: "MENU" }; // a button from an older version of the texts
    }
    case "carrier":
      return knowledge.carriers.some((c) => c.id === p.id) ? { type: "CARRIER", id: p.id } : { type: "MENU" };
    case "feedback":
      return { type: "FEEDBACK", helpful: p.helpful, topic: p.topic };
    case "cmd":
      return KEYWORD_EVENTS[p.cmd];
    default:
      return { type: "MENU" };
  }
}

export function keywordIndex(ui: UiTexts): Map<string, KeywordCommand> {
  const index = new Map<string, KeywordCommand>();
  for (const [command, words] of Object.entries(ui.keywords) as [KeywordCommand, string[]][])
    for (const word of words) index.set(normalizeCommand(word), command);
  // Button labels typed back are commands too, in either language.
  const labels: [{ ja: string; en: string }, KeywordCommand][] = [
    [ui.menu.humanLabel, "human"],
    [ui.menu.menuLabel, "menu"],
    [ui.menu.moreLabel, "more"],
    [ui.moreMenu.pasteLabel, "paste"],
    [ui.feedback.yesLabel, "yes"],
    [ui.feedback.noLabel, "no"],
  ];
  for (const [label, command] of labels) {
    index.set(normalizeCommand(label.ja), command);
    index.set(normalizeCommand(label.en), command);
  }
  return index;
}

/** Button labels in both languages → what they stand for, for users who type instead of tapping. */
export function buildLabelIndex({ knowledge, ui }: { knowledge: Knowledge; ui: UiTexts }) {
  const symptoms = new Map<string, TopicId>();
  for (const id of [...ui.menu.topics, ...ui.moreMenu.topics]) {
    const topic = knowledge.topics.get(id);
    if (!topic) continue;
    symptoms.set(normalizeCommand(topic.menuLabel.ja), id);
    symptoms.set(normalizeCommand(topic.menuLabel.en), id);
  }
  const carriers = new Map<string, string>();
  for (const c of knowledge.carriers) {
    carriers.set(normalizeCommand(c.name.ja), c.id);
    carriers.set(normalizeCommand(c.name.en), c.id);
  }
  const followUps = new Map<TopicId, Map<string, string>>();
  for (const [id, topic] of knowledge.topics) {
    const labels = new Map<string, string>();
    for (const f of topic.followUps) {
      labels.set(normalizeCommand(f.label.ja), f.id);
      labels.set(normalizeCommand(f.label.en), f.id);
    }
    followUps.set(id, labels);
  }
  return { symptoms, carriers, followUps };
}
