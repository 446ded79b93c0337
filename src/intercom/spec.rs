//! The Intercom REST API 2.15 "Create contact" request body (`create_contact_request`), as a
//! rule table.
//!
//! Sources: Intercom's OpenAPI description 2.15 (schema `create_contact_request`), the 2.1 and
//! legacy 1.x docs; each rule with its source and quote is in docs/RULES.md#intercom.

use super::{export, import};
use crate::engine::crossing::{named, via, with, Crossing};
use crate::engine::shared::{export_integer, import_first_email, import_first_phone, import_text};
use crate::formats::StringFormat;
use crate::json::Json;
use crate::model::vocabulary;
use crate::model::ContactField as F;
use crate::payload::{payload_serde, Nullable};
use crate::pointer::Path;
use crate::spec::declare::object;
use crate::spec::message::{JsonType, Message, Part, Part::Text};
use crate::spec::schema::{from_text, non_empty_names, Schema};
use crate::spec::validate::{check_custom_name, Ctx, Seen, Whole};
use crate::spec::FormHints;
#[cfg(test)]
use crate::spec::Stated;
use crate::spec::{
    form::Widget, formatted, one_of, Check, Dynamic, DynamicCheck, Extra, StringRules, ValueRules,
    Vocabulary, INTEGER, STRING,
};
use crate::{Code, Severity};

/// Contact roles (docs 2.1: "Accepted values are user or lead").
pub(crate) const ROLES: Vocabulary = Vocabulary {
    values: vocabulary::ROLES,
    severity: Severity::Error,
    any_case: false,
};

object! {
    /// An Intercom contact to create: the body of Create contact (`POST https://api.intercom.io/contacts`,
    /// REST API 2.15).
    ///
    /// ```
    /// use contactkit::intercom::CreateContact;
    /// let contact = CreateContact {
    ///     email: Some("ada@example.com".into()),
    ///     name: "Ada Lovelace".into(),
    ///     ..Default::default()
    /// };
    /// assert_eq!(
    ///     serde_json::to_string(&contact)?,
    ///     r#"{"email":"ada@example.com","name":"Ada Lovelace"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct CreateContact: CREATE_CONTACT {
        title: "Intercom contact (Create contact, REST API 2.15)",
        description: "Body of POST https://api.intercom.io/contacts. At least one of email, external_id or role is \
required; with role \"user\", email or external_id is required. Custom attribute values must be strings, numbers, \
booleans or null.",
        extra: Extra::Warn =>
            /// Members the body does not document (each an `unknown_field` warning).
            other,
        any_of_required: &["email", "external_id", "role"],
        check: Some(&Check {
            run: role_rule,
            schema: role_rule_schema,
            members: &["role", "email", "external_id"],
            #[cfg(test)]
            rules: &[Stated::error(
                "",
                "email or external_id present when role is user (an empty external_id does not count)",
                Code::Required,
            )],
        }),
        others: &Crossing::None,
    }
    role: Option<String> = "role", "Role", one_of(&ROLES), "The role of the contact: user or lead.",
        .maps(&via(F::Role, import_text, export::role)),
        .capture();
    external_id: Option<String> = "external_id", "External id", crate::spec::id(0), "A unique identifier for the contact which is given to Intercom.",
        .maps(&Crossing::Text(F::ExternalId));
    email: Option<String> = "email", "Email", formatted(StringFormat::Email), "The contact's email.",
        .maps(&via(F::Emails, import_first_email, export::email));
    phone: Nullable<String> = "phone", "Phone", STRING, "The contact's phone (e.g. +353871234567).",
        .form(&FormHints::placeholder("+353871234567")),
        .maps(&via(F::Phones, import_first_phone, export::phone)),
        .nullable();
    name: Nullable<String> = "name", "Name", STRING, "The contact's full name.",
        .maps(&with(&[named!("", F::FullName), named!("", F::FirstName), named!("", F::LastName)], import_text, export::name)),
        .nullable();
    avatar: Nullable<String> = "avatar", "Avatar URL", formatted(StringFormat::HttpUrl), "An image URL containing the avatar of a contact.",
        .maps(&Crossing::Text(F::PhotoUrl)),
        .nullable();
    signed_up_at: Nullable<i64> = "signed_up_at", "Signed up at", INTEGER, "Unix timestamp in seconds of when the contact signed up.",
        .maps(&via(F::SignedUpAt, import::timestamp, export::timestamp)),
        .nullable();
    last_seen_at: Nullable<i64> = "last_seen_at", "Last seen at", INTEGER, "Unix timestamp in seconds of when the contact was last seen.",
        .maps(&via(F::LastSeenAt, import::timestamp, export::timestamp)),
        .nullable();
    owner_id: Nullable<i64> = "owner_id", "Owner id", INTEGER, "The id of an admin that has been assigned account ownership of the contact.",
        .maps(&via(F::OwnerId, import::owner_id, export_integer)),
        .nullable();
    unsubscribed_from_emails: Nullable<bool> = "unsubscribed_from_emails", "Unsubscribed from emails", ValueRules::Boolean, "Whether the contact is unsubscribed from emails.",
        .maps(&via(F::UnsubscribedFromEmails, import::unsubscribed_from_emails, export::unsubscribed_from_emails)),
        .nullable();
    custom_attributes: Nullable<serde_json::Map<String, serde_json::Value>> = "custom_attributes", "Custom attributes", ValueRules::Dynamic(&CUSTOM_ATTRIBUTES), "The custom attributes of the contact: data attribute name to value.",
        .maps(&via(F::CustomAttributes, import::custom_attributes, export::custom_attributes)),
        .nullable();
}

/// With `role: "user"`, `email` or `external_id` is required (docs 2.1).
fn role_rule(seen: &Seen<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    if seen.captured("role") == Some("user") && !seen.given("email") && !seen.given("external_id") {
        let message = Message::new(&[Text("email or external_id is required when role is user")]);
        ctx.error(path, Code::Required, message);
    }
}

fn role_rule_schema() -> Schema {
    from_text(
        r#"{"if": {"properties": {"role": {"const": "user"}}, "required": ["role"]},
            "then": {"anyOf": [{"required": ["email"]},
                {"required": ["external_id"], "properties": {"external_id": {"minLength": 1}}}]}}"#,
    )
}

const CUSTOM_ATTRIBUTES: Dynamic = Dynamic {
    check: DynamicCheck::Whole(check_custom_attributes),
    schema: custom_attributes_schema,
    form: Widget::KeyValue,
    #[cfg(test)]
    rules: &[
        Stated::error("", "an object or null", Code::Type),
        Stated::warning("", "at most 250 attributes", Code::TooManyItems),
        crate::spec::custom_name("/{name}"),
        Stated::warning("/{name}", "a name without . or $", Code::Pattern),
        Stated::warning("/{name}", "a name of at most 190 characters", Code::TooLong),
        Stated::error("/{name}", "a string, number, boolean or null", Code::Type),
        Stated::warning("/{name}", "at most 255 characters", Code::TooLong),
        Stated::warning(
            "/{name}",
            "an integer when the name ends in _at (without definitions)",
            Code::Type,
        ),
        Stated::warning(
            "/{name}",
            "defined in the given definitions",
            Code::UnknownField,
        ),
        Stated::error("/{name}", "the type of its definition", Code::Type),
        Stated::warning(
            "/{name}",
            "one of its list definition's options",
            Code::Enum,
        ),
    ],
};

fn custom_attributes_schema() -> Schema {
    from_text(concat!(
        r#"{"type": ["object", "null"], "description": "Values must be strings, numbers, booleans or null. "#,
        r#"Legacy (1.x) limits, reported as warnings only: names without '.' or '$' and at most 190 characters, "#,
        r#"string values at most 255 characters, at most 250 attributes. Types from the account's data attribute "#,
        r#"definitions are checked when contactkit is given them.","#,
        r#""propertyNames": "#,
        non_empty_names!(),
        ",",
        r#""additionalProperties": {"type": ["string", "number", "boolean", "null"]}}"#
    ))
}

/// A custom attribute string value's rules (legacy 1.x limit: a warning).
const ATTRIBUTE_VALUE: StringRules = StringRules {
    soft_max: 255,
    soft_max_note: "Intercom's legacy 1.x docs limit string values to 255 characters; the 2.x docs do not state it",
    ..StringRules::ANY
};

const NOT_OBJECT: &[Part] = &[Text("must be an object or null")];
const TOO_MANY: &[Part] = &[
    Text("has "),
    Part::Count,
    Text(" attributes; Intercom allows 250 custom data attributes per workspace"),
];
const DOT_OR_DOLLAR: &[Part] = &[Text(
    "contains '.' or '$', which Intercom's legacy 1.x docs forbid in attribute names; the 2.x docs do not state it",
)];
const LONG_NAME: &[Part] = &[
    Text("is a "),
    Part::Length,
    Text("-character name; Intercom's legacy 1.x docs allow at most 190, the 2.x docs do not state it"),
];
const NOT_SCALAR: &[Part] = &[
    Text("must be a string, number, boolean or null, not "),
    Part::Found,
];
const UNDEFINED: &[Part] = &[Text(
    "has no data attribute definition in the given definitions; Intercom's legacy 1.x docs require attributes to exist, the 2.x docs do not state what happens",
)];
const NOT_TIMESTAMP: &[Part] = &[Text(
    "should be a Unix timestamp in seconds: Intercom's legacy 1.x docs treat attributes whose names end in _at as dates; the 2.x docs do not state it",
)];

fn check_custom_attributes(value: &Whole<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    let Whole::Members(members) = value else {
        ctx.error(path, Code::Type, Message::new(NOT_OBJECT));
        return;
    };
    if members.len() > 250 {
        ctx.warn(
            path,
            Code::TooManyItems,
            Message::new(TOO_MANY).count(members.len()),
        );
    }
    let definitions = ctx
        .options
        .definitions
        .as_ref()
        .filter(|d| d.has_intercom());
    for (name, v) in members {
        let member = path.key(name);
        check_custom_name(name, &member, ctx);
        if name.bytes().any(|b| b == b'.' || b == b'$') {
            ctx.warn(&member, Code::Pattern, Message::new(DOT_OR_DOLLAR));
        }
        let n = crate::spec::char_count(name);
        if n > 190 {
            ctx.warn(&member, Code::TooLong, Message::new(LONG_NAME).length(n));
        }
        match v {
            Json::Object(_) | Json::Array(_) => {
                let found = if let Json::Object(_) = v {
                    JsonType::Object
                } else {
                    JsonType::Array
                };
                ctx.error(&member, Code::Type, Message::new(NOT_SCALAR).found(found));
                continue;
            }
            Json::String(s) => crate::spec::validate::check_str(&ATTRIBUTE_VALUE, s, &member, ctx),
            _ => {}
        }
        let definition = definitions.and_then(|defs| defs.intercom_attribute(name));
        match (definitions, definition) {
            (_, Some(def)) => def.check(v, &member, ctx),
            (Some(_), None) => ctx.warn(&member, Code::UnknownField, Message::new(UNDEFINED)),
            (None, None) => {
                if name.ends_with("_at") && !v.is_null() && v.as_integer().is_none() {
                    ctx.warn(&member, Code::Type, Message::new(NOT_TIMESTAMP));
                }
            }
        }
    }
}

payload_serde!(CreateContact, crate::Format::Intercom);
