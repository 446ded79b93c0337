// Types of `contactkit/forms`, and the types the full entry `contactkit` shares with it
// (contactkit.d.ts re-exports this file). Written by hand and kept exact: the Rust tests of
// crates/wasm check the string unions below against the Rust enums; the payload interfaces are
// generated from the rule tables (payloads.d.ts); the package tests compile usage files and the
// README's snippets against these files with `tsc --strict`.
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "./standard-schema.js";
import type { PayloadTypes } from "./payloads.js";

export type * from "./payloads.js";
export type { StandardJSONSchemaV1, StandardSchemaV1, StandardTypedV1 } from "./standard-schema.js";

/** A JSON value, as produced by `JSON.parse`. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The id of a create format (see {@link formats}). */
export type FormatId = "sequence" | "intercom" | "bird" | "helpscout" | "canonical";

/**
 * A payload: an object (typed any way, e.g. by {@link HelpScoutCustomer} or an interface of
 * your own), or its JSON text. Members that are `undefined` are left out, as `JSON.stringify`
 * leaves them out.
 */
export type Payload = object | string;

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

/**
 * The parameters of a finding, so that a UI can phrase or translate it without parsing the
 * message. They never hold a personal value (never the offending value itself), only the
 * rule's terms and sizes. Which members a finding has depends on its code.
 */
export interface IssueParams {
  /** The bound that was crossed: characters (`too_short`, `too_long`) or items (`too_few_items`, `too_many_items`). */
  limit?: number;
  /** The value's length in Unicode code points (`too_short`, `too_long`). */
  length?: number;
  /** The number of items (`too_few_items`, `too_many_items`). */
  count?: number;
  /** The bounds of a number (`out_of_range`). */
  minimum?: number;
  maximum?: number;
  /** The accepted values (`enum`), or the reserved ones (`reserved`). */
  allowed?: string[];
  /** The named format the value misses (`format`), e.g. `"email"`. */
  format?: FieldFormat;
  /** The JSON types the value may have (`type`); `"null"` where null is accepted too. */
  expected?: ("null" | "boolean" | "number" | "integer" | "string" | "array" | "object")[];
  /** Where JSON text stops being valid (`syntax`), from 1. */
  line?: number;
  column?: number;
}

/** One validation finding, exactly as the CLI prints it. */
export interface Issue {
  /** JSON Pointer (RFC 6901) into the payload; `""` is the whole payload. */
  path: string;
  code: IssueCode;
  severity: Severity;
  /** A human-readable explanation; it echoes no value unless `showValues` is set. */
  message: string;
  /** The rule's terms and sizes, for phrasing the finding (where the core states them). */
  params?: IssueParams;
}

/** The result of {@link validate} and {@link validateField}. */
export interface ValidationResult {
  /** `true` when no finding has severity `"error"` (warnings may remain). */
  valid: boolean;
  issues: Issue[];
}

/** One record of {@link validateMany} that has findings, as the CLI prints it. */
export interface RecordResult {
  /** The record's number, from 1 in input order (blank NDJSON lines are not records). */
  record: number;
  valid: boolean;
  issues: Issue[];
}

/** The result of {@link validateMany}. */
export interface ValidateManyResult {
  /** How many records there were. */
  records: number;
  /** How many are valid (warnings allowed). */
  valid: number;
  /** How many are not. */
  invalid: number;
  /** The records that have findings (errors or warnings), in input order; valid records without findings are only counted. */
  results: RecordResult[];
}

/**
 * Account-specific custom field definitions: the body of a vendor's list-definitions endpoint
 * (Help Scout `GET /v2/customer-properties`, Intercom `GET /data_attributes`, Bird
 * `GET /workspaces/{id}/attribute-definitions`), or `{helpscout?, intercom?, bird?}` with
 * arrays of definitions; as an object or as JSON text.
 */
export type Definitions = object | string;

/** Options of {@link validate}, {@link validateMany} and {@link validateField}. */
export interface ValidateOptions {
  /** Check custom fields against these definitions (without them, only general rules apply). */
  definitions?: Definitions | undefined;
  /** Append the offending value to messages. Off by default: findings end up in logs. */
  showValues?: boolean | undefined;
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

/**
 * The unit of {@link FormField.minLength} and {@link FormField.maxLength}: Unicode code points,
 * as the vendors count and contactkit checks (`[...value].length`). An HTML `maxlength` counts
 * UTF-16 code units instead (an emoji is 1 code point, 2 units), so no `maxlength` is exact for
 * these limits: check with {@link validateField} (see the README's form example).
 */
export type LengthUnit = "codePoint";

/** One field of a form, with the constraints an HTML form needs. */
export interface FormField {
  /** Member name on the wire (`""` for the item of an array of scalars). */
  name: string;
  /** JSON Pointer of the member (array items use index 0, e.g. `/emails/0/value`). */
  path: string;
  label: string;
  description: string;
  jsonType: FieldJsonType;
  /** The member must be present whenever the object that holds it is present. */
  required: boolean;
  /**
   * For a `required` member inside an optional object or array item: the pointer of that
   * container (e.g. `"/phones/0"` for `/phones/0/type`). The member is required only once the
   * container exists, so a form marks it required only when the group has a value: an empty,
   * optional group must not block the form's submit. Absent for members required of every
   * payload.
   */
  requiredWithin?: string;
  /** `null` is accepted. */
  nullable: boolean;
  /** Minimum length, in {@link lengthUnit}s. */
  minLength?: number;
  /** Maximum length, in {@link lengthUnit}s. */
  maxLength?: number;
  /** The unit of `minLength` and `maxLength`; present with them. */
  lengthUnit?: LengthUnit;
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
  /** A format id that contactkit does not know (a read format, in `contactkit/forms`, or another format, in `contactkit/forms/<format>`). */
  | "unknown_format"
  /** A payload given as a string that is not valid JSON (`issues`: the CLI's `syntax` finding). */
  | "invalid_json"
  /** A payload that is not a JSON object (`issues`: the CLI's `type` finding). */
  | "not_an_object"
  /** Options that are not an object, an unknown option, or an option of the wrong type. */
  | "invalid_option"
  /** Definitions that cannot be read. */
  | "invalid_definitions"
  /** A JSON Pointer that is malformed, or addresses a member the format does not have. */
  | "invalid_pointer"
  /** `preview` (full entry) of a format without a documented response object (e.g. Sequence). */
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

/** A finding as a Standard Schema issue, with contactkit's own members. */
export interface StandardIssue extends StandardSchemaV1.Issue {
  readonly message: string;
  /** Where the finding is: member names, and array indices as numbers (`[]`: the whole payload). */
  readonly path: ReadonlyArray<string | number>;
  readonly code: IssueCode;
  /** The same place as a JSON Pointer (`Issue.path` of {@link validate}). */
  readonly pointer: string;
  readonly params?: IssueParams;
}

/** The result of a contactkit Standard Schema's `validate`. */
export type StandardResult<Output> = StandardSchemaV1.SuccessResult<Output> | { readonly issues: ReadonlyArray<StandardIssue> };

/**
 * A Standard Schema v1 (https://standardschema.dev) of a create format, for libraries that
 * accept any Standard Schema (TanStack Form, react-hook-form's standard-schema resolver, tRPC,
 * …). `validate` succeeds with the value itself when it has no error (warnings are not
 * reported: use {@link validate} for them), and fails with the errors as {@link StandardIssue}s.
 * Before the module is initialised (browsers), it returns a promise that initialises it first.
 * It is also a Standard JSON Schema: `jsonSchema.input({ target: "draft-2020-12" })` is
 * {@link schema}.
 */
export interface ContactkitSchema<F extends FormatId = FormatId>
  extends StandardSchemaV1<PayloadTypes[F]>,
    StandardJSONSchemaV1<PayloadTypes[F]> {
  readonly format: F;
  readonly "~standard": StandardJSONSchemaV1.Props<PayloadTypes[F]> & {
    readonly vendor: "contactkit";
    readonly validate: (
      value: unknown,
      options?: StandardSchemaV1.Options | undefined,
    ) => StandardResult<PayloadTypes[F]> | Promise<StandardResult<PayloadTypes[F]>>;
  };
}

/** Validates a payload (an object or JSON text) as `format`. */
export function validate(format: FormatId, payload: Payload, options?: ValidateOptions): ValidationResult;

/**
 * Validates many records in one call: NDJSON text (one record per line; blank lines are skipped
 * and not counted), JSON array text, or an array of records. Only the records with findings are
 * listed (`record` numbers them from 1); the others are counted.
 */
export function validateMany(
  format: FormatId,
  records: string | readonly object[],
  options?: ValidateOptions,
): ValidateManyResult;

/** A form input's value: a JSON value, typed any way (`undefined` means absent). */
export type FieldValue = string | number | boolean | null | object;

/**
 * Validates one form input: `value` is placed at `pointer` (e.g. `"/emails/0/value"`) in the
 * smallest payload that holds it, and only findings at or below `pointer` are returned, so
 * other members' required-ness never leaks in. `undefined` means the member is absent. A
 * pointer to a member the format does not have throws `invalid_pointer`.
 */
export function validateField(
  format: FormatId,
  pointer: string,
  value: FieldValue | undefined,
  options?: ValidateOptions,
): ValidationResult;

/** The JSON Schema of a format (a fresh object each call). */
export function schema(format: FormatId): JsonSchema;

/** The formats contactkit converts between, in a fixed order. */
export function formats(): FormatInfo[];

/** The form metadata of a format (a fresh array each call). */
export function formFields(format: FormatId): FormField[];

/** The package version. */
export function version(): string;

/** The Standard Schema of a create format (the same object each call). */
export function standardSchema<F extends FormatId>(format: F): ContactkitSchema<F>;
/** The Standard Schema of a Sequence "Create Person" body. */
export const sequenceSchema: ContactkitSchema<"sequence">;
/** The Standard Schema of an Intercom "Create contact" body. */
export const intercomSchema: ContactkitSchema<"intercom">;
/** The Standard Schema of a Bird "Create a contact" body. */
export const birdSchema: ContactkitSchema<"bird">;
/** The Standard Schema of a Help Scout "Create Customer" body. */
export const helpscoutSchema: ContactkitSchema<"helpscout">;
/** The Standard Schema of contactkit's canonical contact. */
export const canonicalSchema: ContactkitSchema<"canonical">;

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
 * What {@link init} loads: the URL of the entry's `.wasm` file (by default the file beside
 * the entry), a fetch `Response`, the module's bytes, or a compiled module.
 */
export type InitInput = string | URL | Response | ArrayBuffer | ArrayBufferView | CompiledModule;

/**
 * Loads the WebAssembly module. Required once in browsers, bundlers and workers before any
 * other call; in Node the module is loaded on import and this resolves at once.
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Instantiates the module synchronously (e.g. in a worker that has the bytes). */
export function initSync(module: ArrayBuffer | ArrayBufferView | CompiledModule): void;

export default init;
