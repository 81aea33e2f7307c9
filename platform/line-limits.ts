/**
 * LINE's documented limits on outgoing messages (see shared reference line-platform.md §1). The bottom of
 * the dependency graph: knowledge/ and dialogs/ check their texts against these at load time, bot/ and the
 * simulator's stand-in check every message; this module imports nothing of ours. The SDK's
 * types are looser than the API, so we check ourselves: tests check every message the bot sends, and the
 * local LINE stand-in answers 400 with LINE's error shape on the same violations.
 */

export interface LimitViolation {
  /** Path in LINE's style: "messages[0].quickReply.items[2].action.label". */
  property: string;
  message: string;
}

export const LINE_LIMITS = {
  messagesPerRequest: 5,
  textLength: 5000,
  quickReplyItems: 13,
  quickReplyLabel: 20,
  flexButtonLabel: 40,
  templateActionLabel: 20,
  altText: 1500,
  postbackData: 300,
  actionText: 300,
  uriLength: 1000,
  bubbleBytes: 30 * 1024,
  carouselBytes: 50 * 1024,
  carouselBubbles: 12,
  senderName: 20,
} as const;

const segmenter = new Intl.Segmenter("ja", { granularity: "grapheme" });

/** Labels are counted in grapheme clusters (an emoji with modifiers is one). */
export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

class Checker {
  readonly violations: LimitViolation[] = [];

  fail(property: string, message: string): void {
    this.violations.push({ property, message });
  }

  string(
    value: unknown,
    property: string,
    max: number,
    opts: { graphemes?: boolean; required?: boolean } = {},
  ) {
    if (value === undefined && !opts.required) return;
    if (typeof value !== "string") {
      this.fail(property, "Must be a string");
      return;
    }
    if (opts.required && value.length === 0) {
      this.fail(property, "Must not be empty");
      return;
    }
    const length = opts.graphemes ? graphemeLength(value) : value.length;
    if (length > max) this.fail(property, `Length must be between 0 and ${max}`);
  }

  action(action: unknown, path: string, labelMax: number, labelRequired: boolean): void {
    if (!isObj(action)) {
      this.fail(path, "Must be an action object");
      return;
    }
    this.string(action.label, `${path}.label`, labelMax, { graphemes: true, required: labelRequired });
    switch (action.type) {
      case "postback":
        this.string(action.data, `${path}.data`, LINE_LIMITS.postbackData, { required: true });
        this.string(action.displayText, `${path}.displayText`, LINE_LIMITS.actionText);
        if (action.displayText !== undefined && action.text !== undefined)
          this.fail(`${path}.text`, "displayText and text cannot be used together");
        break;
      case "message":
        this.string(action.text, `${path}.text`, LINE_LIMITS.actionText, { required: true });
        break;
      case "uri":
        this.string(action.uri, `${path}.uri`, LINE_LIMITS.uriLength, { required: true });
        if (typeof action.uri === "string" && !/^(https?|line|tel):/.test(action.uri))
          this.fail(`${path}.uri`, "Must be an http, https, line or tel URI");
        break;
      case "datetimepicker":
      case "camera":
      case "cameraRoll":
      case "location":
      case "richmenuswitch":
      case "clipboard":
        break;
      default:
        this.fail(`${path}.type`, "Unknown action type");
    }
  }

  quickReply(quickReply: unknown, path: string): void {
    if (quickReply === undefined) return;
    if (!isObj(quickReply) || !Array.isArray(quickReply.items)) {
      this.fail(`${path}.items`, "Must be an array");
      return;
    }
    const items = quickReply.items;
    if (items.length < 1 || items.length > LINE_LIMITS.quickReplyItems)
      this.fail(`${path}.items`, `Size must be between 1 and ${LINE_LIMITS.quickReplyItems}`);
    for (const [i, item] of items.entries()) {
      const itemPath = `${path}.items[${i}]`;
      if (!isObj(item) || item.type !== "action") {
        this.fail(`${itemPath}.type`, "Must be 'action'");
        continue;
      }
      if (item.imageUrl !== undefined) this.string(item.imageUrl, `${itemPath}.imageUrl`, 2000);
      const needsLabel =
        isObj(item.action) &&
        ["postback", "message", "uri", "datetimepicker"].includes(String(item.action.type));
      this.action(item.action, `${itemPath}.action`, LINE_LIMITS.quickReplyLabel, needsLabel);
    }
  }

  /** Walks a Flex container and checks every action inside it. */
  flexActions(node: unknown, path: string): void {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) this.flexActions(child, `${path}[${i}]`);
      return;
    }
    if (!isObj(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "action")
        this.action(value, `${path}.action`, LINE_LIMITS.flexButtonLabel, node.type === "button");
      else if (typeof value === "object") this.flexActions(value, `${path}.${key}`);
    }
  }

  flex(message: Obj, path: string): void {
    this.string(message.altText, `${path}.altText`, LINE_LIMITS.altText, { required: true });
    const contents = message.contents;
    if (!isObj(contents)) {
      this.fail(`${path}.contents`, "Must be a bubble or carousel");
      return;
    }
    const bytes = Buffer.byteLength(JSON.stringify(contents));
    if (contents.type === "bubble") {
      if (bytes > LINE_LIMITS.bubbleBytes) this.fail(`${path}.contents`, "Bubble JSON must be at most 30 KB");
    } else if (contents.type === "carousel") {
      if (bytes > LINE_LIMITS.carouselBytes)
        this.fail(`${path}.contents`, "Carousel JSON must be at most 50 KB");
      const bubbles = Array.isArray(contents.contents) ? contents.contents.length : 0;
      if (bubbles < 1 || bubbles > LINE_LIMITS.carouselBubbles)
        this.fail(`${path}.contents.contents`, `Size must be between 1 and ${LINE_LIMITS.carouselBubbles}`);
    } else {
      this.fail(`${path}.contents.type`, "Must be 'bubble' or 'carousel'");
      return;
    }
    this.flexActions(contents, `${path}.contents`);
  }

  template(message: Obj, path: string): void {
    this.string(message.altText, `${path}.altText`, LINE_LIMITS.altText, { required: true });
    const template = message.template;
    if (!isObj(template)) {
      this.fail(`${path}.template`, "Must be a template object");
      return;
    }
    const actions = Array.isArray(template.actions) ? template.actions : [];
    if (template.type === "buttons") {
      const withHeader = template.title !== undefined || template.thumbnailImageUrl !== undefined;
      this.string(template.text, `${path}.template.text`, withHeader ? 60 : 160, { required: true });
      this.string(template.title, `${path}.template.title`, 40);
      if (actions.length < 1 || actions.length > 4)
        this.fail(`${path}.template.actions`, "Size must be between 1 and 4");
    } else if (template.type === "confirm") {
      this.string(template.text, `${path}.template.text`, 240, { required: true });
      if (actions.length !== 2) this.fail(`${path}.template.actions`, "Size must be 2");
    }
    for (const [i, a] of actions.entries()) {
      this.action(a, `${path}.template.actions[${i}]`, LINE_LIMITS.templateActionLabel, true);
    }
  }

  message(message: unknown, path: string): void {
    if (!isObj(message)) {
      this.fail(path, "Must be a message object");
      return;
    }
    switch (message.type) {
      case "text":
        this.string(message.text, `${path}.text`, LINE_LIMITS.textLength, { required: true });
        break;
      case "flex":
        this.flex(message, path);
        break;
      case "template":
        this.template(message, path);
        break;
      case "sticker":
      case "image":
      case "video":
      case "audio":
      case "location":
      case "imagemap":
      case "textV2":
        break;
      default:
        this.fail(`${path}.type`, "Unknown message type");
    }
    this.quickReply(message.quickReply, `${path}.quickReply`);
    if (isObj(message.sender))
      this.string(message.sender.name, `${path}.sender.name`, LINE_LIMITS.senderName);
  }
}

/** Every way a reply/push `messages` array breaks LINE's limits; empty when LINE would accept it. */
export function checkMessages(messages: unknown): LimitViolation[] {
  const checker = new Checker();
  if (!Array.isArray(messages)) {
    checker.fail("messages", "Must be an array");
    return checker.violations;
  }
  if (messages.length < 1 || messages.length > LINE_LIMITS.messagesPerRequest)
    checker.fail("messages", `Size must be between 1 and ${LINE_LIMITS.messagesPerRequest}`);
  for (const [i, m] of messages.entries()) checker.message(m, `messages[${i}]`);
  return checker.violations;
}
