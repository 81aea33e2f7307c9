import { describe, expect, it } from "vitest";
import { kindOfText, languageOfCommand, withoutTechnicalTokens } from "../dialogs/text-kind.ts";

/**
 * Who wrote a text and in which language. Both directions matter: an English speaker must be answered in
 * English, and a Japanese user who pastes an English bounce must stay in Japanese.
 */

describe("a person's English switches to English", () => {
  it.each([
    "Hi, I got a returned mail I don't understand",
    "My mail came back",
    "my emails keep bouncing, can you help",
    "Why can't I send mail to my friend?",
    "hello",
    "The mail to my boss was not delivered", // quotes a bounce phrase, but in the user's own words
    "Mail came back",
    "Can't send email",
    "Email bounced back to me",
    "What does this mean?",
    "Thank you!",
    "Please help",
    "It says user unknown, what now?",
    "I got a mail from MAILER-DAEMON",
    // Round 35: what the mail said reported, a person named as she or they, chat's own words.
    "It says mailbox full",
    "The error said that mailbox is inactive",
    "got a bounce saying the user doesn't exist",
    "she cleared her inbox and now it goes through",
    "they're still coming in, like 20 more today",
    "the recipient is on au mobile btw",
  ])("%s", (text) => {
    expect(kindOfText(text)).toMatchObject({ lang: "en", fromServer: false });
  });

  it.each([
    "Hi, I got this:\n550 5.1.1 <bob@example.com>: User unknown",
    "Hello,\nMy mail to my sister came back with this:\nRemote host said: 550 5.1.1 User unknown\nWhat should I do?",
  ])("also around a paste: %s", (text) => {
    expect(kindOfText(text, true)).toEqual({ lang: "en", fromServer: true, marked: true });
  });
});

describe("round 36: a question put to us, or a day told, is a person's English", () => {
  it.each([
    // a clause that asks, whatever server words or codes stand beside it (the classifier may read a bounce in it)
    ["what's MAILER-DAEMON, is it a virus?", true],
    ["550 5.1.1 user unknown - what does this mean", true],
    ["DMARC fail... what even is DMARC", true],
    ["rejected every single time, what now", false],
    ["so domain is not existing? what it means", false],
    ["friend say address correct, but mail come back, why", false],
    ["the address has two dots in a row before the @, is that the problem", false],
    // when it happened told from the writer's day, and how it felt
    ["That address worked fine last month", false],
    ["ugh this is the third time today, so annoying", false],
    ["Mi cyaan get no email from nobody since yesterday", false],
  ])("%s", (text, recognised) => {
    expect(kindOfText(text, recognised).lang).toBe("en");
  });
});

describe("round 43: a server's phrase quoted in a person's sentence, a Japanese phrase in a person's English", () => {
  it.each([
    "Mail returned with 'quota exceeded' message",
    'the mail came back with "host not found" inside',
    "Email returned, something about 'relay access denied'",
    "my client's mail says メールボックスがいっぱい, what now",
    "the notice says ユーザーが存在しません, any idea",
  ])("%s", (text) => {
    expect(kindOfText(text, true)).toMatchObject({ lang: "en", fromServer: false });
  });

  it.each([
    "perl -MCPAN -e 'install Digest::SHA'", // an option and a path quoted: no person's sentence
    'the reason "userunknown".', // two words around it
    "Your message to 'sales' could not be delivered", // a notice addresses its reader
    "Quota exceeded",
    "「Quota exceeded」って出てました",
    "Quota exceededって書いてあるけど、相手の容量ってこと？",
  ])("not: %s", (text) => {
    expect(kindOfText(text, true).lang).not.toBe("en");
  });
});

describe("round 41: a code told in a person's line, and a person named as they", () => {
  it.each([
    ["I got an email back saying 550 5.1.1 user unknown", true],
    ["Error says 421 try later, I was sending from my laptop", true],
    // what the mail said, reported without "I"
    ["it says 5.7.1 and something like your IP is listed", true],
    ["they bounced it back because it looked like spam", true],
    ["They keep coming, like 30 more in one hour", false],
  ])("%s", (text, recognised) => {
    expect(kindOfText(text, recognised).lang).toBe("en");
  });

  it.each([
    // a notice's own "I" beside its code: an apology, no word of a mail come back or of what it said
    "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)",
    // a reply line opening with its code is the server's, whatever "my" it holds
    "553 sorry, your envelope recipient is in my badrcptto list (#5.7.1)",
    // a notice's bullet telling the reader what the recipients may have done
    "Ask them to check that any forwarding they've set up is working correctly.",
  ])("a notice's line stays undecided: %s", (text) => {
    expect(kindOfText(text, true).lang).toBeUndefined();
  });
});

describe("a person's Japanese quoting a notice is the person's", () => {
  it.each([
    "Undelivered Mail Returned to Senderって件名のエラーが毎日来る。私そんなの送ってない",
    "MAILER-DAEMONからメールが来たけど、自分は何も送ってないです",
    // Spoken Japanese (「…って」「…けど」) without a first person: told, as no server writes.
    "大学の先生にレポートを出したら、すぐMAILER-DAEMONから、そのユーザーはいませんってメールが来た",
  ])("%s", (text) => {
    expect(kindOfText(text)).toEqual({ lang: "ja", fromServer: false, marked: false });
  });

  it("a notice's Japanese without a first person stays a server's", () => {
    expect(
      kindOfText("Undelivered Mail Returned to Sender\nお客様のメールは配信できませんでした"),
    ).toMatchObject({
      fromServer: true,
    });
  });
});

describe("a pasted bounce keeps the chat's language", () => {
  it.each([
    // lines a server writes, pasted alone
    ["550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown", true],
    ["The email account that you tried to reach does not exist.", true],
    ["Mailbox full", true],
    ["Returned mail: see transcript for details", false],
    ["Undelivered Mail Returned to Sender", false],
    ["Delivery Status Notification (Failure)", false],
    ["Diagnostic-Code: smtp; 550 5.1.1 User unknown", false],
    // whole templates that say "I" themselves
    [
      "This is the mail system at host mgate1.so-net.ne.jp.\nI'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
      false,
    ],
    [
      "Hi. This is the qmail-send program at mail.example.com.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.",
      false,
    ],
    ["I was unable to deliver your message to the following addresses:", false],
    ["I'm not going to try again; this message has been in the queue too long.", false],
    ["I am sending you this message to inform you on the delivery status of a message", false],
    ["Hi!\n\nThis is the MAILER-DAEMON, please DO NOT REPLY to this email.", false],
    ["Received: from mx.me.example.com (mx.me.example.com [192.0.2.1])", false], // "me" in a host name
    // short lines of a notice that read like a sentence
    ["Address not found", true],
    ["Message not delivered", false],
    ["Technical details of permanent failure:", false],
    ["Message headers follow.", false],
    // an out-of-office reply says "I", but it is not the user's
    ["I am currently out of the office and will respond upon my return.", true],
    // a notice's advice names the recipient's side as "their" and "them", not a person chatting (round 35)
    [
      "If you're still unable to fix the problem, ask the recipient to tell their email admin about it.",
      false,
    ],
    ["Remote host said: 550 5.1.1 User unknown", false],
    // a notice's own questions and subordinate clauses are no one asking us (round 36)
    ["When delivery was attempted, the following error was returned.", false],
    ["Was this helpful? Send feedback to Microsoft<http://go.microsoft.com/fwlink/?LinkId=525921>.", false],
    ["Subject: Last minute escape?", false],
    ["Sorry, I couldn't find any host named mx.example.com. (#5.1.2)", true],
  ])("%s", (text, recognised) => {
    expect(kindOfText(text, recognised).lang).toBeUndefined();
  });

  it.each([
    "Returned mail: see transcript for details",
    "Undelivered Mail Returned to Sender",
    "X-Failed-Recipients: bob@example.com",
    "host mx.example.com said: 554 rejected",
    "Remote-MTA: dns; mx.example.com",
    "An error occurred while trying to deliver the mail to the following recipients:\nbob@example.com",
    `${"This notice was generated for the sender. ".repeat(10)}`, // long, and nobody says it is theirs
  ])("and counts as a server's text: %s", (text) => {
    expect(kindOfText(text).fromServer).toBe(true);
  });
});

describe("Japanese, and what cannot tell", () => {
  it.each([
    ["エラーメールが返ってくる", "ja"],
    ["メール bounced", "ja"],
    ["送ったら User unknown と出ました", "ja"],
    ["ok", undefined],
    ["arigatou gozaimasu", undefined], // romaji is no English
    ["meeru ga todokanai", undefined],
    ["gmail todokanai", undefined], // one word that spells no romaji is not most of them
    ["prototype", undefined], // one word alone is no sentence
    // Small talk without ENGLISH_WORD's little words: most of its words spell no romaji.
    ["nice weather today", "en"],
    ["great explanation, really clear", "en"],
    ["12345 !!", undefined],
  ])("%s → %s", (text, lang) => {
    expect(kindOfText(text).lang).toBe(lang);
  });

  // English around a Japanese word (round 34): no hiragana and two of English's little words. With hiragana,
  // or one little word only, it stays Japanese.
  it.each([
    ["what is 容量オーバー?", "en"],
    ["how do I set 指定受信 on au?", "en"],
    ["I got エラーメール, what to do?", "en"],
    ["docomoのmailにsendできない", "ja"],
    ["迷惑メール設定変更方法", "ja"],
    ["Gmail 送信 エラー 550", "ja"],
    ["what is お知らせ?", "ja"],
    // Round 35: one Japanese word among two Latin words or more, one of them little; one with hiragana inside an
    // English sentence, two little words around it. Japanese after English asks in Japanese.
    ["what means 宛先不明?", "en"],
    ["Is 迷惑メール same as spam?", "en"],
    ["what does おしらせ mean in my bounce?", "en"],
    ["I got a メールが届きません message, what is it?", "en"],
    ["user unknownってどういう意味", "ja"],
    ["This message was not delivered to the recipientってどういう意味", "ja"],
    ["iPhoneで送れない", "ja"],
  ])("%s → %s", (text, lang) => {
    expect(kindOfText(text).lang).toBe(lang);
  });

  it("a Japanese complaint is no server's text", () => {
    expect(kindOfText("英語のメールが届いた").fromServer).toBe(false);
  });
});

describe("typed commands and labels", () => {
  it.each([
    ["help", "en"],
    ["Cancel!", "en"],
    ["メニュー", "ja"],
    ["ＭＥＮＵ！", undefined], // full-width letters come from a Japanese keyboard
  ])("%s → %s", (text, lang) => {
    expect(languageOfCommand(text)).toBe(lang);
  });
});

describe("technical tokens are blanked before looking for the user's own words", () => {
  it.each([
    ["mail to x.me.example.com bounced", "mail to  bounced"],
    ["see https://example.jp/help now", "see  now"],
    ["my address is taro@example.jp", "my address is "],
    ["a=b and c:d", " and "],
    ["end. of sentence", "end. of sentence"], // the dot is followed by nothing in its token
    ["///", "///"], // no letter or digit after the marks
  ])("%s", (line, expected) => {
    expect(withoutTechnicalTokens(line)).toBe(expected);
  });
});

/**
 * One LINE message is at most 5,000 characters. The pattern this replaced backtracked cubically: 5,000
 * slashes took ~30 s and stalled every other user. test/redos.test.ts proves the patterns linear; how long
 * these texts take is measured by npm run bench:adversarial (bench/hostile-texts.ts holds them).
 */
describe("reading a hostile 5,000-character message", () => {
  it.each([
    ["slashes", "/".repeat(5000)],
    ["at signs", "@".repeat(5000)],
    [":=", ":=".repeat(2500)],
    ["kaomoji", "(^_^;)...".repeat(555)],
  ])("%s: marks nobody types in words, read as a machine's text", (_name, text) => {
    expect(kindOfText(text)).toEqual({ fromServer: true, marked: false });
  });

  it("Japanese with a slash per sentence: a person writing Japanese", () => {
    const text = "メールが戻ってきました/どうすればいいですか。".repeat(208);
    expect(kindOfText(text)).toEqual({ lang: "ja", fromServer: false, marked: false });
  });
});
