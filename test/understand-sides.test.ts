import { describe, expect, it } from "vitest";
import {
  actionAsked,
  choosesProviderOrOwn,
  choosesSide,
  endsWithSide,
  guessesSide,
  namesMistake,
  namesUser,
  ownActionAsked,
  sideNamed,
} from "../dialogs/understand/sides.ts";

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
    // In English, "my"/"our" before a person written to ("my friend", "our member") names the other party.
    expect(sideNamed("can you tell my friend her mailbox is full?")).toBe("other");
    expect(sideNamed("is the account of our member closed?")).toBe("other");
    expect(sideNamed("is it my friend's server or my settings?")).toBe("both");
  });

  it('takes what the user sent ("my mail", "my e-mail") as on no side, unless a setting of it follows', () => {
    expect(sideNamed("why their side say my mail is spam?")).toBe("other");
    expect(sideNamed("what does it mean for my e-mail?")).toBeUndefined();
    expect(sideNamed("is it my mail settings?")).toBe("own");
    expect(sideNamed("sorry my english is bad")).toBeUndefined();
    expect(sideNamed("so I should change something in my email app?")).toBe("own");
  });

  it("reads a long repeated text as its one phrase", () => {
    expect(sideNamed("うちの取引先".repeat(900))).toBe("other");
  });
});

describe("choosesSide", () => {
  it("reads both sides offered as a choice, not both named in one story or one side alone", () => {
    expect(choosesSide("相手側の制限に引っかかったのか、うちの方の制限なのか知りたい")).toBe(true);
    expect(choosesSide("これは私の設定のせい？それとも相手？")).toBe(true);
    expect(choosesSide("止まってるのは相手のアカウント？私の？")).toBe(true);
    expect(choosesSide("相手のアドレスを私のスマホで打ち間違えたの？")).toBe(false);
    expect(choosesSide("私の設定のせい？それとも何か別の理由？")).toBe(false);
    expect(choosesSide("did my message reach them or not")).toBe(false);
  });
});

describe("choosesProviderOrOwn", () => {
  it("reads So-net's side and the user's own offered as a choice, in questions, a word of choice or English 'or'", () => {
    expect(choosesProviderOrOwn("ブロックされてるのはso-netのサーバー？私個人？")).toBe(true);
    expect(choosesProviderOrOwn("止められてるのはソネット全体？私だけ？")).toBe(true);
    expect(choosesProviderOrOwn("ソネット側の問題？それとも私のパソコン？")).toBe(true);
    expect(choosesProviderOrOwn("is the block on So-net's server or on my address?")).toBe(true);
    expect(choosesSide("is it So-net's server that's blocked or my own address?")).toBe(true);
  });

  it("leaves So-net named in one question, a run of question marks, and So-net without the user", () => {
    expect(choosesProviderOrOwn("I use so-net address. why they not verify me??")).toBe(false);
    expect(choosesProviderOrOwn("私のアドレスもso-netなんだけど届く？")).toBe(false);
    expect(choosesProviderOrOwn("so-netのサーバー？相手の？")).toBe(false);
  });
});

describe("namesUser", () => {
  it("reads the user named as owner or as the one acted on, not the other party alone", () => {
    expect(namesUser("なんで私がブロックされてるの？")).toBe(true);
    expect(namesUser("私のアドレスが悪いの？")).toBe(true);
    expect(namesUser("why am I blocked")).toBe(true);
    expect(namesUser("なんで相手のアカウントが止まるの")).toBe(false);
  });
});

describe("actionAsked", () => {
  it("reads what the user can do, and whether anything is needed with nobody named to do it", () => {
    expect(actionAsked("わかった。じゃあ今から自分でできることは？")).toBe("can");
    expect(actionAsked("is there anything I can do")).toBe("can");
    expect(actionAsked("何もしなくていい？")).toBe("needed");
    expect(actionAsked("so no need to do anything?")).toBe("needed");
  });

  it("leaves whose side to a fault named, or the user named as the one who would act", () => {
    expect(actionAsked("私のせいなら、できることはある？")).toBeUndefined();
    expect(actionAsked("こっちは何もしなくていいの？")).toBeUndefined();
    expect(actionAsked("I don't have to do anything, right?")).toBeUndefined();
    expect(actionAsked("相手のアドレスが変わったの？")).toBeUndefined();
  });

  it("reads the things to do named as a noun as the steps asked, whoever is named to do them", () => {
    expect(actionAsked("私がやることは何かある？")).toBe("can");
    expect(actionAsked("自分がすべきことを教えて")).toBe("can");
    // Named as needed or not, with the user as the one who would act, it still asks whose it is to fix.
    expect(actionAsked("私は何もしなくていいの？")).toBeUndefined();
  });

  it("reads the user named as the one to act as asking what is needed where no side failed (noSides)", () => {
    expect(actionAsked("こっちは何もしなくていいの？", true)).toBe("needed");
    expect(actionAsked("do i need to do anything about them", true)).toBe("needed");
    expect(actionAsked("do i need to do anything about them")).toBeUndefined();
    expect(actionAsked("私のせいなの？何かする必要ある？", true)).toBeUndefined();
  });
});

describe("ownActionAsked", () => {
  it("reads what the user themself can do, not 「できることは？」 alone, which may ask about the assistant", () => {
    expect(ownActionAsked("わかった。じゃあ今から自分でできることは？")).toBe(true);
    expect(ownActionAsked("こっちでできる対処ってある？")).toBe(true);
    expect(ownActionAsked("is there anything I can do")).toBe(true);
    expect(ownActionAsked("できることは？")).toBe(false);
    expect(ownActionAsked("what can you do?")).toBe(false);
  });
});

describe("guessesSide", () => {
  it("reads a side guessed at fault: something wrong, or a guess put against the diagnosis", () => {
    expect(guessesSide("向こうのサーバーが壊れてるの？")).toBe(true);
    expect(guessesSide("ソネット側がおかしいって可能性はないの？")).toBe(true);
    expect(guessesSide("向こうのセキュリティが過敏なだけってことは？")).toBe(true);
  });

  it("leaves a side in the story before the last clause, a what or when asked, and a side named without fault", () => {
    expect(guessesSide("相手のアドレス、@の前に点が2個並んでるんだけどそれのせい？")).toBe(false);
    expect(guessesSide("相手のサーバーの問題なら、いつ直るの？")).toBe(false);
    expect(guessesSide("相手のメールボックスがいっぱいってこと？")).toBe(false);
  });

  it("reads a long repeated text in linear time", () => {
    const started = performance.now();
    guessesSide("向こうの、".repeat(1000));
    actionAsked("できること".repeat(1000));
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("endsWithSide", () => {
  it("reads a side named at the end as the one meant (…の方, …側), with or without a question's tail", () => {
    expect(endsWithSide("いっぱいなのって、うちの方？")).toBe(true);
    expect(endsWithSide("えっ、パンパンなのはうちの受信箱のほう？")).toBe(true);
    expect(endsWithSide("おかしいのはこっち側なの？")).toBe(true);
    expect(endsWithSide("止まってるのはso-net側ですか")).toBe(true);
  });

  it("leaves a side named elsewhere in the text, and 方 of a way or a choice of action", () => {
    expect(endsWithSide("相手のメールボックスがいっぱいってこと？")).toBe(false);
    expect(endsWithSide("うちの方で何かすることある？")).toBe(false);
    expect(endsWithSide("送り直したほうがいい？")).toBe(false);
  });
});

describe("namesMistake", () => {
  it("reads a judgement named as mistaken, not a mistake of the user's", () => {
    expect(namesMistake("相手のウイルス対策の誤検知ってことはない？")).toBe(true);
    expect(namesMistake("向こうのフィルターの勘違いじゃない？")).toBe(true);
    expect(namesMistake("could it be a false positive on their side")).toBe(true);
    expect(namesMistake("アドレスを間違えたかも")).toBe(false);
  });
});
