// The public API of the `contactkit` npm package, over the raw wasm-bindgen exports.
//
// The boundary is JSON text in both directions: payloads given as objects are serialised with
// JSON.stringify, and every result is parsed with JSON.parse, so the objects handed back have
// only own properties (an untrusted "__proto__" key stays a plain data member) and share
// nothing with earlier results. A raw export returns "!" followed by the JSON of an error for
// a bad argument; it is thrown here as a ContactkitError.
import * as raw from "./contactkit_wasm.js";

/** The error thrown for a bad argument: `{code, message, issues?}`. */
export class ContactkitError extends Error {
  constructor(code, message, issues) {
    super(message);
    this.name = "ContactkitError";
    this.code = code;
    if (issues !== undefined) this.issues = issues;
  }
}

let ready = false;

/** Marks the WebAssembly module as instantiated (called by the entry modules). */
export function markReady() {
  ready = true;
}

function call(fn, ...args) {
  if (!ready) {
    throw new ContactkitError(
      "not_initialized",
      "contactkit is not initialised: `await init()` once before calling it " +
        "(Node's entry does this on import)",
    );
  }
  let out;
  try {
    out = fn(...args);
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

function argumentError(message) {
  return new ContactkitError("invalid_argument", message);
}

function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function formatId(format, name = "format") {
  if (typeof format !== "string") {
    throw argumentError(`${name} must be a format id string (see formats()), not ${describe(format)}`);
  }
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
    throw argumentError(`payload must be an object or a JSON string, not ${describe(payload)}`);
  }
  return json(payload, "payload");
}

function optionsText(options) {
  return options === undefined ? "" : json(options, "options", "invalid_option");
}

/** Validates a whole payload (an object or JSON text) as `format`. */
export function validate(format, payload, options) {
  return JSON.parse(call(raw.validate, formatId(format), payloadText(payload), optionsText(options)));
}

/**
 * Validates one member of a payload, as a form input: `value` is placed at `pointer` in the
 * smallest record that holds it, and only the findings at or below `pointer` are returned.
 * `undefined` means the member is absent (to check required-ness).
 */
export function validateField(format, pointer, value, options) {
  if (typeof pointer !== "string") {
    throw argumentError(`pointer must be a JSON Pointer string, not ${describe(pointer)}`);
  }
  const valueText = value === undefined ? "" : json(value, "value");
  return JSON.parse(
    call(raw.validateField, formatId(format), pointer, valueText, optionsText(options)),
  );
}

/** Converts a payload from one format to another, through the canonical contact. */
export function convert(from, to, payload, options) {
  return JSON.parse(
    call(
      raw.convert,
      formatId(from, "from"),
      formatId(to, "to"),
      payloadText(payload),
      optionsText(options),
    ),
  );
}

/**
 * Converts many records (NDJSON text: one JSON value per line, blank lines skipped) into one
 * target, or into each target of an array (each record is parsed once), with the lines
 * `contactkit convert` writes: payloads, rejects and (option `report`) notes.
 */
export function convertMany(from, to, records, options) {
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
  // One part per target, its fields separated by U+001E (the NDJSON texts go through as they
  // are: JSON escapes control characters, so the separators cannot occur in them).
  const text = call(raw.convertMany, formatId(from, "from"), targets.join(","), records, optionsText(options));
  const out = text.split("\u001d").map((part) => {
    const [n, converted, rejected, output, rejects, report] = part.split("\u001e");
    const batch = { records: Number(n), converted: Number(converted), rejected: Number(rejected), output, rejects };
    if (report !== undefined) batch.report = report;
    return batch;
  });
  return many ? out : out[0];
}

/** The object the vendor returns for a create payload (intercom, bird or helpscout). */
export function preview(format, payload, options) {
  return JSON.parse(call(raw.preview, formatId(format), payloadText(payload), optionsText(options)));
}

/** The JSON Schema (draft 2020-12) of a format's payload, as a fresh object. */
export function schema(format) {
  return JSON.parse(call(raw.schema, formatId(format)));
}

/** The formats contactkit knows: `[{id, title}]`. */
export function formats() {
  return JSON.parse(call(raw.formats));
}

/** The form metadata of a format: one entry per member, nested for objects and arrays. */
export function formFields(format) {
  return JSON.parse(call(raw.formFields, formatId(format)));
}

/** The package version (the same as the Rust crate's). */
export function version() {
  return call(raw.version);
}
