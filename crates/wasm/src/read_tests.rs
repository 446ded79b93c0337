//! Host tests of the read formats through the package's functions (issue 9): the results are
//! the core's, shaped as the other functions shape theirs.

use contactkit::Format;
use serde_json::Value;

use crate::api::{convert, form_fields, schema, validate};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

#[test]
fn read_formats_work_in_every_function() {
    let contact = r#"{"type": "contact", "email": "ada@example.com", "location": {"city": "Dublin"}, "x": 1}"#;
    assert_eq!(
        validate("intercom-contact", contact, "").expect("ok"),
        crate::dto::NO_FINDINGS
    );
    let out = parse(&convert("intercom-contact", "helpscout", contact, "").expect("ok"));
    assert_eq!(out["ok"], true);
    assert_eq!(out["payload"]["address"]["city"], "Dublin");
    let out = parse(&convert("intercom", "intercom-contact", contact, "").expect("ok"));
    assert_eq!(out["ok"], false);
    assert_eq!(out["stage"], "target");
    assert_eq!(out["issues"][0]["code"], "enum");
    for format in Format::READ {
        assert_eq!(schema(format.id()).expect("ok"), format.schema());
        assert!(parse(&form_fields(format.id()).expect("ok")).is_array());
    }
}
