//! Help Scout `properties`: its part of the generic keyed-values walk (`crate::spec::keyed`):
//! the slug's rules, the value checks (against the account's property definitions when given)
//! and the messages.

use super::definitions::TEXT_PROPERTY_MAX;
use super::spec::SLUG;
use crate::definitions::Definitions;
use crate::json::Integer;
use crate::pointer::Path;
use crate::spec::keyed::{Keyed, Summary};
use crate::spec::message::{Message, Part, Part::Text};
use crate::spec::validate::Ctx;
use crate::Code;

/// `properties`: a list of `{slug, value}` objects, or an object of `slug: value`.
pub(crate) const PROPERTIES: Keyed = Keyed {
    key: "slug",
    value: "value",
    key_rules: &SLUG,
    whole: |ctx| {
        ctx.options
            .definitions
            .as_ref()
            .is_some_and(Definitions::has_helpscout)
    },
    check: check_value,
    not_keyed: NOT_PROPERTIES,
    not_item: NOT_ITEM,
    repeated: REPEATED_SLUG,
    not_string: NOT_STRING,
};

const NO_DEFINITION: &[Part] = &[Text(
    "has no property definition in the given definitions; Help Scout requires properties to be defined first",
)];
const LONG_TEXT: &[Part] = &[
    Text("is "),
    Part::Length,
    Text(" characters long; text properties hold at most "),
    Part::Max,
    Text(" (a warning: without the property definitions its type is not known)"),
];
const INTEGER_RANGE: &[Part] = &[
    Text("must be an integer from "),
    Part::Min,
    Text(" to "),
    Part::Max,
];
const NOT_INTEGER: &[Part] = &[Text(
    "must be a string or an integer (number properties are integers)",
)];
const NOT_SCALAR: &[Part] = &[Text("must be a string or an integer")];
const NOT_PROPERTIES: &[Part] = &[Text(
    "must be an array of {slug, value} objects (or an object of slug: value)",
)];
const NOT_ITEM: &[Part] = &[Text("must be an object with slug and value")];
const REPEATED_SLUG: &[Part] = &[Text("repeats an earlier property slug")];
const NOT_STRING: &[Part] = &[Text("must be a string")];

/// Checks one property value: against its definition when the caller gave one, otherwise
/// against what every property type accepts.
pub(crate) fn check_value(
    slug: Option<&str>,
    prop: &Summary<'_>,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) {
    let summary;
    let prop = match prop {
        Summary::Whole(value) => {
            if let (Some(slug), Some(defs)) = (slug, ctx.options.definitions.as_ref()) {
                if defs.has_helpscout() {
                    match defs.helpscout_property(slug) {
                        Some(def) => def.check(value, path, ctx),
                        None => ctx.warn(path, Code::UnknownField, Message::new(NO_DEFINITION)),
                    }
                    return;
                }
            }
            summary = Summary::of(value);
            &summary
        }
        plain => plain,
    };
    // The checks without a definition.
    match prop {
        Summary::Text(n) => {
            if *n > usize::from(TEXT_PROPERTY_MAX) {
                let message = Message::new(LONG_TEXT).length(*n);
                ctx.warn(path, Code::TooLong, message.max(TEXT_PROPERTY_MAX));
            }
        }
        Summary::Number(Some(Integer::InRange(_))) => {}
        Summary::Number(Some(Integer::OutOfRange)) => ctx.error(
            path,
            Code::OutOfRange,
            Message::new(INTEGER_RANGE).min(i64::MIN).max(i64::MAX),
        ),
        Summary::Number(None) => ctx.error(path, Code::Type, Message::new(NOT_INTEGER)),
        // `Whole` is summarised above.
        Summary::Whole(_) | Summary::Other => {
            ctx.error(path, Code::Type, Message::new(NOT_SCALAR));
        }
    }
}
