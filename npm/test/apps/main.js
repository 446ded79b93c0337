// The page's entry for bundlers that handle `new URL("./x.wasm", import.meta.url)`.
import { show } from "./page.js";

show();
