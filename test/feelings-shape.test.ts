import { describe, expect, it } from "vitest";
import { feltByShape } from "../dialogs/understand/feelings.ts";

describe("a feeling told by the shape of a message, without a word of feeling", () => {
  it("a crying, despairing or angry face drawn in characters", () => {
    expect(feltByShape("メール届かない(´；ω；｀)")).toBe("frustrated");
    expect(feltByShape("ちゃんと届いてるのかな(>_<)")).toBe("frustrated");
    expect(feltByShape("また戻ってきた（T_T）")).toBe("frustrated");
    expect(feltByShape("まだ来ない(´・ω・｀)")).toBe("frustrated");
    expect(feltByShape("送れない(泣)")).toBe("frustrated");
    expect(feltByShape("送れない T_T")).toBe("frustrated");
    expect(feltByShape("戻ってきた;_;")).toBe("frustrated");
  });

  it("not a happy face, a word in brackets, nor letters that happen to look like one", () => {
    expect(feltByShape("届きました(^^)")).toBeUndefined();
    expect(feltByShape("ありがとう(*´∀`*)")).toBeUndefined();
    expect(feltByShape("相手(会社のアドレス)に送れない")).toBeUndefined();
    expect(feltByShape("HTTPのリンクって何？")).toBeUndefined();
    expect(feltByShape("容量(20MB)を超えたの？")).toBeUndefined();
  });

  it("an exasperated 「もう」 closing the message, not 「もう」 asking 'already?'", () => {
    expect(feltByShape("何なのもう")).toBe("frustrated");
    expect(feltByShape("いい加減にしてよもー！")).toBe("frustrated");
    expect(feltByShape("もう？")).toBeUndefined();
    expect(feltByShape("もう一回送ってもいい？")).toBeUndefined();
  });

  it("an intensifier before a failure", () => {
    expect(feltByShape("ちっとも送れません")).toBe("frustrated");
    expect(feltByShape("いつまでたっても届かない")).toBe("frustrated");
    expect(feltByShape("どうやってもダメ")).toBe("frustrated");
    expect(feltByShape("動画を送りたいのに毎回はじかれる")).toBe("frustrated");
    expect(feltByShape("送るたびに戻ってくるんだけど")).toBe("frustrated");
    expect(feltByShape("全然大丈夫です、届きました")).toBeUndefined();
  });
});

describe("an intensifier before what is no failure of the mail", () => {
  it("is being lost or finding the assistant no help, each answered on its own", () => {
    expect(feltByShape("何をすればいいのか全然わからない")).toBeUndefined();
    expect(feltByShape("全然役に立たないんだけど")).toBeUndefined();
    expect(feltByShape("何回送っても同じエラーなんだけど")).toBeUndefined(); // tells what happened
    expect(feltByShape("ずっと気になってたんですが、容量って何MBまで？")).toBeUndefined();
  });
});
