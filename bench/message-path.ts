import type { messagingApi } from "@line/bot-sdk";
import { createRenderer } from "../bot/render/render.ts";
import { knowledgeServices } from "../bot/wiring.ts";
import { Conversations } from "../dialogs/conversation.ts";
import { createInterpreter } from "../dialogs/interpret.ts";
import { MemorySessionStore } from "../dialogs/stores/memory.ts";
import { loadUi } from "../dialogs/ui.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";

/**
 * The whole path a user's text takes inside the bot, without HTTP and LINE: the interpreter (commands,
 * language, text kind), the classifier with the real knowledge data, the dialog machine, the personal-data
 * masker (excerpts, details, the escalation summary) and the renderer's LINE messages. As bot/wiring.ts
 * puts it together, with the memory session store.
 */
export interface MessagePath {
  /** One turn: what the bot would reply to `text` from `userId`. */
  answer(userId: string, text: string): Promise<messagingApi.Message[]>;
}

export function createMessagePath(): MessagePath {
  const knowledge = loadKnowledge();
  const ui = loadUi();
  const services = knowledgeServices(knowledge);
  const conversations = new Conversations({
    store: new MemorySessionStore(),
    interpret: createInterpreter({ ...services, ui }),
  });
  const render = createRenderer({ knowledge, ui, questions: services.questions });
  return {
    async answer(userId, text) {
      const turn = await conversations.turn(userId, { kind: "text", text });
      return render(turn.intents, turn.lang);
    },
  };
}
