//! Form metadata: what a page needs to build an HTML form for a format with native constraints
//! (`required`, `maxlength`, `<select>` options, `pattern`), derived from the same tables as the
//! validator.

use serde::Serialize;

use super::{Array, Field, Kind, Obj, Req, Str};
use crate::Severity;

/// How a value that the table cannot describe field by field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Widget {
    /// Rows of key and scalar value (custom attributes).
    KeyValue,
    /// Free JSON text.
    Json,
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormField {
    /// Member name on the wire.
    pub name: String,
    /// JSON Pointer of the member relative to its form (e.g. `/address/city`).
    pub path: String,
    /// Human label.
    pub label: String,
    /// What the vendor's docs say about it.
    pub description: String,
    /// `string`, `integer`, `boolean`, `array`, `object` or `any`.
    pub json_type: &'static str,
    /// Whether the vendor requires it (missing is an error).
    pub required: bool,
    /// Whether `null` is accepted.
    pub nullable: bool,
    /// Minimum length in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Maximum length in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// The accepted values, for a `<select>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enum_values: Option<Vec<&'static str>>,
    /// Whether values outside `enum_values` are only warnings (an inferred list).
    pub enum_is_strict: bool,
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
    /// For values edited as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub widget: Option<Widget>,
}

/// The fields of an object table.
pub(crate) fn fields(obj: &'static Obj, base: &str) -> Vec<FormField> {
    obj.fields.iter().map(|f| field(f, base)).collect()
}

fn field(f: &'static Field, base: &str) -> FormField {
    let path = crate::pointer::join(base, f.name);
    let mut out = blank(f.name, &path, f.label, f.doc);
    out.required = f.required == Req::Yes;
    out.nullable = f.nullable;
    describe(&f.kind, &mut out);
    out
}

fn blank(name: &str, path: &str, label: &str, doc: &str) -> FormField {
    FormField {
        name: name.to_owned(),
        path: path.to_owned(),
        label: label.to_owned(),
        description: doc.to_owned(),
        json_type: "any",
        required: false,
        nullable: false,
        min_length: None,
        max_length: None,
        enum_values: None,
        enum_is_strict: false,
        pattern: None,
        format: None,
        minimum: None,
        maximum: None,
        min_items: None,
        max_items: None,
        fields: None,
        item: None,
        widget: None,
    }
}

fn describe(kind: &Kind, out: &mut FormField) {
    match kind {
        Kind::Str(rules) => string(rules, out),
        Kind::Int { min, max } => {
            out.json_type = "integer";
            out.minimum = (*min != i64::MIN).then_some(*min);
            out.maximum = (*max != i64::MAX).then_some(*max);
        }
        Kind::Bool => out.json_type = "boolean",
        Kind::Array(array) => array_field(array, out),
        Kind::Object(obj) => {
            out.json_type = "object";
            out.fields = Some(fields(obj, &out.path));
        }
        Kind::Any => out.widget = Some(Widget::Json),
        Kind::Dynamic(dynamic) => {
            out.json_type = "object";
            out.widget = Some(dynamic.form);
        }
    }
}

fn string(rules: &Str, out: &mut FormField) {
    out.json_type = "string";
    out.min_length = (rules.min > 0).then_some(rules.min);
    out.max_length = (rules.max != u32::MAX).then_some(rules.max);
    if let Some(format) = rules.format {
        out.format = Some(format.form_name());
        if let Some(pattern) = format.schema().get("pattern").and_then(|p| p.as_str()) {
            out.pattern = Some(pattern.to_owned());
        }
    }
    if let Some(list) = rules.one_of {
        out.enum_values = Some(list.values.to_vec());
        out.enum_is_strict = list.severity == Severity::Error && !list.any_case;
    }
}

fn array_field(array: &Array, out: &mut FormField) {
    out.json_type = "array";
    out.min_items = (array.min > 0).then_some(array.min);
    out.max_items = (array.max != u32::MAX).then_some(array.max);
    match &array.items {
        Kind::Object(obj) => out.fields = Some(fields(obj, &format!("{}/0", out.path))),
        other => {
            let mut item = blank("", &format!("{}/0", out.path), &out.label, "");
            describe(other, &mut item);
            out.item = Some(Box::new(item));
        }
    }
}
