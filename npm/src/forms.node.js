// The forms entry `contactkit/forms` for Node: as node.js, with the forms module.
import { base64 } from "./forms_wasm_bytes.js";
import { bindNode } from "./api.js";

export { ContactkitError } from "./api.js";

const api = bindNode(base64);
export const { init, initSync, formFields, formats, schema, validate, validateField, validateMany, version } = api;
export const { standardSchema, sequenceSchema, intercomSchema, birdSchema, helpscoutSchema, canonicalSchema } = api;
export default init;
