import { describe, expect, it } from "vitest";
import { sideNamed } from "../dialogs/understand/sides.ts";

describe("sideNamed", () => {
  it("reads the user's own side, the other party's, and both offered as a choice", () => {
    expect(sideNamed("私のメールボックスがいっぱいなの？")).toBe("own");
    expect(sideNamed("相手のメールボックスがいっぱいってこと？")).toBe("other");
    expect(sideNamed("止まってるのは相手のアカウント？私の？")).toBe("both");
    expect(sideNamed("is it my mailbox or their mailbox?")).toBe("both");
  });

  it("takes the user's own word right before the other party's as naming whose they are, not the user's side", () => {
    expect(sideNamed("うちの取引先のドメインが無くなったってこと？")).toBe("other");
    expect(sideNamed("私の相手はもうそのアドレスを使ってないの？")).toBe("other");
    // Once alone elsewhere in the text, the user's own side is named as well.
    expect(sideNamed("うちの取引先が悪いの？私の設定？")).toBe("both");
  });

  it("reads a long repeated text as its one phrase", () => {
    expect(sideNamed("うちの取引先".repeat(900))).toBe("other");
  });
});
