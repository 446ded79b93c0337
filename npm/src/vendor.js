// The per-vendor entry `contactkit/forms/@ID@` for browsers, bundlers and runtimes without a
// file system: `contactkit/forms` for the one create format "@ID@", from a module built for it
// alone (scripts/build-wasm.sh: no other format's rules or definitions, no validateMany).
// Another format id is refused by the module (`unknown_format`). `await init()` once. (Node's
// entry is forms-@ID@.node.js; scripts/build-wasm.sh writes both from npm/src/vendor*.js.)
import { bind } from "./api.js";

export { ContactkitError } from "./api.js";

const api = bind(() => new URL("./forms-@ID@_wasm_bg.wasm", import.meta.url), [], ["@ID@"]);
export const { init, initSync, formFields, formats, schema, standardSchema, validate, validateField, version } = api;
export const { @ID@Schema } = api;
export default init;
