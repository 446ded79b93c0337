//! The Bird workspace Contacts API "Create a contact" body, as a rule table.
//!
//! Sources: https://docs.bird.com/api/contacts-api/api-reference/manage-workspace-contacts/create-a-contact
//! and the pages it links; each rule with its source and quote is in docs/RULES.md#bird.

use serde_json::Value;

use crate::json::Json;
use crate::pointer::Path;
use crate::rules::StrFormat;
use crate::spec::message::{Message, Part, Part::Text};
use crate::spec::schema::{from_text, non_empty_names};
use crate::spec::validate::{check_custom_name, check_str, Ctx, Seen, Whole};
#[cfg(test)]
use crate::spec::Stated;
use crate::spec::{
    form::Widget, len, list, Array, Check, Dynamic, DynamicCheck, Extra, Field, Kind, Obj, Str,
    STRING,
};
use crate::{Code, Severity};

/// The identifier key of email addresses.
pub(crate) const EMAIL_KEY: &str = "emailaddress";
/// The identifier key of phone numbers.
pub(crate) const PHONE_KEY: &str = "phonenumber";

/// An identifier key: 1 to 64 characters on the identifier endpoint (the create page states no
/// limit, so the maximum is a warning).
const IDENTIFIER_KEY: Str = Str {
    min: 1,
    soft_max: 64,
    soft_max_note:
        "the create-identifier endpoint allows 64; the create-contact docs do not state a limit",
    ..Str::ANY
};

/// An identifier value: 1 to 500 characters.
const IDENTIFIER_VALUE: Str = Str {
    min: 1,
    max: 500,
    id: true,
    ..Str::ANY
};

const IDENTIFIER: Obj = Obj {
    title: "Identifier",
    description: "A contact identifier. `emailaddress` values must be email addresses and `phonenumber` values \
international numbers (+ and 7 to 15 digits), stated here with if/then on the key.",
    fields: &[
        Field::new("key", "Identifier key", Kind::Str(IDENTIFIER_KEY))
            .required()
            .capture()
            .doc("emailaddress, phonenumber, or a custom identifier key."),
        Field::new("value", "Identifier value", Kind::Str(IDENTIFIER_VALUE)).required().capture(),
        Field::new("properties", "Identifier properties", Kind::Object(&IDENTIFIER_PROPERTIES))
            .doc("Free object, e.g. {\"countryCode\": \"US\", \"isGmail\": true}."),
    ],
    extra: Extra::Allow,
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
};

/// An identifier's `properties`: a free object.
const IDENTIFIER_PROPERTIES: Obj = Obj {
    title: "Identifier properties",
    description: "Free object of identifier properties.",
    fields: &[],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};

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
        EMAIL_KEY => StrFormat::Email,
        PHONE_KEY => StrFormat::E164,
        _ => return,
    };
    let rules = Str {
        format: Some(format),
        ..Str::ANY
    };
    check_str(&rules, value, &path.key("value"), ctx);
}

fn identifier_format_schema() -> Value {
    let when = |key: &str, format: StrFormat| {
        format!(
            r#"{{"if": {{"properties": {{"key": {{"const": "{key}"}}}}, "required": ["key"]}},
                "then": {{"properties": {{"value": {}}}}}}}"#,
            format.schema()
        )
    };
    from_text(&format!(
        r#"{{"allOf": [{}, {}]}}"#,
        when(EMAIL_KEY, StrFormat::Email),
        when(PHONE_KEY, StrFormat::E164)
    ))
}

/// 1 to 10 UUIDs; a repeated id is a warning (uniqueness is not documented).
const UUID_LIST: Kind = Kind::Array(&Array {
    items: Kind::Str(Str {
        format: Some(StrFormat::Uuid),
        ..Str::ANY
    }),
    min: 1,
    max: 10,
    unique: Some(Severity::Warning),
});

/// The Create a contact body.
pub(crate) static CONTACT: Obj = Obj {
    title: "Bird contact (Create a contact, workspace Contacts API)",
    description: "Body of POST https://api.bird.com/workspaces/{workspaceId}/contacts. Other properties are \
accepted. Identifiers must be unique (a repeated key and value is an error, which this schema cannot express for \
identifiers that differ only in `properties`).",
    fields: &[
        Field::new("displayName", "Display name", len(1, 150)).required().doc("The display name for the contact."),
        Field::new(
            "identifiers",
            "Identifiers",
            Kind::Array(&Array { items: Kind::Object(&IDENTIFIER), min: 0, max: u32::MAX, unique: Some(Severity::Error) }),
        )
        .doc("Identifiers such as {\"key\": \"emailaddress\", \"value\": \"ada@example.com\"}; each must be unique. \
Two identifiers with the same key and value are duplicates even when their properties differ; uniqueItems states \
only the case of identical items (not expressible in JSON Schema)."),
        Field::new("attributes", "Attributes", Kind::Dynamic(&ATTRIBUTES))
            .doc("Attribute values: booleans, numbers, strings, null, or non-empty arrays of those."),
        Field::new("accountIds", "Account ids", UUID_LIST).doc("1 to 10 account ids (UUIDs)."),
        Field::new("listIds", "List ids", UUID_LIST).doc("1 to 10 list ids (UUIDs)."),
        Field::new(
            "companyRefs",
            "Company references",
            list!(STRING),
        )
        .doc("The list of company references for the contact."),
    ],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};

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

fn attributes_schema() -> Value {
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
    let definitions = ctx.settings.definitions.filter(|d| d.has_bird());
    for (key, v) in members {
        let member = path.key(key);
        check_custom_name(key, &member, ctx);
        if !key.is_empty() && !StrFormat::AttributeKey.matches(key) {
            let message = Message::new(NOT_KEY).format(StrFormat::AttributeKey);
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
