import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";

async function verdict(paste: string): Promise<[string | undefined, string | undefined]> {
  const [r] = (await classify(paste, { kind: "fragment" })).records;
  return [r?.reason, r?.topic];
}

async function topic(paste: string): Promise<string | undefined> {
  return (await verdict(paste))[1];
}

/**
 * Japanese notices as a phone shows them: sentences written without blanks (a line far longer than a
 * token of encoded data may be), broken where the notice's writer or the screen broke them, and the
 * Japanese words that tell a warning (still retrying) from a failure.
 */
describe("classify: a Japanese notice's long sentences", () => {
  it("reads Gmail's sentence about an address it could not find, one long line", async () => {
    expect(
      await topic(
        "メールアドレスが見つからないか、メールを受信できないため、メールは haru@example.jp に配信されませんでした。",
      ),
    ).toBe("user-unknown");
  });

  it("reads its twin about the domain as the part after @, under the heading they share", async () => {
    const paste = [
      "** アドレスが見つかりません **",
      "ドメイン example.jp が見つからなかったため、メールは haru@example.jp に配信されませんでした。入力ミスや不要なスペースがないかご確認のうえ、再度お試しください。",
    ].join("\n");
    expect(await verdict(paste)).toEqual(["hostunknown", "host-unknown"]);
  });

  it("reads the sentence under Gmail's 「メールのブロック」 heading when the screenshot cut the heading off", async () => {
    expect(await verdict("haru@example.jp 宛のメールは example.jp でメールがブロックされました。")).toEqual([
      "rejected",
      "spam-blocked",
    ]);
  });

  it("reads Outlook's Japanese sentence that the recipient's mail provider refused it as its English twin", async () => {
    const english = "Your message couldn't be delivered because the recipient's email provider rejected it.";
    expect(await verdict(english)).toEqual(["rejected", "spam-blocked"]);
    // As the Japanese OCR model hands it over: blanks between the characters, the sentence broken by the screen.
    const screenshot = [
      "haru@example.jp へのメッセージを配信できませんでした。受 信 者 の メ ー ル プ ロ バ イ ダ ー に よ っ て 拒",
      "否 さ れ た た め 、 メ ッ セ ー ジ は 配 信 さ れ ま せ ん で し た 。",
    ].join("\n");
    expect(await verdict(screenshot)).toEqual(["rejected", "spam-blocked"]);
  });

  it("reads an ISP's sentence that the address or the domain does not exist", async () => {
    expect(
      await topic(
        "宛先のメールアドレスは存在しないため、メッセージを配送できませんでした。アドレスに誤りがないかご確認ください。",
      ),
    ).toBe("user-unknown");
    expect(
      await topic(
        "宛先のドメインが存在しないため、このメールは配送できませんでした。ドメイン名に誤りがないか確認してください。",
      ),
    ).toBe("host-unknown");
  });

  it("keeps a 「ドメイン」 of one sentence apart from an address not found in the next", async () => {
    const paste = [
      "次のあて先へのメッセージは、ドメイン指定受信の設定を確認しました。",
      "メールアドレスが見つからないため、配信されませんでした。",
    ].join("\n");
    expect(await topic(paste)).toBe("user-unknown");
  });

  it("reads nothing into a long typed message that only uses a phrase's words", async () => {
    const typed =
      "のんびり聞きますね。最近迷惑メールがやたら多い気がするんですけど、こちらで何かできることってあります？";
    expect((await classify(typed)).records).toEqual([]);
  });
});

describe("classify: a Japanese sentence broken across two lines", () => {
  it("finds the phrase the line break cut in two", async () => {
    const paste = [
      "お客様が送信されたメールは、宛先のメールアドレスが存",
      "在しないため配送できませんでした。",
      "宛先のメールアドレスに誤りがないか、もう一度ご確認のうえ再送してください。",
    ].join("\n");
    expect(await topic(paste)).toBe("user-unknown");
  });

  it("does so for a missing domain and a warning too", async () => {
    const domain = [
      "このメールは、宛先のドメインが見つ",
      "からなかったため配送できませんでした。ドメイン名（@より後ろ）を、もう一度ご確認ください。",
    ].join("\n");
    expect(await topic(domain)).toBe("host-unknown");
    const warning = [
      "宛先のサーバーに接続できないため、配送を再試",
      "行しています。このメールを送り直す必要はありません。時間をおいて、届いたかどうかご確認ください。",
    ].join("\n");
    expect(await topic(warning)).toBe("delayed");
  });
});

describe("classify: a warning or a final failure, as the notice's words say", () => {
  it.each([
    "このメッセージはまだ配信されていません。配信は引き続き試行されます。",
    "送信先のサーバーに接続できないため、メールの配送を再試行しています。",
    "送信先のサーバーに応答がありません。このメールを再送する必要はありません。",
  ])("reads a Japanese warning as a delay: %s", async (paste) => {
    expect(await topic(paste)).toBe("delayed");
  });

  it.each([
    "一定期間内に配送できなかったため、このメールを返送します。",
    "配送の有効期限が切れたため、メールをお届けできませんでした。",
  ])("reads a Japanese notice that gave up as expired: %s", async (paste) => {
    expect(await verdict(paste)).toEqual(["expired", "expired"]);
  });

  it("reads Exim's warning without its first lines as a delay", async () => {
    const paste = [
      "No action is required on your part. Delivery attempts will continue for",
      "some time, and this warning may be repeated at intervals if the message",
      "remains undelivered.",
    ].join("\n");
    expect(await topic(paste)).toBe("delayed");
  });

  it("reads 'has been delayed' over a temporary reply as a delay, not a failure", async () => {
    const paste = [
      "Delivery to this recipient has been delayed",
      "Reason: 421 4.7.0 Try again later, closing connection.",
    ].join("\n");
    expect(await topic(paste)).toBe("delayed");
  });
});

describe("classify: plain Japanese words in a bounce's text", () => {
  it.each([
    ["Undelivered Mail Returned to Sender\nユーザーが見つかりません", "user-unknown"],
    [
      "次のあて先へのメッセージはエラーのため送信できませんでした。\n宛先のドメイン名が見つかりませんでした。ドメイン名にまちがいがないかご確認ください。",
      "host-unknown",
    ],
    [
      "failure notice\n宛先のメールアカウントは現在無効になっているため、メールを受け取れません。",
      "account-suspended",
    ],
    ["配信できませんでした。\n受信トレイがいっぱいのため、受け取れません。", "mailbox-full"],
  ])("reads the problem its words name: %s", async (paste, expected) => {
    expect(await topic(paste)).toBe(expected);
  });

  it("keeps words of two sentences apart: the domain is fine, the user is not found", async () => {
    const paste = "配信できませんでした。\nドメインは正しく入力されています。ユーザーが見つかりません。";
    expect(await topic(paste)).toBe("user-unknown");
  });

  it("reads the same words typed alone as no bounce: the user may be retelling or asking", async () => {
    expect((await classify("ユーザーが見つかりません")).records).toEqual([]);
    expect((await classify("宛先のメールアカウントは現在無効になっているのかな")).records).toEqual([]);
  });
});

describe("classify: a bounce's subject line above an explanation in plain words", () => {
  it.each([
    [
      "Undelivered Mail Returned to Sender\nThe recipient address was not found on the server.",
      "user-unknown",
    ],
    ["failure notice\nSorry, the domain does not exist here.", "host-unknown"],
  ])("reads %s", async (paste, expected) => {
    expect(await topic(paste)).toBe(expected);
  });
});
