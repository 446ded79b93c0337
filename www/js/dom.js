// Small DOM helpers. Every piece of text goes into the page through text nodes, `textContent`
// or an input's `value`: nothing here (or anywhere in www/) parses strings as HTML, so a
// payload such as `<img src=x onerror=alert(1)>` always shows up literally.

let nextId = 0;

/** A fresh id for an element, unique within the page. */
export function uid(prefix = "ck") {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

const PROPERTIES = new Set([
  "value",
  "checked",
  "disabled",
  "readOnly",
  "required",
  "selected",
  "hidden",
  "type",
  "name",
  "id",
  "htmlFor",
  "tabIndex",
  "title",
  "placeholder",
  "spellcheck",
  "multiple",
  "accept",
  "rows",
]);

/**
 * Creates an element: `h("p", { class: "hint" }, "text", child)`. Attributes named like a
 * DOM property in PROPERTIES are set as properties, `class` may be an array, `dataset` an
 * object, `on` an object of event listeners; any other name is set with setAttribute (event
 * handler attributes are refused). Children are nodes, strings (as text), arrays, or
 * null/undefined/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
    } else if (name === "dataset") {
      Object.assign(el.dataset, value);
    } else if (name === "on") {
      for (const [event, listener] of Object.entries(value)) el.addEventListener(event, listener);
    } else if (PROPERTIES.has(name)) {
      el[name] = value;
    } else if (/^on/i.test(name)) {
      throw new Error(`h(): event handler attribute '${name}' is not allowed; use 'on'`);
    } else {
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (see h) to an element. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces all children of an element. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Sets an element's text only when it changes (keeps aria-live regions from repeating). */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** Adds or removes a token of a space-separated attribute such as aria-describedby. */
export function toggleToken(el, attr, token, on) {
  const tokens = new Set((el.getAttribute(attr) ?? "").split(/\s+/).filter(Boolean));
  if (on) tokens.add(token);
  else tokens.delete(token);
  if (tokens.size === 0) el.removeAttribute(attr);
  else el.setAttribute(attr, [...tokens].join(" "));
}

/**
 * A JSON value rendered as syntax-highlighted text: one span per token, built with text nodes
 * only. `indent` is the indentation step.
 */
export function jsonNode(value, indent = 2) {
  const root = document.createDocumentFragment();
  const pad = (depth) => " ".repeat(depth * indent);
  const span = (cls, text) => h("span", { class: cls }, text);
  const walk = (v, depth) => {
    if (v === null) return root.append(span("j-null", "null"));
    if (typeof v === "boolean") return root.append(span("j-bool", String(v)));
    if (typeof v === "number") return root.append(span("j-num", JSON.stringify(v)));
    if (typeof v === "string") return root.append(span("j-str", JSON.stringify(v)));
    if (Array.isArray(v)) {
      if (v.length === 0) return root.append(span("j-punct", "[]"));
      root.append(span("j-punct", "["), "\n");
      v.forEach((item, i) => {
        root.append(pad(depth + 1));
        walk(item, depth + 1);
        root.append(i < v.length - 1 ? span("j-punct", ",") : "", "\n");
      });
      return root.append(pad(depth), span("j-punct", "]"));
    }
    const entries = Object.entries(v);
    if (entries.length === 0) return root.append(span("j-punct", "{}"));
    root.append(span("j-punct", "{"), "\n");
    entries.forEach(([key, item], i) => {
      root.append(pad(depth + 1), span("j-key", JSON.stringify(key)), span("j-punct", ": "));
      walk(item, depth + 1);
      root.append(i < entries.length - 1 ? span("j-punct", ",") : "", "\n");
    });
    return root.append(pad(depth), span("j-punct", "}"));
  };
  walk(value, 0);
  return root;
}

/** Number of characters as contactkit counts them: Unicode scalar values, not UTF-16 units. */
export function charCount(text) {
  let n = 0;
  // Iterating a string yields code points; a lone surrogate counts as one, like the library's
  // replacement of it.
  for (const _ of text) n += 1;
  return n;
}

/** Pluralises a count: plural(2, "error") → "2 errors". */
export function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}

/** Offers text (or a Blob) as a file download through an object URL (no network). */
export function download(filename, text, type = "application/x-ndjson") {
  const url = URL.createObjectURL(text instanceof Blob ? text : new Blob([text], { type }));
  const a = h("a", { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
