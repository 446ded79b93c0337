// Entry for browsers and bundlers: `await init()` once, then call the functions.
import initWasm, { initSync as initWasmSync } from "./contactkit_wasm.js";
import { markReady } from "./api.js";

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

let pending;

/**
 * Fetches and instantiates the WebAssembly module. Without an argument it loads
 * `contactkit_wasm_bg.wasm` next to this file (bundlers such as Vite rewrite that URL); you may
 * pass another URL, a fetch Response, the bytes or a compiled WebAssembly.Module. Calling it
 * again returns the same promise.
 */
export function init(input) {
  if (pending === undefined) {
    pending = initWasm(input === undefined ? undefined : { module_or_path: input }).then(() => {
      markReady();
    });
    // A failed load may be retried.
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}

/** Instantiates the module synchronously from its bytes or a compiled WebAssembly.Module. */
export function initSync(module) {
  initWasmSync({ module });
  markReady();
}

export default init;
