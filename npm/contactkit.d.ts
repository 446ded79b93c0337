// Types of the full entry `contactkit`: everything of `contactkit/forms` (forms.d.ts), plus
// conversion and the read formats. Written by hand; see forms.d.ts.
import type {
  FormatId,
  JsonObject,
  FormField,
  JsonSchema,
  Payload,
  Issue,
  ValidateManyResult,
  ValidateOptions,
  ValidationResult,
  PayloadTypes,
} from "./forms.js";
import { init } from "./forms.js";

export * from "./forms.js";
export default init;

/**
 * The id of a read format: an object a vendor returns. Read formats can be validated and
 * converted from, but not converted to (docs/READ-FORMATS.md).
 */
export type ReadFormatId = "intercom-contact" | "bird-contact" | "helpscout-customer";

/** Options of {@link convert}. */
export interface ConvertOptions extends ValidateOptions {
  /**
   * Truncate too-long target strings and drop invalid optional values (with notes) instead of
   * rejecting. A missing required target value still rejects.
   */
  lenient?: boolean | undefined;
  /** Carry custom attributes across with keys normalised to the target's key rules. */
  normalizeCustomKeys?: boolean | undefined;
  /**
   * Where the target's external id (Sequence `externalId`, Intercom `external_id`, a Bird
   * `external_id` identifier) comes from when the source has none: the first email address,
   * the vendor's `id` of a read format, or the custom attribute with that key. A copy, with a
   * `"derived"` note; the source's own id wins, and a source without the value converts as
   * without the option.
   */
  externalId?: ExternalIdSource | undefined;
}

/** The create formats that have a {@link preview}. */
export type PreviewFormatId = "intercom" | "bird" | "helpscout";

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

/** A successful conversion to a payload of type `P`. */
export interface Converted<P = PayloadTypes[FormatId]> {
  ok: true;
  /** The target payload. */
  payload: P;
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

/** The result of {@link convert} to a payload of type `P`. */
export type ConversionResult<P = PayloadTypes[FormatId]> = Converted<P> | Rejected;

/** Options of {@link convertMany}. */
export interface ConvertManyOptions extends ConvertOptions {
  /**
   * The number of the first record (default 1), for input converted piece by piece: the
   * `record` numbers of `rejects` and `report` continue from there.
   */
  firstRecord?: number | undefined;
  /** Also return the notes of the converted records (`report`). Off by default: notes are large. */
  report?: boolean | undefined;
}

/** What {@link convertMany} made of the records for one target. */
export interface ConvertManyResult {
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
  now?: string | undefined;
}

/** Validates a payload (an object or JSON text) as `format`. */
export function validate(format: FormatId | ReadFormatId, payload: Payload, options?: ValidateOptions): ValidationResult;

/** As in `contactkit/forms`, for the read formats too. */
export function validateMany(
  format: FormatId | ReadFormatId,
  records: string | readonly object[],
  options?: ValidateOptions,
): ValidateManyResult;

/**
 * Converts a payload from one format to another, through the canonical contact. The payload
 * of a successful conversion has the target's type, e.g. {@link IntercomCreateContact} for
 * `convert("helpscout", "intercom", x)`.
 */
export function convert<To extends FormatId>(
  from: FormatId | ReadFormatId,
  to: To,
  payload: Payload,
  options?: ConvertOptions,
): ConversionResult<PayloadTypes[To]>;

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
): ConvertManyResult;
export function convertMany(
  from: FormatId | ReadFormatId,
  to: readonly FormatId[],
  records: string,
  options?: ConvertManyOptions,
): ConvertManyResult[];

/**
 * The object the vendor returns for a create payload: Intercom's contact, Bird's contact or
 * Help Scout's customer, with the members the vendor derives computed (docs/READ-FORMATS.md).
 */
export function preview(format: PreviewFormatId, payload: Payload, options?: PreviewOptions): PreviewResult;

/** The JSON Schema of a format (a fresh object each call). */
export function schema(format: FormatId | ReadFormatId): JsonSchema;

/** The form metadata of a format (a fresh array each call). */
export function formFields(format: FormatId | ReadFormatId): FormField[];
