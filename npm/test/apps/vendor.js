// What the environment test of a per-vendor entry runs (`contactkit/forms/helpscout`): the
// calls of forms.js but the batch, from the entry built for Help Scout alone.
import init, { formFields, helpscoutSchema, validate, validateField, version } from "contactkit/forms/helpscout";
import { samplePayload } from "../sample.js";

export async function vendorResults(input) {
  await init(input);
  let refused;
  try {
    validate("intercom", samplePayload);
  } catch (e) {
    refused = { code: e.code, message: e.message };
  }
  return {
    version: version(),
    validate: validate("helpscout", samplePayload),
    field: validateField("helpscout", "/emails/2/value", "ada at example.com"),
    standard: await helpscoutSchema["~standard"].validate({ firstName: "Ada", phones: [{ type: "work" }] }),
    requiredWithin: formFields("helpscout").find((f) => f.name === "phones")?.fields?.[0]?.requiredWithin,
    refused,
  };
}
