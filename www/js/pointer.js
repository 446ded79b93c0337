// JSON Pointers (RFC 6901): the paths of contactkit's findings and of the form's inputs.

/** Escapes one reference token. */
export function escapeToken(token) {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Joins a pointer and a token: join("/emails", 0) → "/emails/0". */
export function join(pointer, token) {
  return `${pointer}/${escapeToken(token)}`;
}

/** The tokens of a pointer ("" → []). */
export function tokens(pointer) {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** The parent pointer ("/a/b" → "/a"; "" has no parent and gives ""). */
export function parent(pointer) {
  const i = pointer.lastIndexOf("/");
  return i <= 0 ? "" : pointer.slice(0, i);
}

/** Whether `pointer` is `base` or lies below it. */
export function isWithin(pointer, base) {
  return base === "" || pointer === base || pointer.startsWith(`${base}/`);
}

const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

/** The value at a pointer, or undefined. */
export function get(root, pointer) {
  let node = root;
  for (const token of tokens(pointer)) {
    if (Array.isArray(node)) {
      node = /^(0|[1-9][0-9]*)$/.test(token) ? node[Number(token)] : undefined;
    } else if (node !== null && typeof node === "object" && own(node, token)) {
      node = node[token];
    } else {
      return undefined;
    }
  }
  return node;
}

/**
 * Sets the value at a pointer, creating objects (or arrays, for numeric tokens) on the way;
 * `undefined` removes the member. Member names are defined as own data properties, so a key
 * such as "__proto__" stays data. Returns false when the way is blocked by a scalar.
 */
export function set(root, pointer, value) {
  const path = tokens(pointer);
  if (path.length === 0) return false;
  let node = root;
  for (let i = 0; i < path.length - 1; i += 1) {
    const token = path[i];
    let next = Array.isArray(node) ? node[Number(token)] : own(node, token) ? node[token] : undefined;
    if (next === undefined || next === null) {
      if (value === undefined) return true;
      next = /^(0|[1-9][0-9]*)$/.test(path[i + 1]) ? [] : {};
      define(node, token, next);
    } else if (typeof next !== "object") {
      return false;
    }
    node = next;
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    define(node, last, value);
  }
  return true;
}

function define(node, token, value) {
  if (Array.isArray(node)) {
    node[Number(token)] = value;
  } else {
    Object.defineProperty(node, token, { value, writable: true, enumerable: true, configurable: true });
  }
}

/**
 * Removes the member at a pointer and then every ancestor object that became empty (below
 * the root) unless it is an array item, so clearing the last address field does not leave
 * `"address": {}` behind.
 */
export function removePruning(root, pointer) {
  set(root, pointer, undefined);
  let p = parent(pointer);
  while (p !== "") {
    const v = get(root, p);
    const empty = v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;
    // Array items stay (they are rows of the form), as do non-empty objects.
    if (!empty || Array.isArray(get(root, parent(p)))) break;
    set(root, p, undefined);
    p = parent(p);
  }
}
