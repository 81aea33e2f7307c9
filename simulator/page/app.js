// The chat page of the local simulator. It only talks to the simulator's /simulator/* endpoints:
// what the user does becomes a signed webhook event on the server; what the bot sends arrives on an
// event stream per user. No build step: plain ES modules.
import { renderFlex, safeHref } from "./flex.js";

const $ = (id) => document.getElementById(id);
const messagesEl = $("messages");
const chipsEl = $("quick-replies");
const inputEl = $("input");
const examplesEl = $("examples");
const userListEl = $("user-list");
const followEl = $("follow");
const appEl = document.querySelector(".app");

const state = {
  users: [],
  examples: [],
  current: undefined,
  stream: undefined,
  loading: undefined, // { node, timer }
};

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function post(path, body) {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  return res.json();
}

// ---- users -------------------------------------------------------------------------------------

function renderUsers() {
  userListEl.replaceChildren();
  for (const user of state.users) {
    const item = el("li", user.userId === state.current?.userId ? "user current" : "user");
    item.dataset.userId = user.userId;
    item.append(
      el("span", "user-name", user.displayName),
      el("span", "user-id", user.userId),
      el("span", "user-lang", `LINE: ${user.language === "en" ? "English" : "日本語"}`),
    );
    item.addEventListener("click", () => selectUser(user.userId));
    userListEl.append(item);
  }
}

function updateUser(user) {
  state.users = state.users.map((u) => (u.userId === user.userId ? user : u));
  if (state.current?.userId === user.userId) state.current = user;
  $("current-user").textContent = `${user.displayName} · ${user.userId}`;
  followEl.disabled = user.friend;
  followEl.textContent = user.friend ? "友だち ✓" : "友だち追加 (follow)";
  renderUsers();
}

/** The side panel: always shown on a wide screen; on a phone's width it slides over the chat when opened. */
function setSidebar(open) {
  appEl.classList.toggle("sidebar-open", open);
  $("toggle-sidebar").setAttribute("aria-expanded", String(open));
  $("backdrop").hidden = !open;
}

$("toggle-sidebar").addEventListener("click", () => setSidebar(!appEl.classList.contains("sidebar-open")));
$("close-sidebar").addEventListener("click", () => setSidebar(false));
$("backdrop").addEventListener("click", () => setSidebar(false));
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") setSidebar(false);
});

function selectUser(userId) {
  const user = state.users.find((u) => u.userId === userId);
  if (!user) return;
  setSidebar(false); // on a phone, picking a user goes back to the chat
  state.current = user;
  history.replaceState(null, "", `#${userId}`);
  state.stream?.close();
  clearChat();
  updateUser(user);
  const stream = new EventSource(`/simulator/users/${userId}/stream`);
  stream.onmessage = (message) => onChatEvent(JSON.parse(message.data));
  // While the server is away, EventSource retries by itself. It gives up (CLOSED) when the server answers
  // with an error: after `npm start` was restarted, the old user ids are unknown. Then start afresh.
  stream.onerror = () => {
    if (stream.readyState === EventSource.CLOSED && state.stream === stream) void reloadWhenServerIsBack();
  };
  state.stream = stream;
}

async function reloadWhenServerIsBack() {
  for (;;) {
    const up = await fetch("/simulator/state").then(
      (res) => res.ok,
      () => false,
    );
    if (up) return location.reload();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

// ---- the chat ----------------------------------------------------------------------------------

function clearChat() {
  messagesEl.replaceChildren();
  setChips([]);
  stopLoading();
}

function scrollToEnd() {
  messagesEl.scrollTop = messagesEl.scrollHeight;
}

function timeOf(at) {
  return new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** Plain text with http(s) URLs turned into links, as LINE shows them. */
function linkified(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"'「」（）]+/g)) {
    fragment.append(text.slice(last, match.index));
    const a = el("a", "", match[0]);
    a.href = match[0];
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    fragment.append(a);
    last = match.index + match[0].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

function row(side, at) {
  const r = el("div", `row ${side}`);
  if (side === "bot") r.append(el("div", "avatar", "返"));
  const body = el("div", "row-body");
  r.append(body, el("time", "time", timeOf(at)));
  messagesEl.append(r);
  return body;
}

function renderTemplate(template) {
  const card = el("div", "template");
  if (template.title) card.append(el("div", "template-title", template.title));
  card.append(el("div", "template-text", String(template.text ?? "")));
  for (const action of template.actions ?? []) {
    const button = el("button", "template-action", action.label ?? "");
    button.type = "button";
    button.addEventListener("click", () => performAction(action));
    card.append(button);
  }
  return card;
}

function renderBotMessage(message) {
  switch (message?.type) {
    case "text": {
      const bubble = el("div", "bubble bot-text");
      bubble.append(linkified(String(message.text)));
      return bubble;
    }
    case "flex": {
      const node = renderFlex(message.contents, performAction);
      node.dataset.altText = String(message.altText ?? "");
      return node;
    }
    case "template":
      return renderTemplate(message.template ?? {});
    default:
      return el("div", "bubble bot-other", `[${String(message?.type)} message]`);
  }
}

function renderEntry(entry) {
  switch (entry.kind) {
    case "user": {
      row("user", entry.at).append(el("div", "bubble user-text", entry.text));
      setChips([]); // LINE hides quick replies once anyone posts
      break;
    }
    case "user-image": {
      const image = el("img", "bubble user-image");
      image.src = entry.url;
      image.alt = "sent image";
      row("user", entry.at).append(image);
      setChips([]);
      break;
    }
    case "user-file": {
      const size =
        entry.size >= 1024 * 1024
          ? `${(entry.size / 1024 / 1024).toFixed(1)} MB`
          : `${Math.ceil(entry.size / 1024)} KB`;
      row("user", entry.at).append(el("div", "bubble user-text user-file", `📄 ${entry.name} (${size})`));
      setChips([]);
      break;
    }
    case "bot": {
      stopLoading();
      const body = row("bot", entry.at);
      for (const message of entry.messages) body.append(renderBotMessage(message));
      // Only the last message's quick reply is shown (LINE's rule).
      setChips(entry.messages.at(-1)?.quickReply?.items ?? []);
      break;
    }
    case "loading": {
      const remaining = entry.at + entry.seconds * 1000 - Date.now();
      if (remaining > 0) startLoading(remaining);
      break;
    }
    case "notice": {
      const notice = el("div", `notice notice-${entry.level}`, entry.text);
      for (const detail of entry.details ?? []) {
        notice.append(el("div", "notice-detail", `${detail.property}: ${detail.message}`));
      }
      messagesEl.append(notice);
      break;
    }
  }
  scrollToEnd();
}

function startLoading(ms) {
  stopLoading();
  const node = el("div", "row bot loading");
  node.append(el("div", "avatar", "返"));
  const dots = el("div", "bubble dots");
  dots.append(el("span"), el("span"), el("span"));
  node.append(dots);
  messagesEl.append(node);
  state.loading = { node, timer: setTimeout(stopLoading, ms) };
}

function stopLoading() {
  if (!state.loading) return;
  clearTimeout(state.loading.timer);
  state.loading.node.remove();
  state.loading = undefined;
}

function onChatEvent(event) {
  if (event.type === "hello") {
    clearChat(); // a (re)connected stream replays the whole chat
    updateUser(event.user);
  } else if (event.type === "user") updateUser(event.user);
  else if (event.type === "cleared") clearChat();
  else if (event.type === "entry") renderEntry(event.entry);
}

// ---- quick replies and actions -----------------------------------------------------------------

function setChips(items) {
  chipsEl.replaceChildren();
  for (const item of items) {
    const action = item?.action;
    if (!action) continue;
    const chip = el("button", "chip", action.label ?? action.type);
    chip.type = "button";
    chip.addEventListener("click", () => {
      if (action.type === "message" || action.type === "postback") setChips([]);
      performAction(action);
    });
    chipsEl.append(chip);
  }
  chipsEl.hidden = chipsEl.childElementCount === 0;
}

function localNotice(text) {
  renderEntry({ kind: "notice", level: "info", text, at: Date.now() });
}

/** What tapping an action does in LINE: send its text, send a postback, or open a link. */
function performAction(action) {
  const userId = state.current?.userId;
  if (!userId) return;
  switch (action.type) {
    case "message":
      return sendEvent({ type: "message", text: String(action.text ?? "") });
    case "postback":
      return sendEvent({
        type: "postback",
        data: String(action.data ?? ""),
        ...(action.displayText ? { displayText: String(action.displayText) } : {}),
      });
    case "uri": {
      const href = safeHref(action.uri);
      if (href) window.open(href, "_blank", "noopener");
      else localNotice(`Link not opened in the simulator: ${String(action.uri)}`);
      return;
    }
    default:
      localNotice(`The "${action.type}" action needs the LINE app; the simulator does not send it.`);
  }
}

async function sendEvent(event) {
  const userId = state.current?.userId;
  if (!userId) return;
  const result = await post(`/simulator/users/${userId}/events`, event);
  if (result.message) localNotice(result.message);
}

/** An image (PNG, JPEG) or any other file, sent as LINE sends it: a message event with the content's id. */
async function sendMedia(file) {
  const userId = state.current?.userId;
  if (!userId || !file) return;
  const kind = file.type === "image/png" || file.type === "image/jpeg" ? "image" : "file";
  const name = file.name || (kind === "image" ? "image.png" : "file");
  const res = await fetch(`/simulator/users/${userId}/media?kind=${kind}&name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { "content-type": file.type || "application/octet-stream" },
    body: file,
  });
  const result = await res.json().catch(() => ({}));
  if (result.message) localNotice(result.message);
}

// ---- composer, toolbar -------------------------------------------------------------------------

const attachInput = $("attach-input");
$("attach").addEventListener("click", () => attachInput.click());
attachInput.addEventListener("change", () => {
  const [file] = attachInput.files ?? [];
  attachInput.value = "";
  void sendMedia(file);
});
// A screenshot pasted from the clipboard is sent as an image, as LINE's PC app does.
inputEl.addEventListener("paste", (event) => {
  const item = [...(event.clipboardData?.items ?? [])].find((i) => i.kind === "file");
  if (!item) return;
  event.preventDefault();
  void sendMedia(item.getAsFile());
});

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = inputEl.value;
  if (text.trim() === "") return;
  inputEl.value = "";
  examplesEl.value = "";
  void sendEvent({ type: "message", text });
});

inputEl.addEventListener("keydown", (event) => {
  // Enter sends (as in LINE for PC); Shift+Enter is a new line; never while an IME is composing.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $("composer").requestSubmit();
  }
});

examplesEl.addEventListener("change", () => {
  const example = state.examples[Number(examplesEl.value)];
  if (example) {
    inputEl.value = example.text;
    inputEl.focus();
  }
});

followEl.addEventListener("click", () => sendEvent({ type: "follow" }));

$("reset").addEventListener("click", async () => {
  const userId = state.current?.userId;
  if (userId) await post(`/simulator/users/${userId}/reset`);
});

$("add-user").addEventListener("click", async () => {
  const user = await post("/simulator/users", { language: $("add-user-language").value });
  state.users.push(user);
  selectUser(user.userId);
});

// ---- rich menu --------------------------------------------------------------------------------

/** The default rich menu, if the bot's owner set one: its image with a tappable button over each area. */
async function loadRichMenu() {
  const res = await fetch("/simulator/richmenu");
  if (!res.ok) return;
  const menu = await res.json();
  const panel = $("richmenu-panel");
  const { width, height } = menu.size;
  panel.replaceChildren();
  panel.style.aspectRatio = `${width} / ${height}`;
  panel.style.backgroundImage = `url("/simulator/richmenu/image?${encodeURIComponent(menu.richMenuId)}")`;
  for (const area of menu.areas ?? []) {
    const b = area.bounds;
    const button = el("button", "richmenu-area");
    button.type = "button";
    button.title = area.action?.label ?? area.action?.text ?? "";
    Object.assign(button.style, {
      left: `${(100 * b.x) / width}%`,
      top: `${(100 * b.y) / height}%`,
      width: `${(100 * b.width) / width}%`,
      height: `${(100 * b.height) / height}%`,
    });
    button.addEventListener("click", () => performAction(area.action ?? {}));
    panel.append(button);
  }
  const bar = $("richmenu-bar");
  bar.textContent = `${menu.chatBarText} ▾`;
  panel.hidden = !menu.selected;
  bar.onclick = () => {
    panel.hidden = !panel.hidden;
    bar.textContent = `${menu.chatBarText} ${panel.hidden ? "▴" : "▾"}`;
  };
  $("richmenu").hidden = false;
}

async function start() {
  const res = await fetch("/simulator/state");
  const { users, examples, notices = [] } = await res.json();
  // Notes for whoever runs the simulator (e.g. the Q&A community link is still the placeholder).
  const noticesEl = $("page-notices");
  noticesEl.replaceChildren(...notices.map((text) => el("p", "", `⚠ ${text}`)));
  noticesEl.hidden = notices.length === 0;
  state.users = users;
  state.examples = examples;
  examples.forEach((example, i) => {
    const option = el("option", "", example.label);
    option.value = String(i);
    examplesEl.append(option);
  });
  const fromHash = location.hash.slice(1);
  selectUser(users.some((u) => u.userId === fromHash) ? fromHash : users[0]?.userId);
  await loadRichMenu();
  document.body.dataset.ready = "true";
}

void start();
