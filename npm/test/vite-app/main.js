// A tiny page bundled by Vite: builds a Help Scout form from the form metadata and validates
// a payload, one field and a conversion; the browser test reads #result.
import init, { validate, validateField, convert, formFields, version } from "contactkit";
import { samplePayload } from "../sample.js";

async function main() {
  await init();
  const form = document.getElementById("form");
  for (const field of formFields("helpscout")) {
    if (field.jsonType !== "string") continue;
    const input = document.createElement(field.enumValues ? "select" : "input");
    input.name = field.path;
    if (field.required) input.required = true;
    if (field.maxLength !== undefined) input.maxLength = field.maxLength;
    for (const value of field.enumValues ?? []) input.append(new Option(value, value));
    form.append(input);
  }
  const result = {
    version: version(),
    validate: validate("helpscout", samplePayload),
    field: validateField("helpscout", "/firstName", "x".repeat(41)),
    convert: convert("helpscout", "canonical", samplePayload),
    maxLength: form.querySelector('[name="/firstName"]').maxLength,
    selects: form.querySelectorAll("select").length,
  };
  document.getElementById("result").textContent = JSON.stringify(result);
  document.getElementById("result").dataset.done = "yes";
}

main().catch((e) => {
  document.getElementById("result").textContent = JSON.stringify({ error: String(e), code: e.code });
  document.getElementById("result").dataset.done = "yes";
});
