// Types of the per-vendor entry `contactkit/forms/@ID@`: `contactkit/forms` narrowed to the one
// create format "@ID@" (scripts/build-wasm.sh writes forms-@ID@.d.ts from npm/vendor.d.ts). The
// functions keep the format argument, typed as the one literal, so that moving between this
// entry and `contactkit/forms` changes the import only; the module refuses another id at run
// time too (`unknown_format`), for callers without types.
import type {
  ContactkitSchema,
  FieldValue,
  FormatInfo,
  FormField,
  JsonSchema,
  Payload,
  ValidateOptions,
  ValidationResult,
} from "./forms.js";

export type * from "./forms.js";
export { ContactkitError, init, initSync, version } from "./forms.js";
export { default } from "./forms.js";

/** The one format of this entry. */
export type EntryFormat = "@ID@";

/** Validates a payload (an object or JSON text) as "@ID@". */
export function validate(format: EntryFormat, payload: Payload, options?: ValidateOptions): ValidationResult;

/**
 * Validates one form input: `value` is placed at `pointer` in the smallest payload that holds
 * it, and only findings at or below `pointer` are returned (see `contactkit/forms`).
 */
export function validateField(
  format: EntryFormat,
  pointer: string,
  value: FieldValue | undefined,
  options?: ValidateOptions,
): ValidationResult;

/** The JSON Schema of the format (a fresh object each call). */
export function schema(format: EntryFormat): JsonSchema;

/** The one format of this entry. */
export function formats(): [FormatInfo & { id: EntryFormat }];

/** The form metadata of the format (a fresh array each call). */
export function formFields(format: EntryFormat): FormField[];

/** The Standard Schema of the format (the same object each call). */
export function standardSchema(format: EntryFormat): ContactkitSchema<EntryFormat>;
/** The Standard Schema of the format. */
export const @ID@Schema: ContactkitSchema<EntryFormat>;
