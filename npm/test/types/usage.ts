// Compiled with `tsc --noEmit --strict` against the installed package's contactkit.d.ts
// (npm/test/typescript.test.mjs): every export is used with the types a user would write, the
// `@ts-expect-error` lines prove the types reject what the functions reject, and the IsAny
// checks prove no result is `any`.
import init, {
  ContactkitError,
  convert,
  convertMany,
  formFields,
  formats,
  helpscoutSchema,
  initSync,
  preview,
  schema,
  standardSchema,
  validate,
  validateField,
  validateMany,
  version,
  type ConvertManyResult,
  type BirdCreateContact,
  type CanonicalContact,
  type ConversionResult,
  type ConvertManyOptions,
  type ConvertOptions,
  type ExternalIdSource,
  type ErrorCode,
  type FieldFormat,
  type FormatId,
  type FormField,
  type HelpScoutCustomer,
  type IntercomCreateContact,
  type Issue,
  type IssueParams,
  type IssueCode,
  type JsonObject,
  type JsonSchema,
  type Note,
  type NoteCode,
  type PayloadTypes,
  type PreviewOptions,
  type PreviewResult,
  type ReadFormatId,
  type SequencePerson,
  type StandardIssue,
  type ValidateOptions,
  type ValidateManyResult,
  type ValidationResult,
} from "contactkit";
import * as forms from "contactkit/forms";

type IsAny<T> = 0 extends 1 & T ? true : false;
type AssertFalse<T extends false> = T;
type AssertTrue<T extends true> = T;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export type NoAny = [
  AssertFalse<IsAny<ReturnType<typeof validate>>>,
  AssertFalse<IsAny<ReturnType<typeof validateField>>>,
  AssertFalse<IsAny<ReturnType<typeof convert>>>,
  AssertFalse<IsAny<ReturnType<typeof schema>>>,
  AssertFalse<IsAny<ReturnType<typeof formats>>>,
  AssertFalse<IsAny<ReturnType<typeof formFields>>>,
  AssertFalse<IsAny<ReturnType<typeof version>>>,
  AssertFalse<IsAny<ReturnType<typeof init>>>,
  AssertFalse<IsAny<Issue["code"]>>,
  AssertFalse<IsAny<ContactkitError["issues"]>>,
  AssertFalse<IsAny<JsonObject[string]>>,
  AssertTrue<Equal<ReturnType<typeof version>, string>>,
  AssertTrue<Equal<ReturnType<typeof init>, Promise<void>>>,
  AssertTrue<Equal<ReturnType<typeof validate>, ValidationResult>>,
  AssertTrue<Equal<ReturnType<typeof validateMany>, ValidateManyResult>>,
  // convert() is typed by its target format.
  AssertTrue<Equal<Extract<ReturnType<typeof convert<"intercom">>, { ok: true }>["payload"], IntercomCreateContact>>,
  AssertTrue<Equal<PayloadTypes["sequence"], SequencePerson>>,
  AssertTrue<Equal<PayloadTypes["canonical"], CanonicalContact>>,
  AssertFalse<IsAny<HelpScoutCustomer["firstName"]>>,
  AssertTrue<Equal<HelpScoutCustomer["gender"], "male" | "female" | "unknown" | undefined>>,
  AssertTrue<Equal<BirdCreateContact["displayName"], string>>,
  AssertTrue<Equal<IssueParams["limit"], number | undefined>>,
  AssertFalse<IsAny<ConvertManyResult["report"]>>,
];

export async function main(): Promise<void> {
  await init();

  const payload: JsonObject = { firstName: "Ada", emails: [{ type: "work", value: "ada@example.com" }] };
  const options: ValidateOptions = { showValues: false, definitions: { helpscout: [] } };
  const result: ValidationResult = validate("helpscout", payload, options);
  const fromText = validate("helpscout", JSON.stringify(payload));
  const valid: boolean = result.valid && fromText.valid;
  for (const issue of result.issues) {
    const where: string = issue.path;
    const severity: "error" | "warning" = issue.severity;
    describeCode(issue.code);
    console.log(where, severity, issue.message, valid);
  }

  const field = validateField("helpscout", "/emails/0/value", "ada@example.com");
  const absent = validateField("bird", "/displayName", undefined, { showValues: true });
  console.log(field.valid, absent.issues.length);

  const convertOptions: ConvertOptions = { lenient: true, normalizeCustomKeys: false, showValues: false };
  const idSources: ExternalIdSource[] = ["email", "source-id", "custom:crm_id"];
  for (const externalId of idSources) convert("helpscout", "sequence", payload, { externalId });
  const converted: ConversionResult<BirdCreateContact> = convert("helpscout", "bird", payload, convertOptions);
  const anyTarget: ConversionResult = converted;
  console.log(anyTarget.ok);
  if (converted.ok) {
    const target: BirdCreateContact = converted.payload;
    const notes: Note[] = converted.notes;
    for (const note of notes) describeNote(note.code);
    const displayName: string = target.displayName;
    console.log(displayName);
    // @ts-expect-error a successful conversion has no stage
    console.log(converted.stage);
  } else {
    const stage: "source" | "target" = converted.stage;
    const issues: Issue[] = converted.issues;
    console.log(stage, issues);
    // @ts-expect-error a rejection has no payload
    console.log(converted.payload);
  }

  const manyOptions: ConvertManyOptions = { lenient: true, firstRecord: 1001, report: true };
  const one: ConvertManyResult = convertMany("helpscout", "bird", '{"firstName": "Ada"}\n', manyOptions);
  const each: ConvertManyResult[] = convertMany("helpscout", ["bird", "intercom"] as const, "");
  const counts: number = one.records + one.converted + one.rejected + each.length;
  const lines: string = one.output + one.rejects + (one.report ?? "");
  console.log(counts, lines);
  // @ts-expect-error one target gives one result
  const notMany: ConvertManyResult[] = convertMany("helpscout", "bird", "");
  // @ts-expect-error records are NDJSON text
  convertMany("helpscout", "bird", [payload]);
  console.log(notMany);

  const s: JsonSchema = schema("bird");
  const draft: "https://json-schema.org/draft/2020-12/schema" = s.$schema;
  console.log(draft, Object.keys(s.properties));

  const ids: FormatId[] = formats().map((f) => f.id);
  for (const id of ids) renderForm(formFields(id));

  try {
    validate("bird", "{");
  } catch (e) {
    if (e instanceof ContactkitError) {
      const code: ErrorCode = e.code;
      const findings: Issue[] | undefined = e.issues;
      console.log(code, e.message, findings?.length);
    }
  }

  initSync(new Uint8Array(0));
  await init(new URL("https://example.com/contactkit_wasm_bg.wasm"));
  await init("/assets/contactkit_wasm_bg.wasm");

  // @ts-expect-error an unknown format id
  validate("hubspot", payload);
  // @ts-expect-error options have fixed names
  validate("bird", payload, { show_values: true });
  // @ts-expect-error showValues is a boolean
  validate("bird", payload, { showValues: "yes" });
  // @ts-expect-error convert's options are not validate's
  validate("bird", payload, { lenient: true });
  // @ts-expect-error a payload is an object or a string
  validate("bird", 42);
  // @ts-expect-error a field value is JSON
  validateField("bird", "/displayName", Symbol("x"));
  // @ts-expect-error a field value is JSON
  validateField("bird", "/displayName", 10n);
  // @ts-expect-error an external-id source is email, source-id or custom:KEY
  convert("helpscout", "sequence", payload, { externalId: "phone" });
  // @ts-expect-error two formats are needed
  convert("bird", payload);
  // @ts-expect-error ContactkitError is not constructed by users
  new ContactkitError();
}

function describeCode(code: IssueCode): string {
  switch (code) {
    case "syntax":
    case "type":
    case "required":
    case "too_short":
    case "too_long":
    case "too_few_items":
    case "too_many_items":
    case "pattern":
    case "format":
    case "enum":
    case "reserved":
    case "out_of_range":
    case "duplicate":
    case "unknown_field":
      return code;
    default: {
      const never: never = code;
      return never;
    }
  }
}

function describeNote(code: NoteCode): string {
  const labels: Record<NoteCode, string> = {
    dropped: "dropped",
    truncated: "truncated",
    derived: "derived",
    split: "split",
    joined: "joined",
    reformatted: "reformatted",
    normalized: "normalized",
  };
  return labels[code];
}

/** Builds the attributes of an <input> from form metadata, as a form page would. */
function renderForm(fields: FormField[]): string[] {
  return fields.flatMap((f) => {
    const attrs: string[] = [`name="${f.path}"`];
    if (f.required) attrs.push("required");
    if (f.maxLength !== undefined) attrs.push(`maxlength="${f.maxLength}"`);
    if (f.minLength !== undefined) attrs.push(`minlength="${f.minLength}"`);
    if (f.pattern !== undefined) attrs.push(`pattern="${f.pattern}"`);
    const format: FieldFormat | undefined = f.format;
    if (format === "email") attrs.push('type="email"');
    const options: string[] = f.enumValues ?? [];
    const nested: string[] = f.fields ? renderForm(f.fields) : [];
    const item: string[] = f.item ? renderForm([f.item]) : [];
    return [`<input ${attrs.join(" ")}>${options.join("|")}`, ...nested, ...item];
  });
}

// Issue 15: payloads typed by interfaces, with optional members that may be undefined
// (exactOptionalPropertyTypes is on in both tsconfigs), are accepted as they are.
interface MyCustomer {
  firstName?: string | undefined;
  lastName: string;
  emails: { type: "work" | "home"; value: string }[];
}

export function interfaces(customer: MyCustomer, typed: HelpScoutCustomer): void {
  validate("helpscout", customer);
  validate("helpscout", typed);
  forms.validate("helpscout", customer);
  const many: ValidateManyResult = validateMany("helpscout", [customer, typed]);
  console.log(many.records, many.results[0]?.record);
  const built: HelpScoutCustomer = { firstName: undefined, lastName: "Lovelace", gender: "female" };
  // @ts-expect-error gender is one of the documented values
  const wrong: HelpScoutCustomer = { gender: "robot" };
  console.log(built, wrong);
  const result = convert("helpscout", "intercom", customer);
  if (result.ok) {
    const role: "user" | "lead" | undefined = result.payload.role;
    // @ts-expect-error Intercom's payload has no firstName
    console.log(role, result.payload.firstName);
  }
  const field: ValidationResult = validateField("helpscout", "/address", typed.address);
  console.log(field.valid);
}

// Standard Schema objects (issue 15).
export async function standard(value: unknown): Promise<HelpScoutCustomer | undefined> {
  const result = await helpscoutSchema["~standard"].validate(value);
  if (result.issues) {
    for (const issue of result.issues) {
      const path: ReadonlyArray<string | number> = issue.path;
      const typedIssue: StandardIssue = issue;
      console.log(path.join("."), typedIssue.code, typedIssue.pointer, issue.message);
    }
    return undefined;
  }
  const same = standardSchema("helpscout");
  console.log(same.format);
  // @ts-expect-error only create formats have Standard Schemas
  standardSchema("intercom-contact");
  return result.value;
}

// Read formats and preview (issue 9).
export function readFormats(contact: JsonObject): PreviewResult {
  const from: ReadFormatId = "intercom-contact";
  const checked: ValidationResult = validate(from, contact);
  const migrated: ConversionResult = convert(from, "bird", contact);
  // @ts-expect-error a read format is not a conversion target
  convert("bird", "bird-contact", contact);
  // @ts-expect-error Sequence has no preview
  preview("sequence", contact);
  const options: PreviewOptions = { now: "2024-05-01T12:00:00Z", showValues: false };
  const result: PreviewResult = preview("bird", migrated.ok ? migrated.payload : contact, options);
  if (result.ok) {
    const returned: JsonObject = result.payload;
    console.log(returned["computedDisplayName"], checked.valid);
  } else {
    const issues: Issue[] = result.issues;
    console.log(result.stage, issues.length, schema(from).title, formFields(from).length);
  }
  return result;
}

export type PreviewNoAny = [
  AssertFalse<IsAny<ReturnType<typeof preview>>>,
  AssertTrue<Equal<ReturnType<typeof preview>, PreviewResult>>,
];
