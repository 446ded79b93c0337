// The page's entry for esbuild, which does not handle `new URL("./x.wasm", import.meta.url)`:
// with its file loader the .wasm files are imported as URLs and passed to init() (the
// README's esbuild example).
import fullUrl from "contactkit/contactkit_wasm_bg.wasm";
import formsUrl from "contactkit/forms_wasm_bg.wasm";
import { show } from "./page.js";

show({ full: fullUrl, forms: formsUrl });
