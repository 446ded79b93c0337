//! Form metadata: what a page needs to build an HTML form for a format with native constraints
//! (`required`, `maxlength`, `<select>` options, `pattern`), derived from the same tables as the
//! validator.

use serde::Serialize;

use super::{ArrayRules, Member, ObjectRules, Presence, StringRules, ValueRules};
use crate::Severity;

/// How a value is edited: for a value that the table cannot describe field by field, and as a
/// member's form hint (a text area for long free text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Widget {
    /// Rows of key and scalar value (custom attributes).
    KeyValue,
    /// Free JSON text.
    Json,
    /// One line of text.
    Line,
    /// Several lines of free text.
    Textarea,
}

/// The JSON type of a form field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FieldType {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// An array.
    Array,
    /// An object.
    Object,
    /// Any JSON value.
    Any,
}

impl FieldType {
    /// The type's name in form metadata (`string`, `integer`, `boolean`, `array`, `object`,
    /// `any`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "integer",
            Self::Boolean => "boolean",
            Self::Array => "array",
            Self::Object => "object",
            Self::Any => "any",
        }
    }
}

display_by!(FieldType, as_str);

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FormField {
    /// Member name on the wire.
    pub name: String,
    /// JSON Pointer of the member relative to its form (e.g. `/address/city`).
    pub path: String,
    /// Human label.
    pub label: String,
    /// What the vendor's docs say about it.
    pub description: String,
    /// The value's JSON type.
    pub json_type: FieldType,
    /// Whether the vendor requires it (missing is an error) whenever the object that holds it
    /// is present.
    pub required: bool,
    /// For a `required` member that is not required of every record because an object or array
    /// item above it is optional: the pointer of the nearest such container (e.g. `/phones/0`
    /// for `/phones/0/type`). The member must be present once that container exists, so a form
    /// marks it required only then (an empty, optional Phones group must not block a submit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_within: Option<String>,
    /// Whether `null` is accepted.
    pub nullable: bool,
    /// Minimum length in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Maximum length in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// The unit of `min_length` and `max_length` ([`FormField::LENGTH_UNIT`]), present with them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length_unit: Option<&'static str>,
    /// The accepted values, for a `<select>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enum_values: Option<Vec<&'static str>>,
    /// Whether the vendor documents `enum_values` as the accepted values, so another value is an
    /// error (a `<select>`); `false` for an inferred list, where other values are only warnings
    /// (suggestions).
    pub enum_is_strict: bool,
    /// Whether a value that differs from one of `enum_values` only in ASCII letter case is
    /// accepted with a warning (Help Scout `gender`: the docs' own example sends `"Male"`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub enum_any_case: bool,
    /// An ECMA-262 pattern the value must match (for `<input pattern>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// A named format: `email`, `url`, `date`, `date-time`, `uuid`, `phone`, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// Minimum and maximum of an integer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum: Option<i64>,
    /// Maximum of an integer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum: Option<i64>,
    /// For arrays: the bounds of the number of items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u32>,
    /// For arrays: the maximum number of items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u32>,
    /// For arrays of objects, or objects: the fields of one item / of the object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FormField>>,
    /// For arrays of scalars: the item's constraints.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Box<FormField>>,
    /// How the value is edited, where the rules alone do not say: as a whole (`json`), as rows
    /// of key and value (`keyValue`), or as several lines of free text (`textarea`). `None`:
    /// the input the JSON type and rules imply (a single line for a string, a select for a
    /// documented list, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub widget: Option<Widget>,
    /// For a `keyValue` widget whose value is written as a list of objects: the member of an
    /// item that holds the key (Help Scout properties: `slug`; the value is in `value`).
    /// `None`: the value is an object of key: value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_key: Option<&'static str>,
    /// An example value for an empty input: the member's own (Help Scout `age`: `30-35`), or
    /// one of the value's format (`https://` for a URL, a date-time for a date-time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<&'static str>,
    /// The sibling members that a rule of the enclosing object checks together with this one:
    /// a "one of A, B, C is required" list, or a cross-field rule such as Intercom's "with role
    /// user, email or external_id is required" or Bird's identifier `value` whose format
    /// depends on its `key`. A form re-checks the enclosing object as a whole when this member
    /// changes; a `required` finding at the enclosing object's own path comes only from such
    /// rules and concerns this member and these siblings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tied_to: Vec<&'static str>,
}

impl FormField {
    /// The unit of [`FormField::min_length`] and [`FormField::max_length`], stated next to them
    /// as [`FormField::length_unit`]: Unicode code points (scalar values), as the vendors count
    /// and the validator checks. An HTML `maxlength` counts UTF-16 code units instead (40 emoji
    /// are 40 code points and 80 units), so no `maxlength` is exact for these limits.
    pub const LENGTH_UNIT: &'static str = "codePoint";
}

impl Widget {
    /// The widget's name in form metadata (`keyValue`, `json`, `line`, `textarea`).
    const fn as_str(self) -> &'static str {
        match self {
            Self::KeyValue => "keyValue",
            Self::Json => "json",
            Self::Line => "line",
            Self::Textarea => "textarea",
        }
    }
}

/// Appends the JSON array of form fields, byte for byte as serde_json serialises `fields`
/// ([`FormField`]'s `Serialize`: camelCase names in field order, absent options left out),
/// without serde: what the npm package's forms module returns, with no serialiser linked.
pub(crate) fn push_fields(out: &mut String, fields: &[FormField]) {
    crate::json::write::push_array(out, fields, push_field);
}

fn push_field(out: &mut String, f: &FormField) {
    use crate::json::write::{
        push_array, push_i64, push_json_string as string, push_key as key, push_u64,
    };
    let number = |out: &mut String, name: &str, n: Option<u32>| {
        if let Some(n) = n {
            key(out, false, name);
            push_u64(out, u64::from(n));
        }
    };
    let text = |out: &mut String, name: &str, s: Option<&str>| {
        if let Some(s) = s {
            key(out, false, name);
            string(out, s);
        }
    };
    let flag = |out: &mut String, name: &str, b: bool| {
        key(out, false, name);
        out.push_str(if b { "true" } else { "false" });
    };
    let strings = |out: &mut String, name: &str, list: &[&str]| {
        key(out, false, name);
        push_array(out, list, |out, s| string(out, s));
    };
    out.push('{');
    key(out, true, "name");
    string(out, &f.name);
    text(out, "path", Some(&f.path));
    text(out, "label", Some(&f.label));
    text(out, "description", Some(&f.description));
    text(out, "jsonType", Some(f.json_type.as_str()));
    flag(out, "required", f.required);
    text(out, "requiredWithin", f.required_within.as_deref());
    flag(out, "nullable", f.nullable);
    number(out, "minLength", f.min_length);
    number(out, "maxLength", f.max_length);
    text(out, "lengthUnit", f.length_unit);
    if let Some(values) = &f.enum_values {
        strings(out, "enumValues", values);
    }
    flag(out, "enumIsStrict", f.enum_is_strict);
    if f.enum_any_case {
        flag(out, "enumAnyCase", true);
    }
    text(out, "pattern", f.pattern.as_deref());
    text(out, "format", f.format);
    for (name, n) in [("minimum", f.minimum), ("maximum", f.maximum)] {
        if let Some(n) = n {
            key(out, false, name);
            push_i64(out, n);
        }
    }
    number(out, "minItems", f.min_items);
    number(out, "maxItems", f.max_items);
    if let Some(fields) = &f.fields {
        key(out, false, "fields");
        push_fields(out, fields);
    }
    if let Some(item) = &f.item {
        key(out, false, "item");
        push_field(out, item);
    }
    text(out, "widget", f.widget.map(Widget::as_str));
    text(out, "listKey", f.list_key);
    text(out, "placeholder", f.placeholder);
    if !f.tied_to.is_empty() {
        strings(out, "tiedTo", &f.tied_to);
    }
    out.push('}');
}

/// The fields of an object table at `base`, which exists whenever the container at `anchor`
/// does (`None`: in every record).
pub(crate) fn fields(
    obj: &'static ObjectRules,
    base: &str,
    anchor: Option<&str>,
) -> Vec<FormField> {
    // A plain loop: less WebAssembly code than `map` and `collect`.
    let mut out = Vec::with_capacity(obj.members.len());
    for f in obj.members {
        let mut one = field(f, base, anchor);
        one.tied_to = tied_to(obj, f.name);
        out.push(one);
    }
    out
}

/// The members that the object's any-of list or cross-field check ties to `name`, in the
/// table's order (plain loops: this runs in the WebAssembly module, where iterator chains cost
/// code size).
fn tied_to(obj: &ObjectRules, name: &str) -> Vec<&'static str> {
    let check: &[&str] = match obj.check {
        Some(check) => check.members,
        None => &[],
    };
    let mut out = Vec::new();
    for f in obj.members {
        let other = f.name;
        for members in [obj.any_of_required, check] {
            if other != name && members.contains(&name) && members.contains(&other) {
                out.push(other);
                break;
            }
        }
    }
    out
}

fn field(f: &'static Member, base: &str, anchor: Option<&str>) -> FormField {
    let path = crate::pointer::join(base, f.name);
    let mut out = blank(f.name, &path, f.label, f.doc);
    out.required = f.required == Presence::Required;
    out.nullable = f.nullable;
    // What is inside this member exists whenever this member does: whenever the enclosing
    // container does if the member is required, otherwise only once the member is there.
    let own = if out.required {
        out.required_within = anchor.map(str::to_owned);
        anchor
    } else {
        Some(path.as_str())
    };
    describe(&f.kind, &mut out, own);
    // The member's own form hints (its declaration) take precedence over what its rules imply.
    if f.form.widget.is_some() {
        out.widget = f.form.widget;
    }
    if !f.form.placeholder.is_empty() {
        out.placeholder = Some(f.form.placeholder);
    }
    out
}

fn blank(name: &str, path: &str, label: &str, doc: &str) -> FormField {
    FormField {
        name: name.to_owned(),
        path: path.to_owned(),
        label: label.to_owned(),
        description: doc.to_owned(),
        json_type: FieldType::Any,
        required: false,
        required_within: None,
        nullable: false,
        min_length: None,
        max_length: None,
        length_unit: None,
        enum_values: None,
        enum_is_strict: false,
        enum_any_case: false,
        pattern: None,
        format: None,
        minimum: None,
        maximum: None,
        min_items: None,
        max_items: None,
        fields: None,
        item: None,
        widget: None,
        list_key: None,
        placeholder: None,
        tied_to: Vec::new(),
    }
}

/// Describes a value of `kind` in `out`; what is inside it exists whenever the container at
/// `anchor` does.
fn describe(kind: &ValueRules, out: &mut FormField, anchor: Option<&str>) {
    match kind {
        ValueRules::String(rules) => string(rules, out),
        ValueRules::Integer(&super::IntegerRange { min, max }) => {
            out.json_type = FieldType::Integer;
            out.minimum = (min != i64::MIN).then_some(min);
            out.maximum = (max != i64::MAX).then_some(max);
        }
        ValueRules::Boolean => out.json_type = FieldType::Boolean,
        ValueRules::Array(array) => array_field(array, out, anchor),
        ValueRules::Object(obj) => {
            out.json_type = FieldType::Object;
            out.fields = Some(fields(obj, &out.path, anchor));
        }
        ValueRules::Any => out.widget = Some(Widget::Json),
        ValueRules::Dynamic(dynamic) => {
            out.json_type = FieldType::Object;
            out.widget = Some(dynamic.form);
            if let super::DynamicCheck::Keyed(keyed) = dynamic.check {
                out.list_key = Some(keyed.key);
            }
        }
    }
}

fn string(rules: &StringRules, out: &mut FormField) {
    out.json_type = FieldType::String;
    out.min_length = (rules.min > 0).then_some(u32::from(rules.min));
    out.max_length = (rules.max != u32::MAX).then_some(rules.max);
    if out.min_length.is_some() || out.max_length.is_some() {
        out.length_unit = Some(FormField::LENGTH_UNIT);
    }
    if let Some(format) = rules.format {
        out.format = Some(format.form_name());
        out.placeholder = format.example();
        if let Some(pattern) = format.schema().get("pattern").and_then(|p| p.as_str()) {
            out.pattern = Some(pattern.to_owned());
        }
    }
    if let Some(list) = rules.one_of {
        out.enum_values = Some(list.values.to_vec());
        out.enum_is_strict = list.severity == Severity::Error;
        out.enum_any_case = list.any_case;
    }
}

fn array_field(array: &ArrayRules, out: &mut FormField, anchor: Option<&str>) {
    out.json_type = FieldType::Array;
    out.min_items = (array.min > 0).then_some(array.min);
    out.max_items = (array.max != u32::MAX).then_some(array.max);
    let mut first = out.path.clone();
    first.push_str("/0");
    // An item exists whenever the array does only if the array needs one.
    let anchor = if array.min >= 1 {
        anchor
    } else {
        Some(first.as_str())
    };
    match &array.items {
        ValueRules::Object(obj) => out.fields = Some(fields(obj, &first, anchor)),
        other => {
            let mut item = blank("", &first, &out.label, "");
            describe(other, &mut item, anchor);
            out.item = Some(Box::new(item));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{form_fields, validate, Code, Format};

    #[test]
    fn fields_are_written_as_serde_json_serialises_them() {
        for format in Format::EVERY {
            let mut out = String::new();
            super::push_fields(&mut out, form_fields(format));
            let serde = serde_json::to_string(form_fields(format)).expect("json");
            assert_eq!(out, serde, "{format}");
        }
    }
    use serde_json::json;

    fn find<'a>(fields: &'a [super::FormField], name: &str) -> &'a super::FormField {
        fields
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("no field {name}"))
    }

    #[test]
    fn form_hints_come_from_the_declarations_and_formats() {
        use super::Widget;
        let helpscout = form_fields(Format::HelpScout);
        assert_eq!(find(helpscout, "background").widget, Some(Widget::Textarea));
        assert_eq!(find(helpscout, "age").placeholder, Some("30-35"));
        assert_eq!(find(helpscout, "photoUrl").placeholder, Some("https://"));
        let properties = find(helpscout, "properties");
        assert_eq!(properties.widget, Some(Widget::KeyValue));
        assert_eq!(properties.list_key, Some("slug"));
        assert_eq!(find(helpscout, "firstName").widget, None);
        assert_eq!(find(helpscout, "firstName").placeholder, None);
        let canonical = form_fields(Format::Canonical);
        assert_eq!(find(canonical, "notes").widget, Some(Widget::Textarea));
        assert_eq!(
            find(canonical, "signedUpAt").placeholder,
            Some("2025-03-14T09:26:53Z")
        );
        let intercom = form_fields(Format::Intercom);
        let custom = find(intercom, "custom_attributes");
        assert_eq!(custom.widget, Some(Widget::KeyValue));
        assert_eq!(custom.list_key, None);
        #[cfg(feature = "convert")]
        {
            let read = form_fields(Format::HelpScoutCustomer);
            assert_eq!(find(read, "background").widget, Some(Widget::Textarea));
        }
    }

    #[test]
    fn tied_members_come_from_the_any_of_list_and_the_cross_field_check() {
        let intercom = form_fields(Format::Intercom);
        assert_eq!(find(intercom, "role").tied_to, ["external_id", "email"]);
        assert_eq!(find(intercom, "email").tied_to, ["role", "external_id"]);
        assert_eq!(find(intercom, "external_id").tied_to, ["role", "email"]);
        assert!(find(intercom, "name").tied_to.is_empty());
        // The rule they stand for reports `required` at the object's own path.
        let report = validate(Format::Intercom, &json!({"role": "user"}));
        assert!(report
            .issues
            .iter()
            .any(|i| i.path.is_empty() && i.code == Code::Required));

        let bird = form_fields(Format::Bird);
        let identifier = find(bird, "identifiers").fields.as_deref().expect("fields");
        assert_eq!(find(identifier, "key").tied_to, ["value"]);
        assert_eq!(find(identifier, "value").tied_to, ["key"]);
        assert!(find(identifier, "properties").tied_to.is_empty());
        assert!(find(bird, "displayName").tied_to.is_empty());
        for format in [Format::Sequence, Format::HelpScout, Format::Canonical] {
            assert!(
                form_fields(format).iter().all(|f| f.tied_to.is_empty()),
                "{format}"
            );
        }
    }

    #[test]
    fn documented_enums_are_strict_even_when_letter_case_is_only_a_warning() {
        let helpscout = form_fields(Format::HelpScout);
        let gender = find(helpscout, "gender");
        assert!(gender.enum_is_strict && gender.enum_any_case);
        // As the validator decides: another value is an error, another letter case a warning.
        let issues = |v: &str| validate(Format::HelpScout, &json!({ "gender": v })).issues;
        assert_eq!(issues("robot")[0].code, Code::Enum);
        assert!(issues("robot")[0].is_error());
        assert!(!issues("Male")[0].is_error());
        // An inferred list: suggestions only.
        let emails = find(helpscout, "emails").fields.as_deref().expect("fields");
        let kind = find(emails, "type");
        assert!(!kind.enum_is_strict && !kind.enum_any_case);
        let serialized = serde_json::to_value(kind).expect("json");
        assert!(serialized.get("enumAnyCase").is_none());
        assert!(serialized.get("tiedTo").is_none());
    }
}
