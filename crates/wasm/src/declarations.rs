//! The generated part of the package's TypeScript declarations: one interface per create
//! format, from the core's rule tables ([`contactkit::typescript_type`]), written to
//! `npm/payloads.d.ts` by `cargo run -p contactkit-wasm --example payload_types` (which
//! scripts/build-wasm.sh runs for pkg/). A test keeps the committed file current.

use contactkit::Format;
use serde_json::Value;

/// The interface name of each create format's payload, in [`Format::ALL`] order.
pub const INTERFACES: [(Format, &str); 5] = [
    (Format::Sequence, "SequencePerson"),
    (Format::Intercom, "IntercomCreateContact"),
    (Format::Bird, "BirdCreateContact"),
    (Format::HelpScout, "HelpScoutCustomer"),
    (Format::Canonical, "CanonicalContact"),
];

/// The text of `payloads.d.ts`.
pub fn payload_types() -> String {
    let mut out = String::from(
        "// The payload types of the `contactkit` npm package, generated from contactkit's rule tables\n\
         // (the tables the validator, the JSON Schemas and the form metadata are derived from).\n\
         // Do not edit: run `cargo run -p contactkit-wasm --example payload_types -- npm/payloads.d.ts`\n\
         // (a test of crates/wasm fails while this file is not current).\n\
         import type { JsonValue } from \"./forms.js\";\n",
    );
    for (format, name) in INTERFACES {
        let schema: Value = serde_json::from_str(format.schema()).unwrap_or_default();
        let description = schema["description"].as_str().unwrap_or_default();
        out.push_str(&format!(
            "\n/**\n * {} (`{}`). {}\n */\nexport interface {name} {}\n",
            format.title(),
            format.id(),
            description.replace("*/", "*\\/"),
            contactkit::typescript_type(format, 0)
        ));
    }
    out.push_str("\n/** The payload type of each create format, by format id. */\nexport interface PayloadTypes {\n");
    for (format, name) in INTERFACES {
        out.push_str(&format!("  {}: {name};\n", format.id()));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_create_format_has_one_interface() {
        let formats: Vec<Format> = INTERFACES.iter().map(|(f, _)| *f).collect();
        assert_eq!(formats, Format::ALL);
    }

    #[test]
    fn the_committed_file_is_current() {
        let committed = include_str!("../../../npm/payloads.d.ts");
        let generated = payload_types();
        assert!(
            committed == generated,
            "npm/payloads.d.ts is not current: run `cargo run -p contactkit-wasm --example payload_types -- npm/payloads.d.ts`"
        );
    }
}
