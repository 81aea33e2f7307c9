// A small Flex Message renderer: bubbles and carousels made of boxes, texts, spans, buttons, separators,
// fillers, spacers, images and icons, close enough to LINE's layout to judge what the bot sends.
// Built with DOM calls only (no innerHTML): bot messages can echo user text.
// Sizes follow LINE's documented keywords (developers.line.biz, Flex Message elements / layout).

const SPACING = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
const TEXT_SIZE = {
  xxs: 11,
  xs: 13,
  sm: 14,
  md: 16,
  lg: 19,
  xl: 22,
  xxl: 29,
  "3xl": 35,
  "4xl": 48,
  "5xl": 74,
};
const IMAGE_SIZE = {
  xxs: 40,
  xs: 60,
  sm: 80,
  md: 100,
  lg: 120,
  xl: 140,
  xxl: 160,
  "3xl": 180,
  "4xl": 200,
  "5xl": 240,
};
const BORDER_WIDTH = { none: 0, light: 0.5, normal: 1, medium: 2, "semi-bold": 3, bold: 4 };
const BUBBLE_WIDTH = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 500 };
const BLOCKS = ["header", "hero", "body", "footer"];

/** A keyword from the table, or a literal "12px" / "50%"; undefined when neither. */
function length(value, table) {
  if (value === undefined || value === null) return undefined;
  if (table && Object.hasOwn(table, value)) return `${table[value]}px`;
  return /^-?\d+(\.\d+)?(px|%)$/.test(String(value)) ? String(value) : undefined;
}

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** http(s) and tel only: anything else (javascript:, data:) is not followed. */
export function safeHref(uri) {
  return typeof uri === "string" && /^(https?:|tel:)/i.test(uri) ? uri : undefined;
}

function attachAction(node, action, onAction) {
  if (!action || typeof action !== "object") return;
  node.classList.add("flex-action");
  node.tabIndex = 0;
  node.setAttribute("role", action.type === "uri" ? "link" : "button");
  if (action.label) node.setAttribute("aria-label", action.label);
  const fire = (event) => {
    event.stopPropagation();
    onAction(action);
  };
  node.addEventListener("click", fire);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") fire(event);
  });
}

function applyFlex(node, component, parentLayout) {
  const horizontal = parentLayout !== "vertical";
  const fallback = horizontal && component.type !== "separator" && component.type !== "spacer" ? 1 : 0;
  const grow = typeof component.flex === "number" ? component.flex : fallback;
  node.style.flex = grow > 0 ? `${grow} ${horizontal ? 1 : 0} 0` : "0 0 auto";
  if (horizontal && grow > 0) node.style.minWidth = "0";
}

function applyBoxStyles(node, box) {
  const padding = length(box.paddingAll, SPACING);
  if (padding) node.style.padding = padding;
  const sides = { paddingTop: "paddingTop", paddingBottom: "paddingBottom" };
  for (const [key, css] of Object.entries(sides)) {
    const v = length(box[key], SPACING);
    if (v) node.style[css] = v;
  }
  const start = length(box.paddingStart, SPACING);
  if (start) node.style.paddingInlineStart = start;
  const end = length(box.paddingEnd, SPACING);
  if (end) node.style.paddingInlineEnd = end;
  if (box.backgroundColor) node.style.backgroundColor = box.backgroundColor;
  const border = length(box.borderWidth, BORDER_WIDTH);
  if (border) node.style.border = `${border} solid ${box.borderColor ?? "#000"}`;
  const radius = length(box.cornerRadius, SPACING);
  if (radius) node.style.borderRadius = radius;
  for (const key of ["width", "maxWidth", "height", "maxHeight"]) {
    const v = length(box[key]);
    if (v) node.style[key] = v;
  }
  if (box.justifyContent) node.style.justifyContent = box.justifyContent;
  if (box.alignItems) node.style.alignItems = box.alignItems;
  if (box.background?.type === "linearGradient") {
    const stops = [box.background.startColor, box.background.centerColor, box.background.endColor].filter(
      Boolean,
    );
    node.style.backgroundImage = `linear-gradient(${box.background.angle ?? "0deg"}, ${stops.join(", ")})`;
  }
}

function applyPosition(node, component) {
  if (component.position !== "absolute") return;
  node.style.position = "absolute";
  const offsets = { offsetTop: "top", offsetBottom: "bottom", offsetStart: "left", offsetEnd: "right" };
  for (const [key, css] of Object.entries(offsets)) {
    const v = length(component[key], SPACING);
    if (v) node.style[css] = v;
  }
}

function renderBox(box, onAction) {
  const layout = box.layout === "horizontal" || box.layout === "baseline" ? box.layout : "vertical";
  const node = el("div", `flex-box flex-${layout}`);
  applyBoxStyles(node, box);
  const contents = Array.isArray(box.contents) ? box.contents : [];
  contents.forEach((child, i) => {
    const childNode = renderComponent(child, layout, onAction);
    if (!childNode) return;
    // The box's spacing separates its children; a child's own margin replaces it. The first child has none.
    const gap = i === 0 ? undefined : (length(child.margin, SPACING) ?? length(box.spacing, SPACING));
    if (gap && child.position !== "absolute") {
      childNode.style[layout === "vertical" ? "marginTop" : "marginInlineStart"] = gap;
    }
    node.append(childNode);
  });
  attachAction(node, box.action, onAction);
  return node;
}

function styleText(node, t) {
  const size = length(t.size, TEXT_SIZE);
  if (size) node.style.fontSize = size;
  if (t.weight === "bold") node.style.fontWeight = "700";
  if (t.color) node.style.color = t.color;
  if (t.style === "italic") node.style.fontStyle = "italic";
  if (t.decoration && t.decoration !== "none") node.style.textDecoration = t.decoration;
}

function renderText(t) {
  const node = el("div", "flex-text");
  styleText(node, t);
  if (Array.isArray(t.contents) && t.contents.length > 0) {
    for (const span of t.contents) {
      if (span?.type !== "span") continue;
      const s = el("span", "flex-span");
      styleText(s, span);
      s.textContent = String(span.text ?? "");
      node.append(s);
    }
  } else {
    node.textContent = String(t.text ?? "");
  }
  if (t.wrap) node.classList.add("flex-wrap");
  if (t.maxLines > 0) {
    node.classList.add("flex-clamp");
    node.style.webkitLineClamp = String(t.maxLines);
  }
  if (t.align) node.style.textAlign = t.align;
  if (t.gravity)
    node.style.alignSelf = { top: "flex-start", bottom: "flex-end", center: "center" }[t.gravity];
  if (t.lineSpacing) node.style.lineHeight = `calc(1.4em + ${t.lineSpacing})`;
  return node;
}

function renderButton(b, onAction) {
  const style = b.style === "primary" || b.style === "secondary" ? b.style : "link";
  const node = el("div", `flex-button flex-button-${style} flex-button-${b.height === "sm" ? "sm" : "md"}`);
  node.textContent = String(b.action?.label ?? "");
  if (b.color) {
    if (style === "link") node.style.color = b.color;
    else node.style.backgroundColor = b.color;
  }
  if (b.gravity)
    node.style.alignSelf = { top: "flex-start", bottom: "flex-end", center: "center" }[b.gravity];
  if (b.action?.type === "uri") node.dataset.uri = String(b.action.uri ?? "");
  attachAction(node, b.action, onAction);
  return node;
}

function renderImage(img, onAction, className = "flex-image") {
  const node = el("div", className);
  const size = img.size === "full" ? "100%" : length(img.size ?? "md", IMAGE_SIZE);
  if (size) node.style.width = size;
  const [w, h] = String(img.aspectRatio ?? "1:1")
    .split(":")
    .map(Number);
  if (w > 0 && h > 0) node.style.aspectRatio = `${w} / ${h}`;
  if (img.backgroundColor) node.style.backgroundColor = img.backgroundColor;
  if (safeHref(img.url)) {
    const picture = el("img");
    picture.src = img.url;
    picture.alt = "";
    picture.loading = "lazy";
    picture.style.objectFit = img.aspectMode === "cover" ? "cover" : "contain";
    picture.addEventListener("error", () => picture.remove()); // offline: keep the placeholder
    node.append(picture);
  }
  attachAction(node, img.action, onAction);
  return node;
}

function renderComponent(component, parentLayout, onAction) {
  if (!component || typeof component !== "object") return undefined;
  let node;
  switch (component.type) {
    case "box":
      node = renderBox(component, onAction);
      break;
    case "text":
      node = renderText(component);
      attachAction(node, component.action, onAction);
      break;
    case "button":
      node = renderButton(component, onAction);
      break;
    case "separator":
      node = el("div", parentLayout === "vertical" ? "flex-separator" : "flex-separator flex-separator-v");
      if (component.color) node.style.backgroundColor = component.color;
      break;
    case "filler":
      node = el("div", "flex-filler");
      break;
    case "spacer":
      node = el("div", "flex-spacer");
      node.style[parentLayout === "vertical" ? "height" : "width"] = length(component.size ?? "md", SPACING);
      break;
    case "image":
      node = renderImage(component, onAction);
      break;
    case "icon":
      node = renderImage({ ...component, size: component.size ?? "md" }, onAction, "flex-icon");
      node.style.width = length(component.size ?? "md", TEXT_SIZE);
      break;
    default: {
      node = el("div", "flex-unknown");
      node.textContent = `[${String(component.type)}]`;
    }
  }
  if (component.type !== "spacer") applyFlex(node, component, parentLayout);
  applyPosition(node, component);
  return node;
}

function renderBubble(bubble, onAction) {
  const node = el("div", "flex-bubble");
  node.style.width = length(bubble.size ?? "mega", BUBBLE_WIDTH);
  if (bubble.direction === "rtl") node.dir = "rtl";
  let previous = false;
  for (const block of BLOCKS) {
    const component = bubble[block];
    if (!component) continue;
    const section = el("div", `flex-block flex-${block}`);
    const styles = bubble.styles?.[block] ?? {};
    if (styles.backgroundColor) section.style.backgroundColor = styles.backgroundColor;
    if (styles.separator && previous)
      section.style.borderTop = `1px solid ${styles.separatorColor ?? "#e5e5e5"}`;
    const inner = renderComponent(component, "vertical", onAction);
    if (inner) section.append(inner);
    node.append(section);
    previous = true;
  }
  attachAction(node, bubble.action, onAction);
  return node;
}

/** Renders a Flex container (bubble or carousel). `onAction(action)` runs when an action is tapped. */
export function renderFlex(contents, onAction) {
  if (contents?.type === "carousel") {
    const node = el("div", "flex-carousel");
    for (const bubble of Array.isArray(contents.contents) ? contents.contents : []) {
      node.append(renderBubble(bubble, onAction));
    }
    return node;
  }
  return renderBubble(contents ?? {}, onAction);
}
