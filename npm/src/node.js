// Entry for Node (the "node" export condition): the module is instantiated synchronously on
// import from the .wasm file beside this one, so the functions are ready to call at once.
// `init()` and `initSync()` exist for code shared with browsers and do nothing here.
import { readFileSync } from "node:fs";
import { initSync as initWasmSync } from "./contactkit_wasm.js";
import { markReady } from "./api.js";

initWasmSync({ module: readFileSync(new URL("./contactkit_wasm_bg.wasm", import.meta.url)) });
markReady();

export {
  ContactkitError,
  convert,
  convertMany,
  formFields,
  formats,
  preview,
  schema,
  validate,
  validateField,
  version,
} from "./api.js";

/** Already done on import in Node; resolves at once. */
export function init() {
  return Promise.resolve();
}

/** Already done on import in Node. */
export function initSync() {}

export default init;
