// Opt-in keeping of work across reloads (localStorage) and opt-in share links (the payload in
// the URL fragment). Both are off by default; turning keeping off deletes what was kept.

const PREFIX = "contactkit-demo:";
const KEEP = `${PREFIX}keep`; // "1" when the user opted in
const SHARE = `${PREFIX}share`; // "1" when share links are allowed (kept only with KEEP)
const WORK = `${PREFIX}work`; // the kept work: { form: {format: payload}, convert: {...}, definitions: {...} }

/** The largest conversion input kept or shared (characters); bigger inputs are not stored. */
export const KEEP_LIMIT = 1_000_000;
/** The largest payload put into a share link (characters of JSON). */
export const SHARE_LIMIT = 32_000;

function storage() {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled (e.g. blocked cookies)
  }
}

export function keepEnabled() {
  return storage()?.getItem(KEEP) === "1";
}

export function shareEnabledKept() {
  return keepEnabled() && storage()?.getItem(SHARE) === "1";
}

/** Turns keeping on or off; off deletes everything the page stored. */
export function setKeep(on, share) {
  const s = storage();
  if (!s) return false;
  if (on) {
    s.setItem(KEEP, "1");
    if (share) s.setItem(SHARE, "1");
  } else {
    for (const key of [KEEP, SHARE, WORK]) s.removeItem(key);
  }
  return true;
}

/** Remembers the share-link choice (only while keeping is on). */
export function setShareKept(on) {
  const s = storage();
  if (!s || !keepEnabled()) return;
  if (on) s.setItem(SHARE, "1");
  else s.removeItem(SHARE);
}

/** The kept work, or an empty object. */
export function loadWork() {
  if (!keepEnabled()) return {};
  try {
    const work = JSON.parse(storage()?.getItem(WORK) ?? "{}");
    return work && typeof work === "object" && !Array.isArray(work) ? work : {};
  } catch {
    return {};
  }
}

/** Stores one part of the work (when keeping is on); returns whether it was stored. */
export function saveWork(part, value) {
  const s = storage();
  if (!s || !keepEnabled()) return false;
  const work = loadWork();
  if (value === undefined) delete work[part];
  else work[part] = value;
  try {
    s.setItem(WORK, JSON.stringify(work));
    return true;
  } catch {
    return false; // over the storage quota
  }
}

// Share links: #share=<base64url of the UTF-8 JSON {view, format, payload}>.

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** A share link for a view, a format and a payload (an object or text), or undefined when too big. */
export function shareLink(view, format, payload) {
  const text = JSON.stringify({ view, format, payload });
  if (text.length > SHARE_LIMIT) return undefined;
  const url = new URL(location.href);
  url.hash = `share=${toBase64Url(text)}`;
  return url.href;
}

/** The shared state in the current URL fragment, or undefined. */
export function sharedState(hash = location.hash) {
  const m = /^#share=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return undefined;
  try {
    const state = JSON.parse(fromBase64Url(m[1]));
    if (!state || typeof state !== "object" || typeof state.view !== "string" || typeof state.format !== "string") return undefined;
    return state;
  } catch {
    return undefined;
  }
}
