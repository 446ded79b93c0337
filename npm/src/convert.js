// The functions only the full module has (conversion and preview), added to the API of the full
// entries (contactkit.js, node.js) by `bind`; the forms entries do not import this file, so their
// bundles leave it out.
import { argumentError, describe, formatId, jsonText, optionsText, payloadText } from "./api.js";

/** Adds `convert`, `convertMany` and `preview` to `api`; `run` calls the module (api.js). */
export function conversions(api, run) {
  api.convert = (from, to, payload, options) =>
    JSON.parse(run("convert", formatId(from, "from"), formatId(to, "to"), payloadText(payload), optionsText(options)));

  /**
   * Converts many records (NDJSON text: one JSON value per line, blank lines skipped) into one
   * target, or into each target of an array (each record is parsed once), with the lines
   * `contactkit convert` writes: payloads, rejects and (option `report`) notes.
   */
  api.convertMany = (from, to, records, options) => {
    const many = Array.isArray(to);
    const targets = many ? to : [to];
    if (targets.length === 0) throw argumentError("to must name at least one format");
    for (const id of targets) {
      formatId(id, "to");
      // The ids cross to WebAssembly joined by commas; a comma is in no format id, and the
      // module says so for such an id as for any unknown one.
      if (id.includes(",")) run("schema", id);
    }
    if (typeof records !== "string") {
      throw argumentError(`records must be NDJSON text (a string), not ${describe(records)}`);
    }
    // One part per target, its fields separated by U+001E (the NDJSON texts go through as
    // they are: JSON escapes control characters, so the separators cannot occur in them).
    const text = run("convertMany", formatId(from, "from"), targets.join(","), jsonText(records), optionsText(options));
    const out = text.split("\u001d").map((part) => {
      const [n, converted, rejected, output, rejects, report] = part.split("\u001e");
      const batch = { records: Number(n), converted: Number(converted), rejected: Number(rejected), output, rejects };
      if (report !== undefined) batch.report = report;
      return batch;
    });
    return many ? out : out[0];
  };

  /** The object the vendor returns for a create payload (intercom, bird or helpscout). */
  api.preview = (format, payload, options) =>
    JSON.parse(run("preview", formatId(format), payloadText(payload), optionsText(options)));
}
