import { describe, expect, it } from "vitest";
import { buildFeelingReader } from "../dialogs/interpret/feeling.ts";
import { loadUi } from "../dialogs/ui.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { fixtureQuestions } from "./fixtures/knowledge.ts";

const feelings = buildFeelingReader(loadUi(), readingTable(fixtureQuestions.readings));
/** What the interpreter does: a feeling read, unless it is over (told calmly, taken back, someone else's). */
const felt = (text: string) => {
  const f = feelings.feelingIn(text);
  return f !== undefined && feelings.feelingOver(text, f) ? undefined : f;
};

describe("round 45: the feeling read right (family45a)", () => {
  it("one exclamation after a calm word or before a change of subject is cheer, not an outburst", () => {
    expect(felt("急いでないので大丈夫です！相手にはいつ届きますか？")).toBeUndefined();
    expect(felt("I'm not in a rush at all, happy to wait! When should it arrive?")).toBeUndefined();
    expect(felt("昨日は孫の運動会でした！ところで、容量の上限って何MB？")).toBeUndefined();
    expect(felt("Lovely weather today! By the way, is this chat free?")).toBeUndefined();
  });

  it("the aside still counts where it tells a failure or complains, or the marks are many", () => {
    expect(felt("また戻ってきた！ところで相手のアドレスってこれで合ってる？")).toBe("frustrated");
    expect(felt("急いでないけど、何回送っても戻ってくる！なんで？")).toBe("frustrated");
    expect(felt("焦ってはないよ！でもなんで届かないの！")).toBe("frustrated");
  });

  it("stuck, no laughing matter, made to grovel before others: upset without a word of anger", () => {
    expect(felt("もう行き詰まってます。次に何を試せば？")).toBe("frustrated");
    expect(felt("笑い事じゃないんだけど、パスワード変えたほうがいい？")).toBe("frustrated");
    expect(felt("上司に謝る羽目になりました。原因は何ですか")).toBe("frustrated");
    expect(felt("my boss thinks I look unprofessional now. why did it bounce?")).toBe("frustrated");
  });
});
