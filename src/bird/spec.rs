//! The Bird workspace Contacts API "Create a contact" body, as a rule table.
//!
//! Sources: https://docs.bird.com/api/contacts-api/api-reference/manage-workspace-contacts/create-a-contact
//! and the pages it links; each rule with its source and quote is in docs/RULES.md#bird.

use super::{export, import};
use crate::engine::crossing::{named, via, with, Crossing};
use crate::engine::shared::import_text;
use crate::formats::StringFormat;
use crate::json::Json;
use crate::model::ContactField as F;
use crate::payload::payload_serde;
use crate::pointer::Path;
use crate::spec::declare::object;
use crate::spec::message::{Message, Part, Part::Text};
use crate::spec::schema::{from_template, from_text, non_empty_names, Schema};
use crate::spec::validate::{check_custom_name, check_str, Ctx, Seen, Whole};
#[cfg(test)]
use crate::spec::Stated;
use crate::spec::{
    form::Widget, len, list, ArrayRules, Check, Dynamic, DynamicCheck, Extra, ObjectRules,
    StringRules, ValueRules, STRING,
};
use crate::{Code, Format, Severity};

/// The identifier key of email addresses.
pub(crate) const EMAIL_KEY: &str = "emailaddress";
/// The identifier key of phone numbers.
pub(crate) const PHONE_KEY: &str = "phonenumber";

/// An identifier key: 1 to 64 characters on the identifier endpoint (the create page states no
/// limit, so the maximum is a warning).
const IDENTIFIER_KEY: StringRules = StringRules {
    min: 1,
    soft_max: 64,
    soft_max_note:
        "the create-identifier endpoint allows 64; the create-contact docs do not state a limit",
    ..StringRules::ANY
};

/// An identifier value: 1 to 500 characters.
const IDENTIFIER_VALUE: StringRules = StringRules {
    min: 1,
    max: 500,
    id: true,
    ..StringRules::ANY
};

object! {
    /// An identifier of a Bird contact: a key (`emailaddress`, `phonenumber`, or a custom key) and
    /// its value.
    pub struct Identifier: IDENTIFIER {
        title: "Identifier",
        description: "A contact identifier. `emailaddress` values must be email addresses and `phonenumber` values \
international numbers (+ and 7 to 15 digits), stated here with if/then on the key.",
        extra: Extra::Allow =>
            /// Members the identifier does not document (accepted).
            other,
        any_of_required: &[],
        check: Some(&Check {
            run: identifier_format,
            schema: identifier_format_schema,
            members: &["key", "value"],
            #[cfg(test)]
            rules: &[
                Stated::error("/value", "format email when the key is emailaddress", Code::Format),
                Stated::error("/value", "format phone when the key is phonenumber", Code::Format),
            ],
        }),
        others: &Crossing::None,
    }
    key: String = "key", "Identifier key", ValueRules::String(IDENTIFIER_KEY), "emailaddress, phonenumber, or a custom identifier key.",
        .required(),
        .capture();
    value: String = "value", "Identifier value", ValueRules::String(IDENTIFIER_VALUE), "",
        .required(),
        .capture();
    properties: Option<serde_json::Map<String, serde_json::Value>> = "properties", "Identifier properties", ValueRules::Object(&IDENTIFIER_PROPERTIES), "Free object, e.g. {\"countryCode\": \"US\", \"isGmail\": true}.";
}

/// An identifier's `properties`: a free object.
const IDENTIFIER_PROPERTIES: ObjectRules = ObjectRules::new(
    "Identifier properties",
    "Free object of identifier properties.",
    Extra::Allow,
    &[],
);

/// Standard attributes whose wire keys the docs' examples confirm (Bird's data model page,
/// https://docs.bird.com/applications/audience-and-contacts/contacts/concepts/data-model-for-contacts,
/// and the create-contact examples). They exist in every
/// workspace, so a definitions list that omits them does not make them unknown.
pub(crate) const STANDARD_ATTRIBUTES: &[&str] = &[
    "displayName",
    "firstName",
    "lastName",
    "timezone",
    "initialReference",
];

fn identifier_format(seen: &Seen<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    let (Some(key), Some(value)) = (seen.captured("key"), seen.captured("value")) else {
        return;
    };
    let format = match key {
        EMAIL_KEY => const { StringFormat::Email.checked_by(Format::Bird) },
        PHONE_KEY => const { StringFormat::E164.checked_by(Format::Bird) },
        _ => return,
    };
    let rules = StringRules {
        format: Some(format),
        ..StringRules::ANY
    };
    check_str(&rules, value, &path.key("value"), ctx);
}

fn identifier_format_schema() -> Schema {
    // Constant text around each key and its format's keywords.
    let one = |key: &'static str, format: StringFormat| {
        from_template(
            r#"{"if": {"properties": {"key": {"const": null}}, "required": ["key"]}, "then": {"properties": {"value": null}}}"#,
            vec![Json::String(key.into()), format.schema()],
        )
    };
    from_template(
        r#"{"allOf": [null, null]}"#,
        vec![
            one(EMAIL_KEY, StringFormat::Email),
            one(PHONE_KEY, StringFormat::E164),
        ],
    )
}

/// 1 to 10 UUIDs; a repeated id is a warning (uniqueness is not documented).
const UUID_LIST: ValueRules = ValueRules::Array(&ArrayRules {
    items: ValueRules::String(StringRules {
        format: Some(StringFormat::Uuid),
        ..StringRules::ANY
    }),
    min: 1,
    max: 10,
    unique: Some(Severity::Warning),
});

object! {
    /// A Bird contact to create: the body of Create a contact
    /// (`POST https://api.bird.com/workspaces/{workspaceId}/contacts`, workspace Contacts API).
    ///
    /// ```
    /// use contactkit::bird::{CreateContact, Identifier};
    /// let contact = CreateContact {
    ///     display_name: "Ada Lovelace".into(),
    ///     identifiers: Some(vec![Identifier {
    ///         key: "emailaddress".into(),
    ///         value: "ada@example.com".into(),
    ///         ..Default::default()
    ///     }]),
    ///     ..Default::default()
    /// };
    /// let json = serde_json::to_value(&contact)?;
    /// assert_eq!(json["identifiers"][0]["value"], "ada@example.com");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct CreateContact: CONTACT {
        title: "Bird contact (Create a contact, workspace Contacts API)",
        description: "Body of POST https://api.bird.com/workspaces/{workspaceId}/contacts. Other properties are \
accepted. Identifiers must be unique (a repeated key and value is an error, which this schema cannot express for \
identifiers that differ only in `properties`).",
        extra: Extra::Allow =>
            /// Members the body does not document ("other properties", accepted).
            other,
        any_of_required: &[],
        check: None,
        others: &Crossing::None,
    }
    display_name: String = "displayName", "Display name", len(1, 150), "The display name for the contact.",
        .maps(&via(F::FullName, import_text, export::display_name)),
        .required();
    identifiers: Option<Vec<Identifier>> = "identifiers", "Identifiers", ValueRules::Array(&ArrayRules { items: ValueRules::Object(&IDENTIFIER), min: 0, max: u32::MAX, unique: Some(Severity::Error) }), "Identifiers such as {\"key\": \"emailaddress\", \"value\": \"ada@example.com\"}; each must be unique. \
Two identifiers with the same key and value are duplicates even when their properties differ; uniqueItems states \
only the case of identical items (not expressible in JSON Schema).",
        .maps(&with(&[named!("[emailaddress]", F::Emails), named!("[phonenumber]", F::Phones), named!("[external_id]", F::ExternalId), named!("[*]", F::Identifiers)], import::identifiers, export::identifiers));
    attributes: Option<serde_json::Map<String, serde_json::Value>> = "attributes", "Attributes", ValueRules::Dynamic(&ATTRIBUTES), "Attribute values: booleans, numbers, strings, null, or non-empty arrays of those.",
        .maps(&with(&[named!(".firstName", F::FirstName), named!(".lastName", F::LastName), named!(".*", F::CustomAttributes)], import::attributes, export::attributes));
    account_ids: Option<Vec<String>> = "accountIds", "Account ids", UUID_LIST, "1 to 10 account ids (UUIDs).",
        .maps(&via(F::AccountIds, import::strings, export::strings));
    list_ids: Option<Vec<String>> = "listIds", "List ids", UUID_LIST, "1 to 10 list ids (UUIDs).",
        .maps(&via(F::ListIds, import::strings, export::strings));
    company_refs: Option<Vec<String>> = "companyRefs", "Company references", list!(STRING), "The list of company references for the contact.",
        .maps(&via(F::CompanyRefs, import::strings, export::strings));
}

const ATTRIBUTES: Dynamic = Dynamic {
    check: DynamicCheck::Whole(check_attributes),
    schema: attributes_schema,
    form: Widget::KeyValue,
    #[cfg(test)]
    rules: &[
        Stated::error("", "an object", Code::Type),
        crate::spec::custom_name("/{key}"),
        Stated::warning("/{key}", "pattern attribute-key", Code::Pattern),
        Stated::error(
            "/{key}",
            "a boolean, number, string, null or an array of those",
            Code::Type,
        ),
        Stated::error("/{key}", "an array of at least 1 item", Code::TooFewItems),
        Stated::error("/{key}/*", "a boolean, number, string or null", Code::Type),
        Stated::warning(
            "/{key}",
            "defined in the given definitions",
            Code::UnknownField,
        ),
        Stated::error(
            "/{key}",
            "one value when its definition's cardinality is one",
            Code::Type,
        ),
        Stated::error("/{key}", "the type of its definition", Code::Type),
        Stated::error("/{key}/*", "the type of its definition", Code::Type),
        Stated::error(
            "/{key}",
            "format date-time for a datetime definition",
            Code::Format,
        ),
        Stated::error(
            "/{key}/*",
            "format date-time for a datetime definition",
            Code::Format,
        ),
    ],
};

fn attributes_schema() -> Schema {
    from_text(concat!(
        r#"{"type": "object", "description": "Attribute values: booleans, numbers, strings, null, or non-empty "#,
        r#"arrays of those. Keys that do not match ^[A-Za-z0-9_-]{1,64}$ are warnings (the rule of attribute "#,
        r#"definitions). Types from the workspace's attribute definitions are checked when contactkit is given them.","#,
        r#""propertyNames": "#,
        non_empty_names!(),
        ",",
        r#""additionalProperties": {"anyOf": [{"type": ["boolean", "number", "string", "null"]}, "#,
        r#"{"type": "array", "minItems": 1, "items": {"type": ["boolean", "number", "string", "null"]}}]}}"#
    ))
}

const NOT_OBJECT: &[Part] = &[Text("must be an object")];
const NOT_KEY: &[Part] = &[
    Text("is not a valid attribute key ("),
    Part::Format,
    Text("), the rule for attribute definitions; the create-contact docs do not state it"),
];
const EMPTY_ARRAY: &[Part] = &[Text("is an empty array; array values need at least 1 item")];
const NOT_SCALAR_ITEM: &[Part] = &[Text("must be a boolean, number, string or null")];
const NOT_ATTRIBUTE_VALUE: &[Part] = &[Text(
    "must be a boolean, number, string, null or a non-empty array of those, not an object",
)];
const UNDEFINED: &[Part] = &[Text(
    "has no attribute definition in the given definitions; whether Bird rejects attributes without a definition is not stated in its docs",
)];

fn check_attributes(value: &Whole<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    let Whole::Members(members) = value else {
        ctx.error(path, Code::Type, Message::new(NOT_OBJECT));
        return;
    };
    let definitions = ctx.options.definitions.as_ref().filter(|d| d.has_bird());
    for (key, v) in members {
        let member = path.key(key);
        check_custom_name(key, &member, ctx);
        if !key.is_empty()
            && !const { StringFormat::AttributeKey.checked_by(Format::Bird) }.matches(key)
        {
            let message = Message::new(NOT_KEY).format(StringFormat::AttributeKey);
            ctx.warn(&member, Code::Pattern, message);
        }
        let shape_ok = match v {
            Json::Array(items) if items.is_empty() => {
                ctx.error(&member, Code::TooFewItems, Message::new(EMPTY_ARRAY));
                false
            }
            Json::Array(items) => {
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    if let Json::Array(_) | Json::Object(_) = item {
                        ctx.error(&member.index(i), Code::Type, Message::new(NOT_SCALAR_ITEM));
                        ok = false;
                    }
                }
                ok
            }
            Json::Object(_) => {
                ctx.error(&member, Code::Type, Message::new(NOT_ATTRIBUTE_VALUE));
                false
            }
            _ => true,
        };
        if let (true, Some(defs)) = (shape_ok, definitions) {
            match defs.bird_attribute(key) {
                Some(def) => def.check(v, &member, ctx),
                None if STANDARD_ATTRIBUTES.contains(&&**key) => {}
                None => ctx.warn(&member, Code::UnknownField, Message::new(UNDEFINED)),
            }
        }
    }
}

payload_serde!(Identifier);
payload_serde!(CreateContact, crate::Format::Bird);
