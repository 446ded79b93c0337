// The public API of the `contactkit` npm package over the raw wasm-bindgen exports of one
// WebAssembly module; the entries (contactkit.js, node.js, forms.js, forms.node.js) bind it to
// the full module or to the forms module.
//
// The boundary is JSON text in both directions (payload and record text written as UTF-8 into the
// module's memory, see send):
// payloads given as objects are serialised with JSON.stringify, and every result is parsed with
// JSON.parse, so the objects handed back have only own properties (an untrusted "__proto__" key
// stays a plain data member) and share nothing with earlier results. A raw export returns "!"
// followed by the JSON of an error for a bad argument (thrown here as a ContactkitError), and ""
// for a record without findings (the exports fed through send() then have no result at all).

/** The error thrown for a bad argument: `{code, message, issues?}`. */
export class ContactkitError extends Error {
  constructor(code, message, issues) {
    super(message);
    this.name = "ContactkitError";
    this.code = code;
    if (issues !== undefined) this.issues = issues;
  }
}

/** What a raw export returns for a record without findings (JSON text is never empty). */
const NO_FINDINGS = "";

function argumentError(message) {
  return new ContactkitError("invalid_argument", message);
}

/** What a value is, for messages: never the value itself. */
function describe(value) {
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

function formatId(format, name = "format") {
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
  return text;
}

function payloadText(payload) {
  if (typeof payload === "string") return payload;
  if (payload === undefined || typeof payload === "function" || typeof payload === "symbol") {
    throw wrongType("payload", "an object or a JSON string", payload);
  }
  return json(payload, "payload");
}

function optionsText(options) {
  return options === undefined ? "" : json(options, "options", "invalid_option");
}

const encoder = new TextEncoder();
/** Text longer than this (UTF-16 units) is encoded on its own first, for room of its exact size. */
const LONG = 1 << 20;

function validation(out) {
  return out === NO_FINDINGS ? { valid: true, issues: [] } : JSON.parse(out);
}

/** The bytes of base64 text (the Node entries embed their module this way). */
function decodeBase64(text) {
  if (typeof Buffer === "function") return Buffer.from(text, "base64");
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
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

/** The create formats, each of which has a Standard Schema export (`<id>Schema`). */
const CREATE_FORMATS = ["sequence", "intercom", "bird", "helpscout", "canonical"];

/**
 * The exports of an entry over one module's raw exports: the functions, `init`/`initSync`, and
 * a Standard Schema per create format. `module.bytes` (base64): the Node entries, which
 * instantiate the module now; `module.url()`: the browser entries, whose `init()` fetches that
 * URL unless given another source (written as `new URL("./x.wasm", import.meta.url)` in the
 * entry so that bundlers see it and emit the file).
 */
export function bind(raw, module) {
  const api = functions(raw, () => api.init());
  if (module.bytes !== undefined) {
    api.markReady(raw.initSync({ module: decodeBase64(module.bytes) }));
    /** Already done on import in Node; resolves at once. */
    api.init = () => Promise.resolve();
    /** Already done on import in Node. */
    api.initSync = () => {};
  } else {
    Object.assign(api, initializers(raw, api, module.url));
  }
  for (const format of CREATE_FORMATS) api[`${format}Schema`] = api.standardSchema(format);
  return api;
}

/**
 * The functions of the package over one module's raw exports. `load` starts (or joins) the
 * module's instantiation and returns its promise; the Standard Schema objects wait for it when
 * they are used before `init()` finished.
 */
function functions(raw, load) {
  let ready = false;
  /** The module's memory, and a view of it. */
  let memory;
  let memoryBytes = new Uint8Array(0);
  const standardSchemas = new Map();

  /** Calls a raw export (with up to five arguments) and unwraps its result or error. */
  function call(fn, a1, a2, a3, a4, a5) {
    if (!ready) {
      throw new ContactkitError(
        "not_initialized",
        "contactkit is not initialised: `await init()` once before calling it " +
          "(Node's entry does this on import)",
      );
    }
    let out;
    try {
      out = fn(a1, a2, a3, a4, a5);
    } catch (e) {
      // The core does not panic on input; a trap here is a bug in contactkit, reported as
      // such instead of a bare "RuntimeError: unreachable".
      if (typeof WebAssembly !== "undefined" && e instanceof WebAssembly.RuntimeError) {
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

  /**
   * Calls a raw export that reads its texts (three or four) from the module's input buffer
   * (crates/wasm/src/lib.rs): `put` writes them there one after another, straight into the
   * module's memory (one copy, no allocation by the glue: BENCHMARKS.md), and the export gets
   * their lengths; it returns whether a result waits.
   */
  function send(fn, a, b, c, d = "") {
    a = fit(a);
    b = fit(b);
    c = fit(c);
    d = fit(d);
    const size = room(a) + room(b) + room(c) + room(d);
    cursor = raw.input(size);
    limit = cursor + size;
    // A view of memory that has since grown is detached (length 0): view it afresh.
    if (memoryBytes.byteLength === 0) memoryBytes = new Uint8Array(memory.buffer);
    return fn(put(a), put(b), put(c), put(d)) ? raw.output() : NO_FINDINGS;
  }

  const api = {
    /** Marks the module as instantiated (called by the entries with its exports). */
    markReady(exports) {
      memory = exports.memory;
      ready = true;
    },

    validate(format, payload, options) {
      return validation(call(send, raw.validate, formatId(format), payloadText(payload), optionsText(options)));
    },

    validateMany(format, records, options) {
      let text;
      if (typeof records === "string") {
        text = records;
      } else if (Array.isArray(records)) {
        text = json(records, "records");
      } else {
        throw wrongType("records", "NDJSON or JSON array text, or an array of records", records);
      }
      return JSON.parse(call(send, raw.validateMany, formatId(format), text, optionsText(options)));
    },

    validateField(format, pointer, value, options) {
      if (typeof pointer !== "string") throw wrongType("pointer", "a JSON Pointer string", pointer);
      const valueText = value === undefined ? "" : json(value, "value");
      return validation(call(raw.validateField, formatId(format), pointer, valueText, optionsText(options)));
    },

    schema(format) {
      return JSON.parse(call(raw.schema, formatId(format)));
    },

    formats() {
      return JSON.parse(call(raw.formats));
    },

    formFields(format) {
      return JSON.parse(call(raw.formFields, formatId(format)));
    },

    version() {
      return call(raw.version);
    },

    /** The Standard Schema v1 object of a create format (https://standardschema.dev), made once. */
    standardSchema(format) {
      formatId(format);
      const made = standardSchemas.get(format);
      if (made !== undefined) return made;
      if (ready) api.schema(format); // an unknown format (or a read format in forms) throws here
      const check = (value) => {
        let text;
        try {
          text = JSON.stringify(value);
        } catch {
          text = undefined;
        }
        if (text === undefined) {
          // Nothing JSON can hold (undefined, a function, a BigInt, a cycle): not a payload.
          return { issues: [{ message: "must be an object (a JSON object)", path: [], code: "type", pointer: "" }] };
        }
        let issues;
        try {
          const out = call(send, raw.validate, format, text, "");
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
  if (raw.convert !== undefined) {
    api.convert = (from, to, payload, options) =>
      JSON.parse(
        call(send, raw.convert, formatId(from, "from"), formatId(to, "to"), payloadText(payload), optionsText(options)),
      );

    /**
     * Converts many records (NDJSON text: one JSON value per line, blank lines skipped) into one
     * target, or into each target of an array (each record is parsed once), with the lines
     * `contactkit convert` writes: payloads, rejects and (option `report`) notes.
     */
    api.convertMany = (from, to, records, options) => {
      const many = Array.isArray(to);
      const targets = many ? to : [to];
      if (targets.length === 0) throw argumentError("to must name at least one format");
      for (const id of targets) {
        formatId(id, "to");
        // The ids cross to WebAssembly joined by commas; a comma is in no format id, and the
        // module says so for such an id as for any unknown one.
        if (id.includes(",")) call(raw.schema, id);
      }
      if (typeof records !== "string") {
        throw argumentError(`records must be NDJSON text (a string), not ${describe(records)}`);
      }
      // One part per target, its fields separated by U+001E (the NDJSON texts go through as
      // they are: JSON escapes control characters, so the separators cannot occur in them).
      const text = call(send, raw.convertMany, formatId(from, "from"), targets.join(","), records, optionsText(options));
      const out = text.split("\u001d").map((part) => {
        const [n, converted, rejected, output, rejects, report] = part.split("\u001e");
        const batch = { records: Number(n), converted: Number(converted), rejected: Number(rejected), output, rejects };
        if (report !== undefined) batch.report = report;
        return batch;
      });
      return many ? out : out[0];
    };

    /** The object the vendor returns for a create payload (intercom, bird or helpscout). */
    api.preview = (format, payload, options) =>
      JSON.parse(call(send, raw.preview, formatId(format), payloadText(payload), optionsText(options)));
  }
  return api;
}

/**
 * The `init()` and `initSync()` of a browser entry over the raw module's own initialisers;
 * `defaultUrl()` is the URL of the entry's `.wasm` file.
 */
function initializers(raw, api, defaultUrl) {
  let pending;
  function init(input) {
    if (pending === undefined) {
      pending = raw.default({ module_or_path: input ?? defaultUrl() }).then((exports) => {
        api.markReady(exports);
      });
      // A failed load may be retried.
      pending.catch(() => {
        pending = undefined;
      });
    }
    return pending;
  }
  function initSync(module) {
    api.markReady(raw.initSync({ module }));
  }
  return { init, initSync };
}
