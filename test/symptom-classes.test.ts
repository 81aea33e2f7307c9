import { describe, expect, it } from "vitest";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { reasonTextReader, retells } from "../dialogs/understand/reason-texts.ts";
import { politeNegative, symptomClassMatcher } from "../dialogs/understand/symptom-classes.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { loadQuestions } from "../knowledge/questions.ts";

const knowledge = loadKnowledge();
const table = readingTable(loadQuestions(knowledge).readings);

describe("a symptom told in words nobody listed (symptoms.yaml classes)", () => {
  const told = symptomClassMatcher(
    [
      {
        topic: "message-too-big",
        phrases: [],
        classes: [
          {
            all: [
              ["写真", "動画"],
              ["戻ってくる", "はじかれる"],
            ],
            unless: ["開いた"],
          },
        ],
      },
      { topic: "expired", phrases: [], classes: [{ all: [["日後"], ["届かなかった"]] }] },
    ],
    table,
  );

  it("is read from a word of every list, in any order and with any ending", () => {
    expect(told("旅行の写真を送ったら戻ってきました")).toBe("message-too-big");
    expect(told("はじかれるのは動画のときです")).toBe("message-too-big");
    expect(told("3日後に、届かなかったってメールが来た")).toBe("expired");
  });

  it("is read in kana too, through the readings", () => {
    expect(told("しゃしんおくるともどってくる")).toBe("message-too-big");
  });

  it("is not read from one list alone, nor with a word of `unless`", () => {
    expect(told("写真を送りたい")).toBeUndefined();
    expect(told("メールが戻ってきた")).toBeUndefined();
    expect(told("戻ってきたメールの写真を開いた")).toBeUndefined();
  });

  it("reads the shipped classes: photos only, days later, the outgoing server", () => {
    const shipped = symptomClassMatcher(knowledge.symptoms, table);
    expect(shipped("画像つきのメールだけはじかれる")).toBe("message-too-big");
    expect(shipped("一週間後に配達できなかったと連絡が来た")).toBe("expired");
    expect(shipped("送信サーバーに断られます")).toBe("relay-denied");
    expect(shipped("エラーメールの添付を開いてしまった")).toBeUndefined();
  });

  it("reads an @ told about as its name, not the @ inside an address (two @ in the address)", () => {
    const shipped = symptomClassMatcher(knowledge.symptoms, table);
    expect(shipped("メアドに＠を2つ書いちゃったらしい")).toBe("address-syntax");
    expect(shipped("looks like the address had the @ twice")).toBe("address-syntax");
    expect(shipped("hanako@example.jpに二回送りました")).toBeUndefined();
  });
});

describe("a negative of a class, typed politely", () => {
  it("is the polite form of the folded stem: godan, ichidan, a particle before ない", () => {
    expect(politeNegative("みつからな")).toBe("みつかりません");
    expect(politeNegative("届かな")).toBe("届きません");
    expect(politeNegative("できな")).toBe("できません");
    expect(politeNegative("許可されていな")).toBe("許可されていません");
    expect(politeNegative("空きがな")).toBe("空きがありません");
  });

  it("is nothing for a word that is no negative stem", () => {
    expect(politeNegative("いっぱい")).toBeUndefined();
    expect(politeNegative("いな")).toBeUndefined();
  });

  it("is read by the shipped classes", () => {
    const shipped = symptomClassMatcher(knowledge.symptoms, table);
    expect(shipped("中継は許可されていませんって出た")).toBe("relay-denied");
    expect(shipped("送信元が確認できませんって言われて受け取ってもらえない")).toBe("auth-failed");
  });
});

describe("a class of what a returned mail said (`retold`)", () => {
  const told = symptomClassMatcher(
    [
      {
        topic: "mailbox-full",
        phrases: [],
        classes: [{ all: [["容量"], ["超え", "上限"]], retold: true }],
      },
    ],
    table,
  );

  it("is read where the text retells what a mail said", () => {
    expect(told("容量の上限を超えてるって英語で書いてあった")).toBe("mailbox-full");
    expect(told("受信容量が上限ですと返ってきた")).toBe("mailbox-full");
  });

  it("is not read from the same words asked or wished for", () => {
    expect(told("容量の上限を超えたらどうなる？")).toBeUndefined();
    expect(told("容量の上限を上げたい")).toBeUndefined();
  });
});

describe("the shipped classes of a mail's words retold in everyday speech", () => {
  const shipped = symptomClassMatcher(knowledge.symptoms, table);

  it("reads each reason in its everyday words", () => {
    expect(shipped("quotaを超過してるみたいなエラーが来た")).toBe("mailbox-full");
    expect(shipped("向こうの受信箱に空きがないって書いてあった")).toBe("mailbox-full");
    expect(shipped("先方のアカウントが停止中だと言われました")).toBe("account-suspended");
    expect(shipped("ドメインなんてないって返ってきた")).toBe("host-unknown");
    expect(shipped("@のうしろが間違ってるって出た")).toBe("host-unknown");
    expect(shipped("宛先が不明だって英語で書いてある")).toBe("user-unknown");
    expect(shipped("スパムとみなされて返されたっぽい")).toBe("spam-blocked");
    expect(shipped("資料のファイルがでかすぎて戻された")).toBe("message-too-big");
    expect(shipped("書式が正しくないって言われた")).toBe("address-syntax");
    expect(shipped("中継はできませんって返ってくる")).toBe("relay-denied");
    expect(shipped("DKIMで失敗したって出た")).toBe("auth-failed");
    expect(shipped("認証がどうとかで受け取ってもらえなかった")).toBe("auth-failed");
    expect(shipped("送り直す必要はないって書いてある英語のメール")).toBe("delayed");
    expect(shipped("not delivered for 5 days, that's what it says")).toBe("expired");
    expect(shipped("添付からういるす検出って言われた")).toBe("virus-detected");
    expect(shipped("一時的にサーバーが使えないみたい")).toBe("server-trouble");
    expect(shipped("25MBのファイルつけたらはじかれた")).toBe("message-too-big");
    expect(shipped("it bounced, the file was 40 MB")).toBe("message-too-big");
    expect(shipped("先方のメールがいっぱいで受け取れないみたい")).toBe("mailbox-full");
    expect(shipped("@マークのあとが存在しないって出てきた")).toBe("host-unknown");
    expect(shipped("まだ届いていません、引き続き配達を試みますって来た")).toBe("delayed");
    expect(shipped("相手のサーバーが混み合ってるから後で送ってって")).toBe("server-trouble");
  });

  it("reads a returned mail's words retold with nothing pasted (round 38: spam, busy, gave up, no server, no user)", () => {
    expect(shipped("エラーメールにspamって単語が出てくるんだけど")).toBe("spam-blocked");
    expect(shipped("the bounce says something about spam")).toBe("spam-blocked");
    expect(shipped("サーバーが混雑しているのでしばらくしてからって書いてある")).toBe("server-trouble");
    expect(shipped("server is busy, please try later, that's what it said")).toBe("server-trouble");
    expect(shipped("配達をずっと試したけど諦めましたって英語で来た")).toBe("expired");
    expect(shipped("相手のサーバーが見つからないって出た")).toBe("host-unknown");
    expect(shipped("送信サーバーが見つからないって出た")).toBeUndefined();
    expect(shipped("そんな受取人おらんって返ってきた")).toBe("user-unknown");
    expect(shipped("the receiver does not exist it says")).toBe("user-unknown");
    expect(shipped("「配達完了」って件名のメールが届いた")).toBe("not-a-bounce");
    expect(shipped("迷惑メールがたくさん届くって書いてあった")).toBeUndefined();
  });

  it("does not read the mail app's own sign-in, nor a resend asked about, nor a scan", () => {
    expect(shipped("SMTP認証がどうとかで弾かれた")).not.toBe("auth-failed");
    expect(shipped("パスワードの認証に失敗して拒否されたって出た")).not.toBe("auth-failed");
    expect(shipped("再送の必要はない？")).toBeUndefined();
    expect(shipped("ウイルスが見つかったかスキャンで調べたい")).toBeUndefined();
  });

  it("does not read the user's own box, a file's size asked about, or mail received", () => {
    expect(shipped("自分のメールボックスの容量がいっぱいって出た")).toBeUndefined();
    expect(shipped("添付の容量が上限を超えてるって出た")).not.toBe("mailbox-full");
    expect(shipped("ドメインって何かわからない")).toBeUndefined();
    expect(shipped("なりすましメールが毎日届く")).toBeUndefined();
    expect(shipped("相手からメールがいっぱい届いて困る")).toBeUndefined();
    expect(shipped("スパムっぽいメールが返ってきた")).toBeUndefined();
    // 「…でかえってきます」 holds 「でか」: only longer forms of でかい are words of size.
    expect(shipped("ある人へのメールだけ毎回エラーでかえってきます")).not.toBe("message-too-big");
  });
});

describe("what a returned mail said, retold (reason-texts.ts)", () => {
  const reasonOf = reasonTextReader(knowledge, loadQuestions(knowledge));

  it("is the reason whose own texts it is close to, when one leads clearly", () => {
    expect(reasonOf("アドレスの書き方が正しくない")).toBe("address-syntax");
    expect(reasonOf("相手の容量がいっぱいで送れない")).toBe("mailbox-full");
  });

  it("is nothing when no reason leads", () => {
    expect(reasonOf("今日はいい天気")).toBeUndefined();
  });

  it("is read only from words that retell what a mail said", () => {
    expect(retells("最大サイズを超えてるって英語で来ました")).toBe(true);
    expect(retells("quotaがどうとかいうエラー")).toBe(true);
    expect(retells("The bounce says their inbox is full")).toBe(true);
    expect(retells("メールの容量を増やしたい")).toBe(false);
  });
});
