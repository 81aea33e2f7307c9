import { describe, expect, it } from "vitest";
import { topicOf } from "../knowledge/topic-of-reason.ts";
import { REASONS, TOPIC_IDS } from "../knowledge/types.ts";

describe("topicOf", () => {
  it("gives every reason a known topic", () => {
    for (const reason of REASONS) expect(TOPIC_IDS).toContain(topicOf(reason));
  });

  it("treats a carrier's reception filter like an unknown user", () => {
    expect(topicOf("filtered")).toBe("user-unknown");
  });

  it("says 'still retrying' for any delayed DSN, whatever the reason", () => {
    expect(topicOf("mailboxfull", "delayed")).toBe("delayed");
    expect(topicOf("expired", "failed", "5.4.7")).toBe("expired");
  });

  it("says 'still retrying' for a 4.x expiry only while the server has not given up", () => {
    expect(topicOf("expired", "", "4.4.7")).toBe("delayed");
    expect(topicOf("expired", "delayed", "4.4.7")).toBe("delayed");
    expect(topicOf("expired", "failed", "4.4.7")).toBe("expired");
  });

  it("uses the status code for a malformed address", () => {
    expect(topicOf("userunknown", "failed", "5.1.3")).toBe("address-syntax");
  });

  it("gives a temporary failure that names no reason the temporary-trouble advice, a permanent one none", () => {
    for (const status of ["4.0.0", "4.3.0", "4.4.0", "4.0.901"]) {
      expect(topicOf("onhold", "failed", status), status).toBe("server-trouble");
      expect(topicOf("undefined", "failed", status), status).toBe("server-trouble");
    }
    expect(topicOf("onhold", "failed", "5.0.0")).toBe("unknown");
    expect(topicOf("onhold", "failed", "")).toBe("unknown");
    expect(topicOf("onhold", "delayed", "4.3.0")).toBe("delayed");
  });

  it("gives a temporary code whose table reason names a lasting fault the temporary-trouble advice", () => {
    expect(topicOf("blocked", "failed", "4.2.1")).toBe("server-trouble");
    expect(topicOf("notaccept", "failed", "4.3.2")).toBe("server-trouble");
    // A cause named in words keeps its advice; the permanent codes keep theirs.
    expect(topicOf("suspend", "failed", "4.2.1")).toBe("account-suspended");
    expect(topicOf("blocked", "failed", "4.3.2")).toBe("sender-blocklisted");
    expect(topicOf("notaccept", "failed", "5.3.2")).toBe("host-unknown");
  });

  it("never turns a non-failure into advice about a failure", () => {
    for (const reason of ["delivered", "feedback", "vacation"] as const)
      expect(topicOf(reason)).toBe("not-a-bounce");
  });
});
