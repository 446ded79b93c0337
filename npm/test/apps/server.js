// A server-side module (bundled for Node by esbuild and by Vite SSR with noExternal: true):
// both entries, used without init(), print their results as JSON.
import { convert, validate, validateMany } from "contactkit";
import { validate as validateForm, helpscoutSchema } from "contactkit/forms";
import { samplePayload } from "../sample.js";

export function serverResults() {
  return {
    validate: validate("helpscout", samplePayload),
    many: validateMany("helpscout", [samplePayload, { firstName: "Ada" }]),
    convert: convert("helpscout", "bird", { firstName: "Ada", lastName: "Lovelace" }),
    forms: validateForm("helpscout", samplePayload),
    standard: helpscoutSchema["~standard"].validate({ firstName: "Ada" }),
  };
}

if (globalThis.process?.argv?.includes("--print")) console.log(JSON.stringify(serverResults()));
