// The forms entry `contactkit/forms` for Node: as node.js, with the forms module.
import { base64 } from "./forms_wasm_bytes.js";
import { batch, bindNode, CREATE_FORMATS } from "./api.js";

export { ContactkitError } from "./api.js";

const api = bindNode(base64, [batch], CREATE_FORMATS);
export const { init, initSync, formFields, formats, schema, validate, validateField, validateMany, version } = api;
export const { standardSchema, sequenceSchema, intercomSchema, birdSchema, helpscoutSchema, canonicalSchema } = api;
export default init;
