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
  initSync,
  preview,
  schema,
  validate,
  validateField,
  version,
  type BatchResult,
  type ConversionResult,
  type ConvertManyOptions,
  type ConvertOptions,
  type ExternalIdSource,
  type ErrorCode,
  type FieldFormat,
  type FormatId,
  type FormField,
  type Issue,
  type IssueCode,
  type JsonObject,
  type JsonSchema,
  type Note,
  type NoteCode,
  type PreviewOptions,
  type PreviewResult,
  type ReadFormatId,
  type ValidateOptions,
  type ValidationResult,
} from "contactkit";

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
  AssertFalse<IsAny<BatchResult["report"]>>,
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
  const converted: ConversionResult = convert("helpscout", "bird", payload, convertOptions);
  if (converted.ok) {
    const target: JsonObject = converted.payload;
    const notes: Note[] = converted.notes;
    for (const note of notes) describeNote(note.code);
    console.log(target["displayName"]);
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
  const one: BatchResult = convertMany("helpscout", "bird", '{"firstName": "Ada"}\n', manyOptions);
  const each: BatchResult[] = convertMany("helpscout", ["bird", "intercom"] as const, "");
  const counts: number = one.records + one.converted + one.rejected + each.length;
  const lines: string = one.output + one.rejects + (one.report ?? "");
  console.log(counts, lines);
  // @ts-expect-error one target gives one result
  const notMany: BatchResult[] = convertMany("helpscout", "bird", "");
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
  validateField("bird", "/displayName", () => "x");
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
