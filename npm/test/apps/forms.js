// What the environment tests run with the forms entry `contactkit/forms` (see full.js).
import init, { formFields, helpscoutSchema, validate, validateField, validateMany, version } from "contactkit/forms";
import { samplePayload } from "../sample.js";

export async function formsResults(input) {
  await init(input);
  return {
    version: version(),
    validate: validate("helpscout", samplePayload),
    field: validateField("helpscout", "/emails/2/value", "ada at example.com"),
    many: validateMany("helpscout", `${JSON.stringify(samplePayload)}\n\n{"firstName": "Ada"}\n`),
    standard: await helpscoutSchema["~standard"].validate({ firstName: "Ada", phones: [{ type: "work" }] }),
    requiredWithin: formFields("helpscout").find((f) => f.name === "phones")?.fields?.[0]?.requiredWithin,
  };
}
