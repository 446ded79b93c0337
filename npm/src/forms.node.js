// The forms entry `contactkit/forms` for Node: as node.js, with the forms module.
import * as raw from "./forms_wasm.js";
import { base64 } from "./forms_wasm_bytes.js";
import { bind, decodeBase64 } from "./api.js";

export { ContactkitError } from "./api.js";

raw.initSync({ module: decodeBase64(base64) });
const api = bind(raw, () => Promise.resolve());
api.markReady();
export const { formFields, formats, schema, standardSchema, validate, validateField, validateMany, version } = api;
export const sequenceSchema = /* @__PURE__ */ standardSchema("sequence");
export const intercomSchema = /* @__PURE__ */ standardSchema("intercom");
export const birdSchema = /* @__PURE__ */ standardSchema("bird");
export const helpscoutSchema = /* @__PURE__ */ standardSchema("helpscout");
export const canonicalSchema = /* @__PURE__ */ standardSchema("canonical");

/** Already done on import in Node; resolves at once. */
export function init() {
  return Promise.resolve();
}

/** Already done on import in Node. */
export function initSync() {}

export default init;
