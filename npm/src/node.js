// The full entry `contactkit` for Node (the "node" export condition): the module is
// instantiated on import from its bytes, embedded in contactkit_wasm_bytes.js, so the functions
// are ready at once and no file needs to sit beside this one (a server bundle made by esbuild,
// Vite SSR or webpack works without copying .wasm files). `init()` and `initSync()` exist for
// code shared with browsers and do nothing here.
import { base64 } from "./contactkit_wasm_bytes.js";
import { batch, bindNode, CREATE_FORMATS } from "./api.js";
import { conversions } from "./convert.js";

export { ContactkitError } from "./api.js";

const api = bindNode(base64, [batch, conversions], CREATE_FORMATS);
export const {
  init,
  initSync,
  convert,
  convertMany,
  formFields,
  formats,
  preview,
  schema,
  validate,
  validateField,
  validateMany,
  version,
} = api;
export const { standardSchema, sequenceSchema, intercomSchema, birdSchema, helpscoutSchema, canonicalSchema } = api;
export default init;
