// Compiled with `tsc --noEmit --strict` against the installed package (npm/test/typescript.test.mjs):
// the per-vendor entries `contactkit/forms/<format>` are typed for their one format; the
// `@ts-expect-error` lines prove another format id, and the exports the entries leave out,
// are rejected.
import init, {
  ContactkitError,
  formFields,
  formats,
  helpscoutSchema,
  initSync,
  schema,
  standardSchema,
  validate,
  validateField,
  version,
  type EntryFormat,
  type HelpScoutCustomer,
  type ValidationResult,
} from "contactkit/forms/helpscout";
import * as intercomForms from "contactkit/forms/intercom";
import { sequenceSchema } from "contactkit/forms/sequence";
import { birdSchema } from "contactkit/forms/bird";
import { canonicalSchema } from "contactkit/forms/canonical";

export async function vendorUsage(): Promise<void> {
  await init();
  initSync(new Uint8Array(0));
  const format: EntryFormat = "helpscout";
  const customer: HelpScoutCustomer = { firstName: "Ada", emails: [{ type: "work", value: "ada@example.com" }] };
  const result: ValidationResult = validate(format, customer);
  const field: ValidationResult = validateField("helpscout", "/firstName", "Ada", { showValues: false });
  // @ts-expect-error: this entry validates Help Scout only
  validate("intercom", customer);
  // @ts-expect-error: this entry validates Help Scout only
  intercomForms.validate("helpscout", {});
  const only: "helpscout" = formats()[0].id;
  const checked = await helpscoutSchema["~standard"].validate(customer);
  const same: typeof helpscoutSchema = standardSchema("helpscout");
  const issues = checked.issues?.map((i) => i.pointer) ?? [];
  const id: string = schema("helpscout").$id;
  const names = formFields("helpscout").map((f) => f.name);
  const formats4 = [sequenceSchema.format, birdSchema.format, canonicalSchema.format, intercomForms.intercomSchema.format] as const;
  // @ts-expect-error: the per-vendor entries have no batch call
  intercomForms.validateMany("intercom", []);
  // @ts-expect-error: nor the other formats' Standard Schemas
  intercomForms.helpscoutSchema;
  try {
    validate(format, "{");
  } catch (e) {
    if (e instanceof ContactkitError) console.log(e.code, e.issues?.length);
  }
  console.log(result.valid, field.valid, only, same, issues, id, names, formats4, version());
}
