// The full entry `contactkit` for browsers, bundlers and runtimes without a file system:
// `await init()` once, then call the functions. (Node's entry is node.js.) `init()` fetches
// and instantiates contactkit_wasm_bg.wasm next to this file (bundlers emit the file and
// rewrite the URL), or what it is given: another URL, a fetch Response (or its promise), the
// bytes or a compiled WebAssembly.Module; calling it again returns the same promise.
import { batch, bind, CREATE_FORMATS } from "./api.js";
import { conversions } from "./convert.js";

export { ContactkitError } from "./api.js";

const api = bind(() => new URL("./contactkit_wasm_bg.wasm", import.meta.url), [batch, conversions], CREATE_FORMATS);
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
