// The per-vendor entry `contactkit/forms/@ID@` for Node: as forms-@ID@.js, with the module's
// bytes embedded (scripts/build-wasm.sh writes both from npm/src/vendor*.js).
import { base64 } from "./forms-@ID@_wasm_bytes.js";
import { bindNode } from "./api.js";

export { ContactkitError } from "./api.js";

const api = bindNode(base64, [], ["@ID@"]);
export const { init, initSync, formFields, formats, schema, standardSchema, validate, validateField, version } = api;
export const { @ID@Schema } = api;
export default init;
