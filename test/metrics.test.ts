import { describe, expect, it } from "vitest";
import { createMetrics } from "../bot/metrics.ts";

/** The value of one sample line, e.g. sample(text, 'bounce_bot_feedback_total{topic="delayed",answer="no"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("metrics", () => {
  it("counts what happens in a conversation under stable names and labels", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.event("message");
    metrics.event("message");
    metrics.event("follow");
    metrics.duplicate();
    metrics.replySent("reply");
    metrics.classified("user-unknown");
    metrics.feedback("user-unknown", false);
    metrics.feedback("delayed", true);
    metrics.escalated("feedback-no");
    metrics.lineApiError("reply", 429);
    metrics.lineApiError("reply", "timeout");
    metrics.lineApiRetry("reply");
    metrics.lockTimeout();
    const { body, contentType } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    const table: [string, number][] = [
      ['bounce_bot_webhook_events_total{type="message"}', 2],
      ['bounce_bot_webhook_events_total{type="follow"}', 1],
      ["bounce_bot_webhook_duplicate_events_total", 1],
      ['bounce_bot_replies_sent_total{via="reply"}', 1],
      ['bounce_bot_classifications_total{topic="user-unknown"}', 1],
      ['bounce_bot_feedback_total{topic="user-unknown",answer="no"}', 1],
      ['bounce_bot_feedback_total{topic="delayed",answer="yes"}', 1],
      ['bounce_bot_escalations_total{reason="feedback-no"}', 1],
      ['bounce_bot_line_api_errors_total{call="reply",status="429"}', 1],
      ['bounce_bot_line_api_errors_total{call="reply",status="timeout"}', 1],
      ['bounce_bot_line_api_retries_total{call="reply"}', 1],
      ["bounce_bot_user_lock_timeouts_total", 1],
    ];
    for (const [series, value] of table) expect([series, sample(body, series)]).toEqual([series, value]);
  });

  it("keeps labels to closed lists, so outside input cannot create new series", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.event("someFutureEvent");
    metrics.event("x".repeat(500));
    metrics.classified("not-a-topic" as never);
    metrics.lineApiError("push", 99_999);
    const { body } = await metrics.render();
    expect(sample(body, 'bounce_bot_webhook_events_total{type="other"}')).toBe(2);
    expect(sample(body, 'bounce_bot_classifications_total{topic="other"}')).toBe(1);
    expect(sample(body, 'bounce_bot_line_api_errors_total{call="push",status="other"}')).toBe(1);
    expect(body).not.toContain("someFutureEvent");
  });

  it("times acks and event processing into histograms", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.ackTimer()();
    metrics.ackTimer()();
    metrics.processingTimer("postback")();
    const { body } = await metrics.render();
    expect(sample(body, "bounce_bot_webhook_ack_seconds_count")).toBe(2);
    expect(sample(body, 'bounce_bot_webhook_ack_seconds_bucket{le="+Inf"}')).toBe(2);
    expect(sample(body, 'bounce_bot_event_processing_seconds_count{type="postback"}')).toBe(1);
  });

  it("keeps instances apart and adds process metrics when asked", async () => {
    const a = createMetrics();
    const b = createMetrics({ processMetrics: false });
    a.replySent("push");
    expect(sample((await a.render()).body, 'bounce_bot_replies_sent_total{via="push"}')).toBe(1);
    expect(sample((await b.render()).body, 'bounce_bot_replies_sent_total{via="push"}')).toBeUndefined();
    expect((await a.render()).body).toContain("bounce_bot_process_resident_memory_bytes");
    expect((await b.render()).body).not.toContain("process_resident_memory_bytes");
  });
});
