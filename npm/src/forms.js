// The forms entry `contactkit/forms` for browsers, bundlers and runtimes without a file system:
// validation and form metadata of the create formats, from the smaller forms module (no
// conversion, no read formats). `await init()` once, as with the full entry (contactkit.js).
// (Node's entry is forms.node.js.)
import { batch, bind, CREATE_FORMATS } from "./api.js";

export { ContactkitError } from "./api.js";

const api = bind(() => new URL("./forms_wasm_bg.wasm", import.meta.url), [batch], CREATE_FORMATS);
export const { init, initSync, formFields, formats, schema, validate, validateField, validateMany, version } = api;
export const { standardSchema, sequenceSchema, intercomSchema, birdSchema, helpscoutSchema, canonicalSchema } = api;
export default init;
