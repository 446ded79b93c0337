// Types of the `contactkit` npm package. Written by hand and kept exact: the Rust tests of
// crates/wasm check the string unions below against the Rust enums, and the package tests
// compile a usage file against this file with `tsc --strict`.

/** A JSON value, as produced by `JSON.parse`. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The id of a payload format (see {@link formats}). */
export type FormatId = "sequence" | "intercom" | "bird" | "helpscout" | "canonical";

/**
 * The id of a read format: an object a vendor returns. Read formats can be validated and
 * converted from, but not converted to (docs/READ-FORMATS.md).
 */
export type ReadFormatId = "intercom-contact" | "bird-contact" | "helpscout-customer";

/** The create formats that have a {@link preview}. */
export type PreviewFormatId = "intercom" | "bird" | "helpscout";

/** A payload: a parsed JSON object, or its JSON text. */
export type Payload = JsonObject | string;

/** How serious a finding is. */
export type Severity = "error" | "warning";

/** The fixed vocabulary of finding codes (the same as the CLI's). */
export type IssueCode =
  | "syntax"
  | "type"
  | "required"
  | "too_short"
  | "too_long"
  | "too_few_items"
  | "too_many_items"
  | "pattern"
  | "format"
  | "enum"
  | "reserved"
  | "out_of_range"
  | "duplicate"
  | "unknown_field";

/** One validation finding, exactly as the CLI prints it. */
export interface Issue {
  /** JSON Pointer (RFC 6901) into the payload; `""` is the whole payload. */
  path: string;
  code: IssueCode;
  severity: Severity;
  /** A human-readable explanation; it echoes no value unless `showValues` is set. */
  message: string;
}

/** The result of {@link validate} and {@link validateField}. */
export interface ValidationResult {
  /** `true` when no finding has severity `"error"` (warnings may remain). */
  valid: boolean;
  issues: Issue[];
}

/**
 * Account-specific custom field definitions: the body of a vendor's list-definitions endpoint
 * (Help Scout `GET /v2/customer-properties`, Intercom `GET /data_attributes`, Bird
 * `GET /workspaces/{id}/attribute-definitions`), or `{helpscout?, intercom?, bird?}` with
 * arrays of definitions; as an object or as JSON text.
 */
export type Definitions = JsonObject | string;

/** Options of {@link validate} and {@link validateField}. */
export interface ValidateOptions {
  /** Check custom fields against these definitions (without them, only general rules apply). */
  definitions?: Definitions;
  /** Append the offending value to messages. Off by default: findings end up in logs. */
  showValues?: boolean;
}

/** Options of {@link convert}. */
export interface ConvertOptions extends ValidateOptions {
  /**
   * Truncate too-long target strings and drop invalid optional values (with notes) instead of
   * rejecting. A missing required target value still rejects.
   */
  lenient?: boolean;
  /** Carry custom attributes across with keys normalised to the target's key rules. */
  normalizeCustomKeys?: boolean;
  /**
   * Where the target's external id (Sequence `externalId`, Intercom `external_id`, a Bird
   * `external_id` identifier) comes from when the source has none: the first email address,
   * the vendor's `id` of a read format, or the custom attribute with that key. A copy, with a
   * `"derived"` note; the source's own id wins, and a source without the value converts as
   * without the option.
   */
  externalId?: ExternalIdSource;
}

/** The text form of an external-id source, as the CLI's `--external-id` takes it. */
export type ExternalIdSource = "email" | "source-id" | `custom:${string}`;

/** What a conversion did to a value. */
export type NoteCode =
  | "dropped"
  | "truncated"
  | "derived"
  | "split"
  | "joined"
  | "reformatted"
  | "normalized";

/** A note about what a conversion did. */
export interface Note {
  /** JSON Pointer: into the source payload for `"dropped"`, into the target otherwise. */
  path: string;
  code: NoteCode;
  message: string;
}

/** Where a conversion was rejected. */
export type Stage = "source" | "target";

/** A successful conversion. */
export interface Converted {
  ok: true;
  /** The target payload. */
  payload: JsonObject;
  /** What the conversion changed or left out. */
  notes: Note[];
}

/** A rejected conversion. */
export interface Rejected {
  ok: false;
  /** `"source"`: invalid as the source format; `"target"`: cannot satisfy the target's rules. */
  stage: Stage;
  /** The findings (paths into the source or the target payload, by stage). */
  issues: Issue[];
}

/** The result of {@link convert}. */
export type ConversionResult = Converted | Rejected;

/** Options of {@link convertMany}. */
export interface ConvertManyOptions extends ConvertOptions {
  /**
   * The number of the first record (default 1), for input converted piece by piece: the
   * `record` numbers of `rejects` and `report` continue from there.
   */
  firstRecord?: number;
  /** Also return the notes of the converted records (`report`). Off by default: notes are large. */
  report?: boolean;
}

/** What {@link convertMany} made of the records for one target. */
export interface BatchResult {
  /** Records read: the non-blank lines. */
  records: number;
  /** Records converted: the lines of `output`. */
  converted: number;
  /** Records rejected: the lines of `rejects` (`converted + rejected === records`). */
  rejected: number;
  /** The converted payloads, one JSON object per line (each ending in `"\n"`), in input order. */
  output: string;
  /**
   * One line per rejected record, `{"record": N, "stage": "source" | "target", "issues": [...]}`
   * (as `contactkit convert --rejects` writes it; a line that is not JSON is a source-stage
   * `syntax` rejection).
   */
  rejects: string;
  /** With the `report` option: one line per converted record, `{"record": N, "notes": [...]}`. */
  report?: string;
}

/** A preview: the object the vendor returns for the payload. */
export interface Previewed {
  ok: true;
  /** The vendor's object (ids are placeholders, times are the `now` option). */
  payload: JsonObject;
}

/** The result of {@link preview}: rejected at the `"source"` stage when the payload is invalid. */
export type PreviewResult = Previewed | Rejected;

/** The options of {@link preview}. */
export interface PreviewOptions extends ValidateOptions {
  /**
   * The creation and update time the vendor records, an RFC 3339 date-time; by default the
   * placeholder 1970-01-01T00:00:00Z.
   */
  now?: string;
}

/** One entry of {@link formats}. */
export interface FormatInfo {
  id: FormatId;
  title: string;
}

/** The JSON type of a form field. */
export type FieldJsonType = "string" | "integer" | "boolean" | "array" | "object" | "any";

/** A named string format of a form field. */
export type FieldFormat =
  | "email"
  | "url"
  | "date"
  | "date-or-date-time"
  | "date-time"
  | "uuid"
  | "phone"
  | "slug"
  | "attribute-key";

/**
 * How a value is edited where its type and rules do not say: as rows of key and value
 * (custom attributes), as free JSON, on one line, or as several lines of free text.
 */
export type FieldWidget = "keyValue" | "json" | "line" | "textarea";

/** One field of a form, with the constraints an HTML form needs. */
export interface FormField {
  /** Member name on the wire (`""` for the item of an array of scalars). */
  name: string;
  /** JSON Pointer of the member (array items use index 0, e.g. `/emails/0/value`). */
  path: string;
  label: string;
  description: string;
  jsonType: FieldJsonType;
  /** The vendor requires it (`<input required>`). */
  required: boolean;
  /** `null` is accepted. */
  nullable: boolean;
  /** Minimum length in characters (`minlength`). */
  minLength?: number;
  /** Maximum length in characters (`maxlength`). */
  maxLength?: number;
  /** The accepted values (`<select>` options). */
  enumValues?: string[];
  /**
   * `enumValues` is the documented list: another value is an error (a `<select>`). `false`: an
   * inferred list, other values are only warnings (suggestions, e.g. a `<datalist>`).
   */
  enumIsStrict: boolean;
  /**
   * Present (`true`) when a value differing from one of `enumValues` only in letter case is
   * accepted with a warning (Help Scout `gender`, whose docs send `"Male"`).
   */
  enumAnyCase?: true;
  /** An ECMAScript pattern the value must match (`<input pattern>`). */
  pattern?: string;
  format?: FieldFormat;
  /** Bounds of an integer (`min`, `max`). */
  minimum?: number;
  maximum?: number;
  /** Bounds of the number of items of an array. */
  minItems?: number;
  maxItems?: number;
  /** The members of an object, or of each item of an array of objects. */
  fields?: FormField[];
  /** The item of an array of scalars. */
  item?: FormField;
  /**
   * How the value is edited (custom attributes, free JSON, a text area for long free text);
   * absent: the input the type and rules imply.
   */
  widget?: FieldWidget;
  /**
   * For a `keyValue` widget whose value is a list of objects: the member of an item that holds
   * the key (Help Scout properties: `"slug"`; the value is in `value`). Absent: an object of
   * key: value.
   */
  listKey?: string;
  /** An example value for an empty input (`placeholder`). */
  placeholder?: string;
  /**
   * The sibling members (names) that a rule of the enclosing object checks together with this
   * one: a "one of A, B, C is required" list, or a cross-field rule (Intercom: with role `user`,
   * email or external_id is required; Bird: an identifier's value format depends on its key).
   * Re-check the enclosing object as a whole when this member changes (`validateField` at the
   * parent pointer with the parent object); a `"required"` finding at the enclosing object's
   * own path comes only from such rules and concerns this member and these siblings.
   */
  tiedTo?: string[];
}

/** A JSON Schema (draft 2020-12) of a format's payload. */
export interface JsonSchema extends JsonObject {
  $schema: "https://json-schema.org/draft/2020-12/schema";
  $id: string;
  title: string;
  description: string;
  type: "object";
  properties: { [member: string]: JsonObject };
}

/** The codes of {@link ContactkitError}. */
export type ErrorCode =
  /** A format id that contactkit does not know. */
  | "unknown_format"
  /** A payload given as a string that is not valid JSON (`issues`: the CLI's `syntax` finding). */
  | "invalid_json"
  /** A payload that is not a JSON object (`issues`: the CLI's `type` finding). */
  | "not_an_object"
  /** Options that are not an object, an unknown option, or an option of the wrong type. */
  | "invalid_option"
  /** Definitions that cannot be read. */
  | "invalid_definitions"
  /** A JSON Pointer that is malformed or cannot address a value of the format. */
  | "invalid_pointer"
  /** {@link preview} of a format without a documented response object (e.g. Sequence). */
  | "no_preview"
  /** An argument of the wrong JavaScript type (e.g. a payload that is `undefined`). */
  | "invalid_argument"
  /** A function was called before `init()` finished (browsers and bundlers). */
  | "not_initialized"
  /** A bug in contactkit (please report it). */
  | "internal";

/** The error every function throws for a bad argument. */
export class ContactkitError extends Error {
  readonly name: "ContactkitError";
  readonly code: ErrorCode;
  /** For `invalid_json` and `not_an_object`: the findings the CLI reports for that record. */
  readonly issues?: Issue[];
  private constructor();
}

/** Validates a payload (an object or JSON text) as `format`. */
export function validate(
  format: FormatId | ReadFormatId,
  payload: Payload,
  options?: ValidateOptions,
): ValidationResult;

/**
 * Validates one form input: `value` is placed at `pointer` (e.g. `"/emails/0/value"`) in the
 * smallest payload that holds it, and only findings at or below `pointer` are returned, so
 * other members' required-ness never leaks in. `undefined` means the member is absent.
 */
export function validateField(
  format: FormatId,
  pointer: string,
  value: JsonValue | undefined,
  options?: ValidateOptions,
): ValidationResult;

/** Converts a payload from one format to another, through the canonical contact. */
export function convert(
  from: FormatId | ReadFormatId,
  to: FormatId,
  payload: Payload,
  options?: ConvertOptions,
): ConversionResult;

/**
 * Converts many records at once: NDJSON text (one JSON value per line; blank lines are skipped
 * and not counted; records are numbered from `firstRecord`, default 1) into one target, or into
 * each target of an array (each record is parsed once; the results follow the order of `to`).
 * Much faster than one {@link convert} call per record. The lines are those of
 * `contactkit convert`: the payloads, the rejects and (option `report`) the notes.
 */
export function convertMany(
  from: FormatId | ReadFormatId,
  to: FormatId,
  records: string,
  options?: ConvertManyOptions,
): BatchResult;
export function convertMany(
  from: FormatId | ReadFormatId,
  to: readonly FormatId[],
  records: string,
  options?: ConvertManyOptions,
): BatchResult[];

/**
 * The object the vendor returns for a create payload: Intercom's contact, Bird's contact or
 * Help Scout's customer, with the members the vendor derives computed (docs/READ-FORMATS.md).
 */
export function preview(
  format: PreviewFormatId,
  payload: Payload,
  options?: PreviewOptions,
): PreviewResult;

/** The JSON Schema of a format (a fresh object each call). */
export function schema(format: FormatId | ReadFormatId): JsonSchema;

/** The formats contactkit converts between, in a fixed order (not the {@link ReadFormatId}s). */
export function formats(): FormatInfo[];

/** The form metadata of a format (a fresh array each call). */
export function formFields(format: FormatId | ReadFormatId): FormField[];

/** The package version. */
export function version(): string;

/**
 * A compiled `WebAssembly.Module`, where the environment's types declare one (the DOM library,
 * or a Node types package that has it); `never` elsewhere.
 */
export type CompiledModule = typeof globalThis extends {
  WebAssembly: { Module: abstract new (...args: never[]) => infer M };
}
  ? M
  : never;

/**
 * What {@link init} loads: the URL of `contactkit_wasm_bg.wasm` (by default the file beside
 * the package's entry), a fetch `Response`, the module's bytes, or a compiled module.
 */
export type InitInput = string | URL | Response | ArrayBuffer | ArrayBufferView | CompiledModule;

/**
 * Loads the WebAssembly module. Required once in browsers and bundlers before any other call;
 * in Node the module is loaded on import and this resolves at once.
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Instantiates the module synchronously (e.g. in a worker that has the bytes). */
export function initSync(module: ArrayBuffer | ArrayBufferView | CompiledModule): void;

export default init;
