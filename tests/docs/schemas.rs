//! The committed schemas are generated from the rule tables; this test keeps them in sync.
//! Regenerate with `CONTACTKIT_BLESS=1 cargo test --test docs schemas::`.

use contactkit::{generate_schema, Format};

#[test]
fn committed_schemas_are_up_to_date() {
    let bless = std::env::var_os("CONTACTKIT_BLESS").is_some();
    // The create formats, then the read formats (with the feature `convert`).
    for format in Format::ALL.into_iter().chain(Format::READ) {
        let generated = generate_schema(format);
        let path = format!(
            "{}/schemas/{}.schema.json",
            env!("CARGO_MANIFEST_DIR"),
            format.id()
        );
        if bless {
            std::fs::write(&path, &generated).expect("write schema");
        } else {
            assert!(
                generated == format.schema(),
                "{path} is out of date; run CONTACTKIT_BLESS=1 cargo test --test docs schemas::"
            );
        }
    }
}

#[test]
fn schemas_are_valid_draft_2020_12() {
    for format in Format::ALL {
        let schema: serde_json::Value =
            serde_json::from_str(format.schema()).expect("schema is JSON");
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        jsonschema::draft202012::meta::validate(&schema).unwrap_or_else(|e| {
            panic!("{} schema is not a valid 2020-12 schema: {e}", format.id())
        });
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap_or_else(|e| panic!("{} schema does not compile: {e}", format.id()));
    }
}
