//! Account-specific custom field definitions: the shapes `Definitions::from_json` reads (each
//! vendor's own "list definitions" response, as documented), and how definitions change
//! validation.

use contactkit::{
    bird, helpscout, intercom, Code, Definitions, Format, Severity, ValidateOptions, Validator,
};
use serde_json::{json, Value};

/// The example response of Help Scout's List Customer Property Definitions
/// (`GET /v2/customer-properties`).
fn helpscout_response() -> Value {
    json!({
      "_embedded": {
        "customer-properties": [
          {"type": "text", "slug": "car", "name": "Car"},
          {"type": "number", "slug": "employees", "name": "Employees"},
          {"type": "dropdown", "slug": "plan", "name": "Plan", "options": [
            {"id": "556cca5f-1afc-48ef-8323-b88b55808404", "label": "Standard"},
            {"id": "1313b25a-1150-49a4-8514-5b31f37e427f", "label": "Plus"},
            {"id": "f2cbc0ee-95ea-4ef2-82d3-e357dc650989", "label": "Company"}
          ]}
        ]
      },
      "_links": {"self": {"href": "..."}}
    })
}

/// A response of Intercom's List all data attributes (`GET /data_attributes`), shaped like the
/// docs' example: contact attributes (named `customer` in older versions), a standard attribute,
/// a company attribute.
fn intercom_response() -> Value {
    json!({
      "type": "list",
      "data": [
        {"type": "data_attribute", "model": "customer", "name": "paid_subscriber",
         "full_name": "custom_attributes.paid_subscriber", "label": "paid_subscriber", "description": "",
         "data_type": "string", "options": ["pick_value_1", "pick_value_2"], "api_writable": true,
         "custom": true, "archived": false},
        {"type": "data_attribute", "model": "contact", "name": "monthly_spend",
         "full_name": "custom_attributes.monthly_spend", "data_type": "float", "custom": true},
        {"type": "data_attribute", "model": "contact", "name": "team_mates",
         "full_name": "custom_attributes.team_mates", "data_type": "integer", "custom": true},
        {"type": "data_attribute", "model": "contact", "name": "region_name",
         "full_name": "location_data.region_name", "data_type": "string", "custom": false},
        {"type": "data_attribute", "model": "contact", "name": "email", "full_name": "email",
         "data_type": "string", "custom": false},
        {"type": "data_attribute", "model": "company", "name": "plan", "full_name": "plan",
         "data_type": "string", "custom": false},
        {"type": "data_attribute", "model": "conversation", "name": "priority",
         "full_name": "priority", "data_type": "boolean", "custom": true}
      ]
    })
}

/// A response of Bird's List attribute definitions
/// (`GET /workspaces/{workspaceId}/attribute-definitions`).
fn bird_response() -> Value {
    json!({
      "results": [
        {"id": "7b8f0e4a-0000-4000-8000-000000000001", "key": "vip", "displayName": "VIP",
         "cardinality": "one", "type": "boolean", "pii": false, "readOnly": false},
        {"id": "7b8f0e4a-0000-4000-8000-000000000002", "key": "interests", "displayName": "Interests",
         "cardinality": "many", "type": "string", "pii": false, "readOnly": false},
        {"id": "7b8f0e4a-0000-4000-8000-000000000003", "key": "lastOrder", "displayName": "Last order",
         "type": "datetime", "pii": false, "readOnly": true}
      ],
      "nextPageToken": "abc"
    })
}

fn helpscout_expected() -> Vec<helpscout::PropertyDefinition> {
    vec![
        helpscout::PropertyDefinition {
            slug: "car".into(),
            kind: helpscout::PropertyType::Text,
            options: vec![],
        },
        helpscout::PropertyDefinition {
            slug: "employees".into(),
            kind: helpscout::PropertyType::Number,
            options: vec![],
        },
        helpscout::PropertyDefinition {
            slug: "plan".into(),
            kind: helpscout::PropertyType::Dropdown,
            options: vec![
                (
                    "556cca5f-1afc-48ef-8323-b88b55808404".into(),
                    "Standard".into(),
                ),
                ("1313b25a-1150-49a4-8514-5b31f37e427f".into(), "Plus".into()),
                (
                    "f2cbc0ee-95ea-4ef2-82d3-e357dc650989".into(),
                    "Company".into(),
                ),
            ],
        },
    ]
}

#[test]
fn reads_helpscout_list_response() {
    let defs = Definitions::from_json(&helpscout_response()).expect("accepted");
    assert_eq!(
        defs,
        Definitions::default().with_helpscout(helpscout_expected())
    );
}

fn intercom_expected() -> Vec<intercom::AttributeDefinition> {
    vec![
        intercom::AttributeDefinition {
            name: "paid_subscriber".into(),
            kind: intercom::DataType::Options,
            options: vec!["pick_value_1".into(), "pick_value_2".into()],
        },
        intercom::AttributeDefinition {
            name: "monthly_spend".into(),
            kind: intercom::DataType::Float,
            options: vec![],
        },
        intercom::AttributeDefinition {
            name: "team_mates".into(),
            kind: intercom::DataType::Integer,
            options: vec![],
        },
    ]
}

fn bird_expected() -> Vec<bird::AttributeDefinition> {
    vec![
        bird::AttributeDefinition {
            key: "vip".into(),
            kind: bird::AttributeType::Boolean,
            many: false,
        },
        bird::AttributeDefinition {
            key: "interests".into(),
            kind: bird::AttributeType::String,
            many: true,
        },
        bird::AttributeDefinition {
            key: "lastOrder".into(),
            kind: bird::AttributeType::Datetime,
            many: false,
        },
    ]
}

/// Only custom contact attributes are kept: `customer` is the older name of the contact model;
/// standard attributes (`custom: false`, a `full_name` outside `custom_attributes.`) and
/// company/conversation attributes are not keys of `custom_attributes`.
#[test]
fn reads_intercom_list_response_keeping_custom_contact_attributes() {
    let defs = Definitions::from_json(&intercom_response()).expect("accepted");
    assert_eq!(
        defs,
        Definitions::default().with_intercom(intercom_expected())
    );
}

/// Cardinality defaults to one.
#[test]
fn reads_bird_list_response() {
    let defs = Definitions::from_json(&bird_response()).expect("accepted");
    assert_eq!(defs, Definitions::default().with_bird(bird_expected()));
}

#[test]
fn reads_combined_documents_with_responses_or_plain_lists() {
    let combined = json!({
        "helpscout": helpscout_response(),
        "intercom": intercom_response()["data"].clone(),
        "bird": bird_response()["results"].clone(),
        "comment": "members other than the three vendors are ignored",
    });
    let defs = Definitions::from_json(&combined).expect("accepted");
    assert_eq!(
        defs,
        Definitions::default()
            .with_helpscout(helpscout_expected())
            .with_intercom(intercom_expected())
            .with_bird(bird_expected())
    );
    // Each vendor's key also accepts that vendor's whole list response.
    let wrapped = json!({"intercom": intercom_response(), "bird": bird_response()});
    assert_eq!(
        Definitions::from_json(&wrapped).expect("accepted"),
        Definitions::default()
            .with_intercom(intercom_expected())
            .with_bird(bird_expected())
    );
}

#[test]
fn intercom_data_types() {
    for (data_type, options, kind) in [
        ("string", json!(null), intercom::DataType::String),
        ("string", json!([]), intercom::DataType::String),
        ("string", json!(["a", "b"]), intercom::DataType::Options),
        ("integer", json!(null), intercom::DataType::Integer),
        ("float", json!(null), intercom::DataType::Float),
        ("boolean", json!(null), intercom::DataType::Boolean),
        ("date", json!(null), intercom::DataType::Date),
        ("datetime", json!(null), intercom::DataType::Datetime),
        (
            "options",
            json!([{"value": "a"}, {"value": "b"}]),
            intercom::DataType::Options,
        ),
    ] {
        let mut item = json!({"name": "x", "data_type": data_type});
        if !options.is_null() {
            item["options"] = options;
        }
        let defs = Definitions::from_json(&json!({ "intercom": [item] })).expect("accepted");
        let Some(attribute) = only_intercom(&defs) else {
            panic!("no attribute for {data_type}")
        };
        assert_eq!(attribute.kind, kind, "{data_type}");
    }
}

/// The one Intercom attribute of a definitions document, recovered by equality.
fn only_intercom(defs: &Definitions) -> Option<intercom::AttributeDefinition> {
    let kinds = [
        intercom::DataType::String,
        intercom::DataType::Integer,
        intercom::DataType::Float,
        intercom::DataType::Boolean,
        intercom::DataType::Date,
        intercom::DataType::Datetime,
        intercom::DataType::Options,
    ];
    let option_sets: [Vec<String>; 2] = [vec![], vec!["a".into(), "b".into()]];
    kinds.into_iter().find_map(|kind| {
        option_sets.iter().find_map(|options| {
            let candidate = intercom::AttributeDefinition {
                name: "x".into(),
                kind,
                options: options.clone(),
            };
            (*defs == Definitions::default().with_intercom(vec![candidate.clone()]))
                .then_some(candidate)
        })
    })
}

#[test]
fn rejects_documents_it_cannot_read() {
    for (doc, path_hint) in [
        (json!([]), "(document)"),
        (json!("helpscout"), "(document)"),
        (json!({"properties": []}), "(document)"),
        (
            json!({"helpscout": [{"slug": "a", "type": "color"}]}),
            "/helpscout/0",
        ),
        (json!({"helpscout": [{"type": "text"}]}), "/helpscout/0"),
        (json!({"helpscout": {"items": []}}), "/helpscout"),
        (
            json!({"intercom": [{"name": "a", "data_type": "money"}]}),
            "/intercom/0",
        ),
        (
            json!({"intercom": [{"data_type": "string"}]}),
            "/intercom/0",
        ),
        (
            json!({"bird": [{"key": "a", "type": "number", "cardinality": "few"}]}),
            "/bird/0",
        ),
        (json!({"bird": [{"key": "a", "type": "date"}]}), "/bird/0"),
        (json!({"bird": [{"type": "string"}]}), "/bird/0"),
        (json!({"results": [{"key": "a", "type": "text"}]}), "/0"),
    ] {
        match Definitions::from_json(&doc) {
            Ok(defs) => panic!("{doc} was accepted: {defs:?}"),
            Err(e) => {
                let text = e.to_string();
                assert!(
                    text.contains(path_hint),
                    "{doc}: the error {text:?} does not name {path_hint}"
                );
            }
        }
    }
}

fn validator(format: Format, defs: Value) -> Validator {
    let defs = Definitions::from_json(&defs).expect("definitions");
    Validator::new(format).with_options(ValidateOptions::new().definitions(defs))
}

fn findings(v: &Validator, payload: &Value) -> Vec<(String, Code, Severity)> {
    v.validate(payload)
        .issues
        .into_iter()
        .map(|i| (i.path, i.code, i.severity))
        .collect()
}

#[test]
fn definitions_apply_only_to_their_vendor() {
    // Help Scout definitions do not make Intercom attributes or Bird attributes unknown.
    let hs_only = json!({"helpscout": [{"slug": "seats", "type": "number"}]});
    assert_eq!(
        findings(
            &validator(Format::Intercom, hs_only.clone()),
            &json!({"email": "a@example.com", "custom_attributes": {"anything": 1}})
        ),
        vec![]
    );
    assert_eq!(
        findings(
            &validator(Format::Bird, hs_only.clone()),
            &json!({"displayName": "d", "attributes": {"anything": 1}})
        ),
        vec![]
    );
    assert_eq!(
        findings(
            &validator(Format::HelpScout, hs_only),
            &json!({"properties": [{"slug": "seats", "value": 3}]})
        ),
        vec![]
    );
}

#[test]
fn an_empty_list_means_nothing_is_defined() {
    let w = |path: &str| (path.to_owned(), Code::UnknownField, Severity::Warning);
    assert_eq!(
        findings(
            &validator(Format::HelpScout, json!({"helpscout": []})),
            &json!({"properties": {"car": "Tesla"}})
        ),
        vec![w("/properties/car")]
    );
    assert_eq!(
        findings(
            &validator(Format::Intercom, json!({"type": "list", "data": []})),
            &json!({"email": "a@example.com", "custom_attributes": {"plan": "pro"}})
        ),
        vec![w("/custom_attributes/plan")]
    );
    // Bird's standard attributes exist in every workspace.
    assert_eq!(
        findings(
            &validator(Format::Bird, json!({"results": []})),
            &json!({"displayName": "d", "attributes": {
                "firstName": "Ada", "lastName": "Lovelace", "displayName": "Ada",
                "timezone": "Europe/London", "initialReference": "import", "shoeSize": 38}})
        ),
        vec![w("/attributes/shoeSize")]
    );
}

#[test]
fn builders_equal_the_json_forms() {
    let built = Definitions::default()
        .with_helpscout(vec![helpscout::PropertyDefinition {
            slug: "seats".into(),
            kind: helpscout::PropertyType::Number,
            options: vec![],
        }])
        .with_bird(vec![bird::AttributeDefinition {
            key: "vip".into(),
            kind: bird::AttributeType::Boolean,
            many: false,
        }]);
    let read = Definitions::from_json(&json!({
        "helpscout": [{"slug": "seats", "type": "number"}],
        "bird": [{"key": "vip", "type": "boolean", "cardinality": "one"}]
    }))
    .expect("accepted");
    assert_eq!(built, read);
    let v =
        Validator::new(Format::HelpScout).with_options(ValidateOptions::new().definitions(built));
    assert_eq!(
        findings(
            &v,
            &json!({"properties": [{"slug": "seats", "value": "3"}]})
        ),
        vec![(
            "/properties/0/value".to_owned(),
            Code::Type,
            Severity::Error
        )]
    );
}

/// Each Help Scout property type, at its documented edges.
#[test]
fn helpscout_property_types() {
    let v = validator(
        Format::HelpScout,
        json!({"helpscout": [
            {"slug": "n", "type": "number"}, {"slug": "t", "type": "text"},
            {"slug": "u", "type": "url"}, {"slug": "d", "type": "date"},
            {"slug": "p", "type": "dropdown", "options": [{"id": "id-1", "label": "Gold"}]}
        ]}),
    );
    let t255 = "t".repeat(255);
    let t256 = "ţ".repeat(256);
    for (slug, value, expected) in [
        ("n", json!(i64::MAX), None),
        ("n", json!(i64::MIN), None),
        (
            "n",
            json!(9_223_372_036_854_775_808_u64),
            Some(Code::OutOfRange),
        ),
        ("n", json!(-1e19), Some(Code::OutOfRange)),
        ("n", json!(7.0), None),
        ("n", json!(7.5), Some(Code::Type)),
        ("n", json!("7"), Some(Code::Type)),
        ("t", json!(t255), None),
        ("t", json!(t256), Some(Code::TooLong)),
        ("t", json!(7), Some(Code::Type)),
        ("u", json!("https://example.com/x"), None),
        ("u", json!("example.com"), Some(Code::Format)),
        ("d", json!("2019-01-02"), None),
        ("d", json!("2024-02-29"), None),
        ("d", json!("2019-02-30"), Some(Code::Format)),
        ("d", json!("2100-02-29"), Some(Code::Format)),
        ("d", json!("2019-04-31"), Some(Code::Format)),
        ("d", json!("2019-1-2"), Some(Code::Format)),
        ("p", json!("Gold"), None),
        ("p", json!("id-1"), None),
        ("p", json!("gold"), Some(Code::Enum)),
        ("p", json!(1), Some(Code::Type)),
    ] {
        let payload = json!({"properties": [{"slug": slug, "value": value}]});
        let want: Vec<_> = expected
            .map(|c| ("/properties/0/value".to_owned(), c, Severity::Error))
            .into_iter()
            .collect();
        assert_eq!(findings(&v, &payload), want, "{slug} = {value}");
    }
}

/// Findings against definitions state their terms in `params` as the table rules do: the
/// expected type, the text property's limit and length, the missed format.
#[test]
fn findings_against_definitions_state_their_terms() {
    let combined = json!({
        "helpscout": [
            {"type": "number", "slug": "employees"},
            {"type": "text", "slug": "car"},
            {"type": "url", "slug": "site"}
        ],
        "intercom": [{"name": "team_mates", "data_type": "integer"}],
        "bird": [{"key": "born", "type": "datetime"}]
    });
    let defs = Definitions::from_json(&combined).expect("accepted");
    let params = |format: Format, record: Value, path: &str| {
        let report = Validator::new(format)
            .with_options(ValidateOptions::new().definitions(defs.clone()))
            .validate(&record);
        crate::support::params_at(&report, path)
    };
    let hs = |properties: Value| json!({ "firstName": "Ada", "properties": properties });
    let p = params(
        Format::HelpScout,
        hs(json!({"employees": "many"})),
        "/properties/employees",
    );
    assert_eq!(p.expected, ["integer"]);
    let p = params(
        Format::HelpScout,
        hs(json!({"car": "c".repeat(256)})),
        "/properties/car",
    );
    assert_eq!((p.limit, p.length), (Some(255), Some(256)));
    let p = params(
        Format::HelpScout,
        hs(json!({"site": "not a url"})),
        "/properties/site",
    );
    assert_eq!(p.format, Some("url"));
    let intercom =
        json!({"role": "user", "external_id": "1", "custom_attributes": {"team_mates": "x"}});
    let p = params(Format::Intercom, intercom, "/custom_attributes/team_mates");
    assert_eq!(p.expected, ["integer"]);
    let bird = json!({"displayName": "Ada", "attributes": {"born": "yesterday"}});
    assert_eq!(
        params(Format::Bird, bird, "/attributes/born").format,
        Some("date-time")
    );
}
