//! Found by the `convert` fuzz target (crash-c1c59667…): a Sequence record with the custom
//! attribute `"mrr": 5555…511837.0` (83 digits), converted to canonical, did not survive a
//! serialise/parse round trip of the payload. The cause is serde_json's default float parser,
//! which may be one unit in the last place off on rare inputs (the `float_roundtrip` feature
//! makes it exact, and the fuzz crate enables it); conversion itself must carry the number it
//! was given bit for bit, which is what this test pins down.

use contactkit::{convert, ConvertOptions, Format};
use serde_json::Value;

const RECORD: &str = r#"{"externalId":"0982fee0-e3c8-4fb7-b135-9e09g4570b99","email":"joelle_ijzerman13@gmail.com","firstName":"Joëlle","lastName":"IJzerman","phone":"+31632339184","title":"Accountmanager","signedUpAt":"4048-07-01T02:13:51Z","lastSeenAt":"2024-10-22T23:53:49Z","plan":"enterprise","mrr":55555555555555555555555555555555555555555555555555555555555555555555555555555511837.0}"#;

#[test]
fn custom_attribute_numbers_are_carried_bit_for_bit() {
    let record: Value = serde_json::from_str(RECORD).expect("record");
    let mrr = record["mrr"].as_f64().expect("number");
    for to in Format::ALL {
        for lenient in [false, true] {
            let options = ConvertOptions::new().lenient(lenient);
            let converted = convert(Format::Sequence, to, &record, &options).expect("converts");
            let carried = match to {
                Format::Sequence => &converted.payload["mrr"],
                Format::Canonical => &converted.payload["customAttributes"]["mrr"],
                Format::Intercom => &converted.payload["custom_attributes"]["mrr"],
                Format::Bird => &converted.payload["attributes"]["mrr"],
                // Help Scout properties hold integers and strings only.
                _ => continue,
            };
            assert_eq!(
                carried.as_f64().map(f64::to_bits),
                Some(mrr.to_bits()),
                "Sequence -> {to}: {carried}"
            );
        }
    }
}
