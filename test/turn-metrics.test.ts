import { describe, expect, it } from "vitest";
import { feedbackObserver } from "../bot/turn-metrics.ts";
import type { TopicId } from "../knowledge/types.ts";
import { createHarness } from "./support/harness.ts";

/** "Was this helpful?" answers per topic, as the operators' feedback_total counts them. */
describe("feedbackObserver", () => {
  const user = "U".padEnd(33, "f");

  function setup() {
    const counted: [TopicId, boolean][] = [];
    const harness = createHarness({
      observe: feedbackObserver({ feedback: (topic, helpful) => counted.push([topic, helpful]) }),
    });
    return { counted, harness };
  }

  it("counts a tap under the answer on screen, for its topic", async () => {
    const { counted, harness } = setup();
    await harness.send(user, { kind: "text", text: "552 5.2.2 <k@example.com>: Mailbox full" });
    await harness.send(user, { kind: "postback", data: "a=feedback&v=no&topic=mailbox-full" });
    expect(counted).toEqual([["mailbox-full", false]]);
  });

  it("counts a tap under an answer whose session expired, for the topic the tap names", async () => {
    const { counted, harness } = setup();
    await harness.send(user, { kind: "text", text: "552 5.2.2 <k@example.com>: Mailbox full" });
    harness.advance(31 * 60_000);
    await harness.send(user, { kind: "postback", data: "a=feedback&v=yes&topic=mailbox-full" });
    expect(counted).toEqual([["mailbox-full", true]]);
  });

  it("does not count a typed はい with no answer on screen (that is chat)", async () => {
    const { counted, harness } = setup();
    await harness.send(user, { kind: "text", text: "はい" });
    expect(counted).toEqual([]);
  });
});
