// The forms entry `contactkit/forms` for browsers, bundlers and runtimes without a file system:
// validation and form metadata of the create formats, from the small forms module
// (no conversion, no read formats). `await init()` once. (Node's entry is forms.node.js.)
import * as raw from "./forms_wasm.js";
import { bind, initializers } from "./api.js";

export { ContactkitError } from "./api.js";

const api = bind(raw, () => init());
/** As `init` of the full entry, with `forms_wasm_bg.wasm`. */
export const { init, initSync } = initializers(raw, api, () => new URL("./forms_wasm_bg.wasm", import.meta.url));
export const { formFields, formats, schema, standardSchema, validate, validateField, validateMany, version } = api;
export const sequenceSchema = /* @__PURE__ */ standardSchema("sequence");
export const intercomSchema = /* @__PURE__ */ standardSchema("intercom");
export const birdSchema = /* @__PURE__ */ standardSchema("bird");
export const helpscoutSchema = /* @__PURE__ */ standardSchema("helpscout");
export const canonicalSchema = /* @__PURE__ */ standardSchema("canonical");
export default init;
