// What the environment tests run with the full entry `contactkit`, in each environment; the
// results must equal Node's (npm/test/environments.test.mjs computes those from this file).
import init, { convert, formFields, helpscoutSchema, validate, validateField, validateMany, version } from "contactkit";
import { samplePayload } from "../sample.js";

/** `input`: what init() loads (absent: the entry's own .wasm URL). */
export async function fullResults(input) {
  await init(input);
  return {
    version: version(),
    validate: validate("helpscout", samplePayload),
    text: validate("helpscout", JSON.stringify(samplePayload)),
    field: validateField("helpscout", "/firstName", "x".repeat(41)),
    many: validateMany("helpscout", [samplePayload, { firstName: "Ada" }]),
    convert: convert("helpscout", "intercom", { firstName: "Ada", emails: [{ type: "work", value: "ada@example.com" }] }),
    readFormat: validate("intercom-contact", { type: "contact" }).valid,
    standard: await helpscoutSchema["~standard"].validate(samplePayload),
    maxLength: formFields("helpscout").find((f) => f.name === "firstName")?.maxLength,
    // Untrusted member names stay data: nothing reaches Object.prototype.
    proto: validate("helpscout", JSON.parse('{"__proto__": {"polluted": true}, "firstName": "Ada"}')).issues.map(
      (i) => `${i.path} ${i.code}`,
    ),
    polluted: Object.prototype.hasOwnProperty.call(Object.prototype, "polluted"),
  };
}
