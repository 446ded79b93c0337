//! Help Scout `properties`, checked during the validator's one walk over the record.
//!
//! `properties` is a list of `{slug, value}` objects (or an object of `slug: value`) whose
//! checks need more than one member at a time (a slug's definition decides how its value is
//! checked, slugs must be unique), so each item is collected first and checked when it ends.
//! A value is read whole ([`Json`]) only when property definitions were given (they check a
//! value as a whole); otherwise it is summarised as a [`Prop`] while it is read, so a record
//! without findings allocates at most the list of slugs seen.

use std::borrow::Cow;

use super::spec::SLUG;
use crate::definitions::Definitions;
use crate::json::{Integer, Json, NameMap, Source, Stop, Token};
use crate::pointer::Path;
use crate::spec::message::{Message, Part, Part::Text};
use crate::spec::validate::{check_str, Ctx, REQUIRED, UNKNOWN_FIELD};
use crate::Code;

const NO_DEFINITION: &[Part] = &[Text(
    "has no property definition in the given definitions; Help Scout requires properties to be defined first",
)];
const LONG_TEXT: &[Part] = &[
    Text("is "),
    Part::Length,
    Text(" characters long; text properties hold at most 255 (a warning: without the property definitions its type is not known)"),
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

/// Walks `properties` (`null` is accepted when `nullable`), recording findings in `ctx`.
pub(crate) fn walk<'a, S: Source<'a>>(
    source: &mut S,
    nullable: bool,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<(), Stop> {
    let whole = ctx
        .settings
        .definitions
        .is_some_and(Definitions::has_helpscout);
    match source.value()? {
        Token::Null if nullable => {}
        Token::Null | Token::Bool(_) | Token::Number(_) | Token::String(_) => {
            ctx.error(path, Code::Type, Message::new(NOT_PROPERTIES));
        }
        // The documented shape: a list of `{slug, value}` objects.
        Token::Array => {
            let mut seen = NameMap::default();
            let mut i = 0;
            let mut first = true;
            while source.next_item(&mut first)? {
                let item = Item::read(source, whole)?;
                item.check(&path.index(i), &mut seen, ctx);
                i += 1;
            }
        }
        // An object of `slug: value`; a repeated slug counts once, at its first place, with
        // its last value (as a parsed `serde_json::Value` would hold it).
        Token::Object => {
            let mut props = NameMap::default();
            let mut first = true;
            while let Some(slug) = source.next_key(&mut first)? {
                let value = Prop::read(source, whole)?;
                props.insert(slug, value);
            }
            for (slug, value) in props.entries() {
                let member = path.key(slug);
                let before = ctx.issues.len();
                check_str(&SLUG, slug, &member, ctx);
                // Findings about the slug itself concern the member name.
                let slug_ok = ctx.issues.len() == before;
                check_value(slug_ok.then_some(slug), value, &member, ctx);
            }
        }
    }
    Ok(())
}

/// What the checks need to know about a property value.
#[derive(Debug)]
enum Prop<'a> {
    /// The value itself, kept when definitions were given.
    Whole(Json<'a>),
    /// A string of this many characters.
    Text(usize),
    /// A number: the integer it holds, `None` when it has a fractional part.
    Number(Option<Integer>),
    /// `null`, a boolean, an array or an object.
    Other,
}

impl<'a> Prop<'a> {
    /// Reads a property value: whole, or as a summary.
    fn read<S: Source<'a>>(source: &mut S, whole: bool) -> Result<Self, Stop> {
        if whole {
            return Json::read(source).map(Prop::Whole);
        }
        Ok(match source.value()? {
            Token::String(s) => Prop::Text(s.chars().count()),
            Token::Number(n) => Prop::Number(n.integer()),
            Token::Null | Token::Bool(_) => Prop::Other,
            Token::Array => {
                source.skip_open(false)?;
                Prop::Other
            }
            Token::Object => {
                source.skip_open(true)?;
                Prop::Other
            }
        })
    }

    fn of(value: &Json<'_>) -> Prop<'static> {
        match value {
            Json::String(s) => Prop::Text(s.chars().count()),
            Json::Number(n) => Prop::Number(n.integer()),
            _ => Prop::Other,
        }
    }
}

/// Checks one property value: against its definition when the caller gave one, otherwise
/// against what every property type accepts.
fn check_value(slug: Option<&str>, prop: &Prop<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    let value = match prop {
        Prop::Whole(value) => value,
        plain => return check_plain(plain, path, ctx),
    };
    if let (Some(slug), Some(defs)) = (slug, ctx.settings.definitions) {
        if defs.has_helpscout() {
            match defs.helpscout_property(slug) {
                Some(def) => def.check(value, path, ctx),
                None => ctx.warn(path, Code::UnknownField, Message::new(NO_DEFINITION)),
            }
            return;
        }
    }
    check_plain(&Prop::of(value), path, ctx);
}

/// The checks without a definition.
fn check_plain(prop: &Prop<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    match prop {
        Prop::Whole(value) => check_plain(&Prop::of(value), path, ctx),
        Prop::Text(n) => {
            if *n > 255 {
                ctx.warn(path, Code::TooLong, Message::new(LONG_TEXT).length(*n));
            }
        }
        Prop::Number(Some(Integer::InRange(_))) => {}
        Prop::Number(Some(Integer::OutOfRange)) => ctx.error(
            path,
            Code::OutOfRange,
            Message::new(INTEGER_RANGE).min(i64::MIN).max(i64::MAX),
        ),
        Prop::Number(None) => ctx.error(path, Code::Type, Message::new(NOT_INTEGER)),
        Prop::Other => ctx.error(path, Code::Type, Message::new(NOT_SCALAR)),
    }
}

/// One item of the list, collected so that its members can be checked in a fixed order
/// whatever their order in the input.
enum Item<'a> {
    /// Not an object.
    NotObject,
    Object {
        /// The last `slug` member: `None` when absent, `Some(None)` when not a string.
        slug: Option<Option<Cow<'a, str>>>,
        /// The last `value` member.
        value: Option<Prop<'a>>,
        /// Other members, in the order first seen.
        unknown: NameMap<'a, ()>,
    },
}

impl<'a> Item<'a> {
    /// Reads one item of the list.
    fn read<S: Source<'a>>(source: &mut S, whole: bool) -> Result<Self, Stop> {
        match source.value()? {
            Token::Object => {}
            Token::Array => {
                source.skip_open(false)?;
                return Ok(Item::NotObject);
            }
            _ => return Ok(Item::NotObject),
        }
        let mut slug = None;
        let mut value = None;
        let mut unknown = NameMap::default();
        let mut first = true;
        while let Some(key) = source.next_key(&mut first)? {
            match &*key {
                "slug" => slug = Some(read_slug(source)?),
                "value" => value = Some(Prop::read(source, whole)?),
                _ => {
                    source.skip()?;
                    unknown.insert(key, ());
                }
            }
        }
        Ok(Item::Object {
            slug,
            value,
            unknown,
        })
    }

    fn check(self, path: &Path<'_>, seen: &mut NameMap<'a, ()>, ctx: &mut Ctx<'_>) {
        let Item::Object {
            slug,
            value,
            unknown,
        } = self
        else {
            ctx.error(path, Code::Type, Message::new(NOT_ITEM));
            return;
        };
        let slug_path = path.key("slug");
        let slug = match slug {
            Some(Some(slug)) => {
                check_str(&SLUG, &slug, &slug_path, ctx);
                if !seen.insert(slug.clone(), ()) {
                    ctx.error(&slug_path, Code::Duplicate, Message::new(REPEATED_SLUG));
                }
                Some(slug)
            }
            Some(None) => {
                ctx.error(&slug_path, Code::Type, Message::new(NOT_STRING));
                None
            }
            None => {
                ctx.error(&slug_path, Code::Required, Message::new(REQUIRED));
                None
            }
        };
        let value_path = path.key("value");
        match value {
            Some(value) => check_value(slug.as_deref(), &value, &value_path, ctx),
            None => ctx.error(&value_path, Code::Required, Message::new(REQUIRED)),
        }
        for (key, ()) in unknown.entries() {
            ctx.warn(
                &path.key(key),
                Code::UnknownField,
                Message::new(UNKNOWN_FIELD),
            );
        }
    }
}

/// Reads a `slug` member: the string, or `None` for another type.
fn read_slug<'a, S: Source<'a>>(source: &mut S) -> Result<Option<Cow<'a, str>>, Stop> {
    Ok(match source.value()? {
        Token::String(s) => Some(s),
        Token::Array => {
            source.skip_open(false)?;
            None
        }
        Token::Object => {
            source.skip_open(true)?;
            None
        }
        _ => None,
    })
}
