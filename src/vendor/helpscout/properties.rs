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
use crate::json::{Integer, Json, NameMap, Number, Source, Stop, Token};
use crate::pointer::Path;
use crate::spec::message::{Message, Part, Part::Text};
use crate::spec::validate::{
    check_str, read, read_json, repeated_member, skip, skip_rest, Ctx, REQUIRED, UNKNOWN_FIELD,
};
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
    match read(source, path, ctx)? {
        Token::Null if nullable => {}
        Token::Null | Token::Bool(_) | Token::Number(_) | Token::Beyond | Token::String(_) => {
            ctx.error(path, Code::Type, Message::new(NOT_PROPERTIES));
        }
        // The documented shape: a list of `{slug, value}` objects.
        Token::Array => {
            let mut seen = NameMap::default();
            let mut i = 0;
            let mut first = true;
            while source.next_item(&mut first)? {
                let item_path = path.index(i);
                let item = Item::read(source, whole, &item_path, ctx)?;
                item.check(&item_path, &mut seen, ctx);
                i += 1;
            }
        }
        // An object of `slug: value`. A repeated slug is a `duplicate` error, and every value
        // is checked (a parsed `serde_json::Value` would keep only the last one).
        Token::Object => {
            let mut slugs: NameMap<'a, ()> = NameMap::default();
            let mut entries = Vec::new();
            let mut first = true;
            while let Some(slug) = source.next_key(&mut first)? {
                let member = path.key(&slug);
                if !slugs.insert(slug.clone(), ()) {
                    repeated_member(&member, ctx);
                }
                let value = Prop::read(source, whole, &member, ctx)?;
                entries.push((slug, value));
            }
            for (slug, value) in &entries {
                let member = path.key(slug);
                let before = ctx.issues.len();
                check_str(&SLUG, slug, &member, ctx);
                // Findings about the slug itself concern the member name.
                let slug_ok = ctx.issues.len() == before;
                check_value(slug_ok.then_some(&**slug), value, &member, ctx);
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
    /// Reads a property value, at `path`: whole, or as a summary.
    fn read<S: Source<'a>>(
        source: &mut S,
        whole: bool,
        path: &Path<'_>,
        ctx: &mut Ctx<'_>,
    ) -> Result<Self, Stop> {
        if whole {
            return read_json(source, path, ctx).map(Prop::Whole);
        }
        let token = read(source, path, ctx)?;
        skip_rest(source, &token, path, ctx)?;
        Ok(match token {
            Token::String(s) => Prop::Text(s.chars().count()),
            Token::Number(n) => Prop::Number(n.integer()),
            // Not from `read`, which reads it as 0.
            Token::Beyond => Prop::Number(Number::U64(0).integer()),
            Token::Null | Token::Bool(_) | Token::Array | Token::Object => Prop::Other,
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
        /// Every `slug` member (one, unless the name is repeated): `None` when not a string.
        /// The last one is the item's slug.
        slugs: Each<Option<Cow<'a, str>>>,
        /// Every `value` member (one, unless the name is repeated).
        values: Each<Prop<'a>>,
        /// Other members, in the order first seen.
        unknown: NameMap<'a, ()>,
    },
}

impl<'a> Item<'a> {
    /// Reads one item of the list, at `path`.
    fn read<S: Source<'a>>(
        source: &mut S,
        whole: bool,
        path: &Path<'_>,
        ctx: &mut Ctx<'_>,
    ) -> Result<Self, Stop> {
        let token = read(source, path, ctx)?;
        if !matches!(token, Token::Object) {
            skip_rest(source, &token, path, ctx)?;
            return Ok(Item::NotObject);
        }
        let mut slugs = Each::default();
        let mut values = Each::default();
        let mut unknown = NameMap::default();
        let mut first = true;
        while let Some(key) = source.next_key(&mut first)? {
            let member = path.key(&key);
            let repeated = match &*key {
                "slug" => !slugs.is_empty(),
                "value" => !values.is_empty(),
                _ => !unknown.insert(key.clone(), ()),
            };
            if repeated {
                repeated_member(&member, ctx);
            }
            match &*key {
                "slug" => slugs.push(read_slug(source, &member, ctx)?),
                "value" => values.push(Prop::read(source, whole, &member, ctx)?),
                _ => skip(source, &member, ctx)?,
            }
        }
        Ok(Item::Object {
            slugs,
            values,
            unknown,
        })
    }

    fn check(self, path: &Path<'_>, seen: &mut NameMap<'a, ()>, ctx: &mut Ctx<'_>) {
        let Item::Object {
            slugs,
            values,
            unknown,
        } = self
        else {
            ctx.error(path, Code::Type, Message::new(NOT_ITEM));
            return;
        };
        let slug_path = path.key("slug");
        if slugs.is_empty() {
            ctx.error(&slug_path, Code::Required, Message::new(REQUIRED));
        }
        let last = slugs.len().saturating_sub(1);
        let mut slug = None;
        for (i, one) in slugs.into_iter().enumerate() {
            match one {
                Some(one) => {
                    check_str(&SLUG, &one, &slug_path, ctx);
                    if i == last {
                        if !seen.insert(one.clone(), ()) {
                            ctx.error(&slug_path, Code::Duplicate, Message::new(REPEATED_SLUG));
                        }
                        slug = Some(one);
                    }
                }
                None => ctx.error(&slug_path, Code::Type, Message::new(NOT_STRING)),
            }
        }
        let value_path = path.key("value");
        if values.is_empty() {
            ctx.error(&value_path, Code::Required, Message::new(REQUIRED));
        }
        for value in values {
            check_value(slug.as_deref(), &value, &value_path, ctx);
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

/// The values of one member name of an item, in input order: one, unless the name is
/// repeated, and then kept without allocating.
struct Each<T> {
    first: Option<T>,
    more: Vec<T>,
}

impl<T> Default for Each<T> {
    fn default() -> Self {
        Self {
            first: None,
            more: Vec::new(),
        }
    }
}

impl<T> Each<T> {
    fn push(&mut self, value: T) {
        if self.first.is_none() {
            self.first = Some(value);
        } else {
            self.more.push(value);
        }
    }

    fn is_empty(&self) -> bool {
        self.first.is_none()
    }

    fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.more.len()
    }
}

impl<T> IntoIterator for Each<T> {
    type Item = T;
    type IntoIter = std::iter::Chain<std::option::IntoIter<T>, std::vec::IntoIter<T>>;

    fn into_iter(self) -> Self::IntoIter {
        self.first.into_iter().chain(self.more)
    }
}

/// Reads a `slug` member, at `path`: the string, or `None` for another type.
fn read_slug<'a, S: Source<'a>>(
    source: &mut S,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<Option<Cow<'a, str>>, Stop> {
    let token = read(source, path, ctx)?;
    if let Token::String(s) = token {
        return Ok(Some(s));
    }
    skip_rest(source, &token, path, ctx)?;
    Ok(None)
}
