//! Found by the `validate` fuzz target in its first minute (crash-28744ffb…): `validate_slice`
//! skipped undocumented members with serde's `IgnoredAny`, which lets serde_json pass over
//! strings and numbers without checking them. Invalid UTF-8, a lone surrogate escape or a
//! number out of range there went unnoticed, although the same text cannot be parsed into a
//! `serde_json::Value` (so `validate` and `convert` never see it, and `contactkit convert`
//! rejected a record that `contactkit validate` called valid). Now the text is one `syntax`
//! finding, whichever member holds it (a number beyond the range of a 64-bit float: an
//! `out_of_range` error at its path).

use contactkit::{Code, Format, Severity, Validator};

fn assert_syntax(format: Format, text: &[u8]) {
    assert!(serde_json::from_slice::<serde_json::Value>(text).is_err());
    let report = Validator::new(format).validate_slice(text);
    let found: Vec<_> = report
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code, i.severity))
        .collect();
    assert_eq!(
        found,
        [("", Code::Syntax, Severity::Error)],
        "{format}: {}",
        String::from_utf8_lossy(text)
    );
}

#[test]
fn the_fuzzer_input() {
    // Help Scout: `address` is known, `count-ry` and `zip` are not; `zip` holds bytes 0xDB.
    let mut text =
        br#"{"address": {"count-ry": "US:", "lines": "123 Main St", "zip": "7520"#.to_vec();
    text.extend([0xDB; 100]);
    text.extend(br#"+"}}"#);
    assert_syntax(Format::HelpScout, &text);
}

#[test]
fn invalid_utf8_in_any_skipped_member() {
    for format in Format::ALL {
        assert_syntax(format, b"{\"undocumented\": \"\xFF\"}");
        assert_syntax(format, b"{\"undocumented\": {\"deeper\": [\"\xC3\"]}}");
    }
    // Sequence custom attributes and Bird other properties are accepted without rules.
    assert_syntax(
        Format::Sequence,
        b"{\"externalId\": \"1\", \"plan\": \"\xE2\x82\"}",
    );
    assert_syntax(
        Format::Bird,
        b"{\"displayName\": \"A\", \"x\": [\"\xF0\x9F\"]}",
    );
    // A value of the wrong type is skipped too.
    assert_syntax(Format::HelpScout, b"{\"firstName\": [\"\xFF\"]}");
}

#[test]
fn lone_surrogate_escapes_in_any_skipped_member() {
    for format in Format::ALL {
        assert_syntax(format, br#"{"undocumented": "\ud800"}"#);
        assert_syntax(format, br#"{"undocumented": ["\udc00x"]}"#);
    }
}

/// A number beyond the range of a 64-bit float was a `syntax` finding here too; it is now an
/// `out_of_range` error at its own path (docs/RULES.md#numbers), still in every skipped member,
/// so `validate` still calls invalid what `convert` rejects.
#[test]
fn numbers_out_of_range_in_any_skipped_member() {
    for format in Format::ALL {
        for (text, path) in [
            (&br#"{"undocumented": 1e999}"#[..], "/undocumented"),
            (br#"{"undocumented": {"n": -1e400}}"#, "/undocumented/n"),
        ] {
            assert!(serde_json::from_slice::<serde_json::Value>(text).is_err());
            let report = Validator::new(format).validate_slice(text);
            assert!(!report.is_valid(), "{format}");
            // Among the member's other findings (an unknown_field warning before it, in
            // document order, for the formats that warn about undocumented members).
            assert!(
                report
                    .issues
                    .iter()
                    .any(|i| (i.path.as_str(), i.code) == (path, Code::OutOfRange)),
                "{format}: {:?}",
                report.issues
            );
            assert!(report.issues.iter().all(|i| i.code != Code::Syntax));
        }
    }
}

#[test]
fn skipped_members_that_are_well_formed_stay_accepted() {
    // Escapes, surrogate pairs, big integers and floats are fine where no rule looks.
    let text = br#"{"externalId": "1", "a": "\u00e9\ud83d\ude00\n", "b": 18446744073709551616, "c": -0, "d": [1.5e300, null, true, {"e": {}}]}"#;
    let report = Validator::new(Format::Sequence).validate_slice(text);
    assert!(report.issues.is_empty(), "{:?}", report.issues);
}
