// The public API of the `contactkit` npm package over the exports of one WebAssembly module; the
// entries (contactkit.js, node.js, forms.js, forms.node.js) bind it to the full module or to the
// forms module, and the full entries add the conversions (convert.js).
//
// The module's exports take and return numbers only (crates/wasm/src/lib.rs `bindings`), so this
// file instantiates it and calls them itself: no generated glue, and the module imports nothing.
// The boundary is JSON text in both directions, written as UTF-8 into the module's memory and
// read back from it (see `run`): payloads given as objects are serialised with JSON.stringify,
// and every result is parsed with JSON.parse, so the objects handed back have only own
// properties (an untrusted "__proto__" key stays a plain data member) and share nothing with
// earlier results. A result that starts with "!" is the JSON of an error for a bad argument
// (thrown here as a ContactkitError); a record without findings has no result at all.

/** The error thrown for a bad argument: `{code, message, issues?}`. */
export class ContactkitError extends Error {
  constructor(code, message, issues) {
    super(message);
    this.name = "ContactkitError";
    this.code = code;
    if (issues !== undefined) this.issues = issues;
  }
}

/** What `run` returns for a record without findings (JSON text is never empty). */
const NO_FINDINGS = "";

export function argumentError(message) {
  return new ContactkitError("invalid_argument", message);
}

/** What a value is, for messages: never the value itself. */
export function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "object":
      return "an object";
    case "bigint":
      return "a BigInt";
    default:
      return `a ${typeof value}`;
  }
}

/** The error for an argument of the wrong type; a missing one (`undefined`) is said so. */
function wrongType(name, expected, value) {
  return argumentError(
    value === undefined ? `${name} is missing: pass ${expected}` : `${name} must be ${expected}, not ${describe(value)}`,
  );
}

export function formatId(format, name = "format") {
  if (typeof format !== "string") throw wrongType(name, "a format id string (see formats())", format);
  return format;
}

/** JSON text of a value; `what` names it in errors. */
function json(value, what, code = "invalid_argument") {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new ContactkitError(code, `${what} cannot be serialised as JSON: ${e.message}`);
  }
  if (text === undefined) {
    throw new ContactkitError(code, `${what} cannot be serialised as JSON (it is ${describe(value)})`);
  }
  const [at, is] = lost(value, text) ?? [];
  if (is) {
    throw new ContactkitError(code, `${what}${at && ` at ${at}`} ${is}`, [
      { path: at, code: "type", severity: "error", message: is },
    ]);
  }
  return text;
}

/**
 * Where JSON.stringify dropped what `value` holds without an error, as `[JSON Pointer, what it
 * is]`: an object it writes as `{}` although it holds entries (a Map, Set, FormData,
 * URLSearchParams, Headers…), which would pass as an empty object and convert to nothing. Only
 * a text with `{}` is walked (the common case costs one search of the text). Never the value.
 * (NaN and ±Infinity, which it writes as `null`, are not looked for: a search for `null` costs
 * about 5% of a `validate(object)`; npm/README.md says so.)
 */
function lost(value, text) {
  if (!text.includes("{}")) return undefined;
  try {
    return lostIn(value, "", "");
  } catch {
    return undefined; // deeper than this walk goes: the module's own depth bound answers
  }
}

function lostIn(value, key, pointer) {
  if (typeof value?.toJSON === "function") value = value.toJSON(key);
  if (value === null || typeof value !== "object") return undefined;
  const keys = Object.keys(value);
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (keys.length === 0 && !/^(Object|Array|Number|String|Boolean)$/.test(tag)) {
    return [pointer, `is a ${tag}, whose entries JSON leaves out: pass Object.fromEntries() of it`];
  }
  for (const k of keys) {
    const found = lostIn(value[k], k, `${pointer}/${k.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * JSON text as the module must see it. The module reads UTF-8, and a lone UTF-16 surrogate has
 * none (the encoder would write U+FFFD, and the text would pass, or convert, with a character
 * it does not have): each is written as its JSON escape instead, as JSON.stringify writes it
 * for a payload given as an object, which the parser rejects as it rejects that (invalid_json,
 * a syntax finding). Where that escape could complete an escape of the text (after an odd run
 * of backslashes, or next to a `\u` escape it would pair with) it is U+0000 instead, invalid
 * in JSON text wherever it stands: no text becomes valid. No lookbehind, no `u` flag (older
 * engines). The check costs nothing on Latin-1 text (V8 knows it has no surrogates) and about
 * 0.7 ns per UTF-16 unit on other text (Node 20: 0.6 µs for 900 units, some 15% of a
 * `validate` of such a text).
 */
export function jsonText(text) {
  if (text.isWellFormed?.() ?? !/[\ud800-\udfff]/.test(text)) return text;
  return text.replace(/(\\*)([\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff])/g, (all, slashes, s, at) => {
    if (s.length === 2) return all;
    const pairs =
      slashes.length % 2 ||
      (s < "\udc00"
        ? text.startsWith("\\u", at + all.length)
        : slashes === "" && /\\u[0-9a-fA-F]{4}$/.test(text.slice(Math.max(0, at - 6), at)));
    return slashes + (pairs ? "\0" : `\\u${s.charCodeAt(0).toString(16)}`);
  });
}

export function payloadText(payload) {
  if (typeof payload === "string") return jsonText(payload);
  if (payload === undefined || typeof payload === "function" || typeof payload === "symbol") {
    throw wrongType("payload", "an object or a JSON string", payload);
  }
  return json(payload, "payload");
}

export function optionsText(options) {
  return options === undefined ? "" : json(options, "options", "invalid_option");
}

const encoder = new TextEncoder();
/** Text longer than this (UTF-16 units) is encoded on its own first, for room of its exact size. */
const LONG = 1 << 20;

function validation(out) {
  return out === NO_FINDINGS ? { valid: true, issues: [] } : JSON.parse(out);
}

/** A JSON Pointer's reference tokens, unescaped (RFC 6901). */
function tokens(pointer) {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/**
 * A Standard Schema path for a JSON Pointer into `value`: keys as strings, array indices as
 * numbers (where the value holds an array; a pointer below a missing member keeps strings).
 */
function pathOf(pointer, value) {
  let current = value;
  return tokens(pointer).map((token) => {
    let key = token;
    if (Array.isArray(current) && /^(0|[1-9][0-9]*)$/.test(token)) key = Number(token);
    current =
      current !== null && typeof current === "object" && Object.hasOwn(current, key) ? current[key] : undefined;
    return key;
  });
}

/** The create formats, each of which has a Standard Schema export (`<id>Schema`) in the full and forms entries. */
export const CREATE_FORMATS = ["sequence", "intercom", "bird", "helpscout", "canonical"];

/**
 * Adds `validateMany` to `api` (`run` calls the module): the batch call of the full and forms
 * entries, which the per-vendor entries (and their modules) leave out.
 */
export function batch(api, run) {
  api.validateMany = (format, records, options) => {
    let text;
    if (typeof records === "string") {
      text = jsonText(records);
    } else if (Array.isArray(records)) {
      text = json(records, "records");
    } else {
      throw wrongType("records", "NDJSON or JSON array text, or an array of records", records);
    }
    return JSON.parse(run("validateMany", formatId(format), text, optionsText(options)));
  };
}

/**
 * The exports of a browser entry: the functions, `init`/`initSync`, and a Standard Schema per
 * one of `formats` (the create formats; a per-vendor entry's one). `init()` fetches `url()`
 * unless given another source (written as `new URL("./x.wasm", import.meta.url)` in the entry
 * so that bundlers see it and emit the file). Each of `more(api, run)` adds functions (`batch`
 * above; the full entries' conversions, convert.js): an entry imports only what it adds, so
 * its bundle carries no other.
 */
export function bind(url, more, formats) {
  const api = functions(() => api.load());
  Object.assign(api, initializers(api, url, formats));
  return finish(api, more, formats);
}

/**
 * The exports of a Node entry, as `bind`'s: the module, embedded as base64 text (so that no
 * file needs to sit beside the entry), is instantiated now; `init` and `initSync` do nothing.
 */
export function bindNode(base64, more, formats) {
  const api = functions(() => api.init());
  let bytes;
  if (typeof Buffer === "function") {
    bytes = Buffer.from(base64, "base64");
  } else {
    const binary = atob(base64);
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  }
  api.markReady(new WebAssembly.Instance(new WebAssembly.Module(bytes)));
  /** Already done on import in Node; resolves at once. */
  api.init = () => Promise.resolve();
  /** Already done on import in Node. */
  api.initSync = () => {};
  return finish(api, more, formats);
}

function finish(api, more, formats) {
  for (const add of more) add(api, api.run);
  for (const format of formats) api[`${format}Schema`] = api.standardSchema(format);
  return api;
}

/**
 * The functions of the package over one module's exports. `load` starts (or joins) the
 * module's instantiation and returns its promise; the Standard Schema objects wait for it when
 * they are used before `init()` finished.
 */
function functions(load) {
  let ready = false;
  /** The module's exports, and a view of its memory. */
  let wasm;
  let memoryBytes = new Uint8Array(0);
  const standardSchemas = new Map();
  /** An export over a format id whose result is JSON (`schema`, `formFields`). */
  const parsed = (name) => (format) => JSON.parse(run(name, formatId(format)));

  // Where `put` writes next in the module's memory, and the end of the room asked for.
  let cursor = 0;
  let limit = 0;

  /**
   * Writes a text (or bytes) at the cursor as UTF-8; its length in bytes. Short ASCII
   * text (format ids, options) is copied in a loop: cheaper than a call of `encodeInto`.
   */
  function put(text) {
    let n = text.length;
    if (typeof text !== "string") memoryBytes.set(text, cursor);
    else if (n > 32 || !ascii(text)) n = encoder.encodeInto(text, memoryBytes.subarray(cursor, limit)).written;
    cursor += n;
    return n;
  }

  /** Copies text to the cursor if it is ASCII (whether it was). */
  function ascii(text) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) return false;
      memoryBytes[cursor + i] = c;
    }
    return true;
  }

  /** Text as it is written by `put`: long text is encoded first, for room of its exact size. */
  function fit(text) {
    return text.length > LONG ? encoder.encode(text) : text;
  }

  /** The room `put` needs for a text or its bytes. */
  function room(text) {
    return typeof text === "string" ? text.length * 3 : text.length;
  }

  /** The module's memory, viewed afresh if it has grown (a view of the old one is detached). */
  function memory() {
    if (memoryBytes.byteLength === 0) memoryBytes = new Uint8Array(wasm.memory.buffer);
    return memoryBytes;
  }

  /**
   * Calls the export `name` over up to four texts and unwraps its result or error: `put`
   * writes the texts one after another into the module's input buffer (crates/wasm/src/lib.rs;
   * one copy, no allocation here: BENCHMARKS.md), the export gets their lengths in bytes and
   * returns the length of its result (0: none), which is decoded from the module's memory.
   */
  function run(name, a = "", b = "", c = "", d = "") {
    if (!ready) {
      throw new ContactkitError(
        "not_initialized",
        "contactkit is not initialised: `await init()` once before calling it " +
          "(Node's entry does this on import)",
      );
    }
    a = fit(a);
    b = fit(b);
    c = fit(c);
    d = fit(d);
    let out = NO_FINDINGS;
    try {
      const size = room(a) + room(b) + room(c) + room(d);
      cursor = wasm.input(size) >>> 0;
      limit = cursor + size;
      memory();
      const length = wasm[name](put(a), put(b), put(c), put(d)) >>> 0;
      if (length > 0) {
        const at = wasm.output() >>> 0;
        out = decode(memory().subarray(at, at + length));
      }
    } catch (e) {
      // The core does not panic on input; a trap here is a bug in contactkit, reported as
      // such instead of a bare "RuntimeError: unreachable".
      if (e instanceof WebAssembly.RuntimeError) {
        throw new ContactkitError("internal", `contactkit failed internally (please report): ${e.message}`);
      }
      throw e;
    }
    if (out.charCodeAt(0) === 33 /* "!" */) {
      const e = JSON.parse(out.slice(1));
      throw new ContactkitError(e.code, e.message, e.issues);
    }
    return out;
  }

  const api = {
    run,

    /** Marks the module as instantiated (with its instance; without one, as not). */
    markReady(instance) {
      wasm = instance?.exports;
      memoryBytes = new Uint8Array(0);
      ready = wasm !== undefined;
    },

    /** Whether the module is instantiated. */
    ready: () => ready,

    validate(format, payload, options) {
      return validation(run("validate", formatId(format), payloadText(payload), optionsText(options)));
    },

    validateField(format, pointer, value, options) {
      if (typeof pointer !== "string") throw wrongType("pointer", "a JSON Pointer string", pointer);
      const valueText = value === undefined ? "" : json(value, "value");
      return validation(run("validateField", formatId(format), pointer, valueText, optionsText(options)));
    },

    schema: parsed("schema"),

    formats: () => JSON.parse(run("formats")),

    formFields: parsed("formFields"),

    version() {
      return run("version");
    },

    /** The Standard Schema v1 object of a create format (https://standardschema.dev), made once. */
    standardSchema(format) {
      formatId(format);
      const made = standardSchemas.get(format);
      if (made !== undefined) return made;
      if (ready) api.schema(format); // an unknown format (or a read format in forms) throws here
      const check = (value) => {
        let text;
        let issues;
        try {
          text = json(value);
        } catch (e) {
          // Nothing JSON can hold (undefined, a function, a BigInt, a cycle): not a payload; a
          // Map or Set JSON would write as {}: where it is.
          const { path = "", message = "must be an object (a JSON object)" } = e.issues?.[0] ?? {};
          return { issues: [{ message, path: pathOf(path, value), code: "type", pointer: path }] };
        }
        try {
          const out = run("validate", format, text);
          if (out === NO_FINDINGS) return { value };
          issues = JSON.parse(out).issues;
        } catch (e) {
          // Not an object, or not JSON text (lone surrogates): the findings the CLI reports.
          if (!(e instanceof ContactkitError) || e.issues === undefined) throw e;
          issues = e.issues;
        }
        const errors = issues.filter((i) => i.severity === "error");
        if (errors.length === 0) return { value };
        return {
          issues: errors.map((i) => ({
            message: i.message,
            path: pathOf(i.path, value),
            code: i.code,
            pointer: i.path,
            ...(i.params === undefined ? {} : { params: i.params }),
          })),
        };
      };
      // Standard JSON Schema: the format's schema, which is draft 2020-12 only.
      const jsonSchema = (options) => {
        if (options?.target !== "draft-2020-12") {
          throw new ContactkitError(
            "invalid_option",
            `contactkit's schemas are JSON Schema draft-2020-12; target ${JSON.stringify(options?.target) ?? "(none)"} is not available`,
          );
        }
        return api.schema(format);
      };
      const standard = Object.freeze({
        format,
        "~standard": Object.freeze({
          version: 1,
          vendor: "contactkit",
          validate: (value) => (ready ? check(value) : load().then(() => check(value))),
          jsonSchema: Object.freeze({ input: jsonSchema, output: jsonSchema }),
        }),
      });
      standardSchemas.set(format, standard);
      return standard;
    },
  };
  return api;
}

/** Decodes UTF-8 (the module's results). */
let decoder;
let decoded = 0;
function decode(bytes) {
  // A new decoder every 2 GiB decoded, as wasm-bindgen's glue does: Safari's TextDecoder stops
  // working beyond that.
  decoded += bytes.length;
  if (decoder === undefined || decoded >= 2146435072) {
    decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    decoded = bytes.length;
  }
  return decoder.decode(bytes);
}

/**
 * The `init()` and `initSync()` of a browser entry; `defaultUrl()` is the URL of the entry's
 * `.wasm` file. `init()` takes a URL (or its text), a
 * Request, a fetch Response (or its promise), the bytes or a compiled WebAssembly.Module, and
 * returns the same promise until it fails; once the module is ready (also by `initSync`) it
 * does nothing more. A module that is not the entry's (another entry's, another vendor's,
 * another file) is refused there, not at a later call.
 */
function initializers(api, defaultUrl, formats) {
  let pending;
  // Whether `pending` is the default load that a Standard Schema used before init() started
  // (`load`): a source given to init() then replaces it.
  let implicit = false;
  function ready(instance) {
    if (api.ready()) return;
    const exports = instance.exports;
    let ours =
      typeof exports.input === "function" &&
      !(api.convert && !exports.convert) &&
      !api.validateMany === !exports.validateMany;
    if (ours && formats.length === 1) {
      // The five per-vendor modules export the same functions: the format they are built for
      // tells them apart.
      api.markReady(instance);
      ours = api.formats()[0]?.id === formats[0];
      if (!ours) api.markReady();
    }
    if (!ours) {
      throw argumentError(
        "init() was given another .wasm file than this entry's (contactkit: contactkit_wasm_bg.wasm, " +
          "contactkit/forms: forms_wasm_bg.wasm, contactkit/forms/<format>: forms-<format>_wasm_bg.wasm)",
      );
    }
    api.markReady(instance);
  }
  function init(input) {
    if (pending === undefined || (implicit && input !== undefined)) {
      const loading = api.ready() ? Promise.resolve() : instantiate(input ?? defaultUrl()).then(ready);
      pending = loading;
      implicit = false;
      // A failed load may be retried.
      loading.catch(() => {
        if (pending === loading) pending = undefined;
      });
    }
    return pending;
  }
  /** What a Standard Schema used before init() waits for: the load under way, or the default. */
  function load() {
    if (pending === undefined) {
      init();
      implicit = true;
    }
    const loading = pending;
    return loading.catch((e) => (pending !== undefined && pending !== loading ? pending : Promise.reject(e)));
  }
  function initSync(module) {
    if (api.ready()) return;
    if (!(module instanceof WebAssembly.Module)) module = new WebAssembly.Module(module);
    ready(new WebAssembly.Instance(module));
  }
  return { init, initSync, load };
}

/** The module's instance from what `init()` was given (the module imports nothing). */
async function instantiate(source) {
  source = await source;
  if (
    typeof source === "string" ||
    (typeof Request === "function" && source instanceof Request) ||
    (typeof URL === "function" && source instanceof URL)
  ) {
    source = await fetch(source);
  }
  let from = "";
  if (typeof Response === "function" && source instanceof Response) {
    if (!source.ok) {
      throw new Error(`failed to fetch Wasm: ${source.status} ${source.statusText} fetching '${source.url}'`);
    }
    const type = source.headers.get("Content-Type");
    if (typeof WebAssembly.instantiateStreaming === "function") {
      try {
        return (await WebAssembly.instantiateStreaming(source)).instance;
      } catch (e) {
        // Compiling while downloading needs the type application/wasm; a server that sends
        // another makes it fail, and the module is compiled from the whole response instead.
        if (!["basic", "cors", "default"].includes(source.type) || type === "application/wasm") {
          throw e;
        }
        console.warn("contactkit: the .wasm is not served as application/wasm; compiling it after the download:", e);
      }
    }
    from = ` from '${source.url}' (Content-Type ${type ?? "none"})`;
    source = await source.arrayBuffer();
  }
  // "\0asm": neither a missing file answered with a page (a server's fallback to index.html) nor
  // what init() does not take (e.g. wasm-bindgen's `{ module_or_path }`) is a module.
  if (
    !(source instanceof WebAssembly.Module) &&
    String.fromCharCode(...new Uint8Array(source.buffer ?? source, source.byteOffset, Math.min(4, source.byteLength))) !== "\0asm"
  ) {
    throw new Error(`failed to load Wasm${from}: not a WebAssembly module${from && " (a page served for a missing file?)"}`);
  }
  const result = await WebAssembly.instantiate(source);
  return result instanceof WebAssembly.Instance ? result : result.instance;
}
