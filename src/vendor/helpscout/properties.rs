//! Help Scout `properties`, checked during the validator's one walk over the record.
//!
//! `properties` is a list of `{slug, value}` objects (or an object of `slug: value`) whose
//! checks need more than one member at a time (a slug's definition decides how its value is
//! checked, slugs must be unique), so each item is collected first and checked when it ends.
//! No `serde_json::Value` is built unless property definitions were given (they check a value
//! as a whole): a value is otherwise summarised as a [`Prop`] while it is read, so a record
//! without findings allocates at most the list of slugs seen.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::spec::SLUG;
use crate::definitions::{as_integer, Definitions, Integer};
use crate::pointer::Path;
use crate::spec::validate::{check_str, repeated_member, Checked, Ctx, KeySeed, Names, ValueSeed};
use crate::Code;

/// Walks `properties` (`null` is accepted when `nullable`), recording findings in `ctx`.
pub(crate) fn walk<'de, D: Deserializer<'de>>(
    deserializer: D,
    nullable: bool,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<(), D::Error> {
    let whole = ctx
        .settings
        .definitions
        .is_some_and(Definitions::has_helpscout);
    deserializer.deserialize_any(Properties {
        nullable,
        whole,
        path,
        ctx,
    })
}

/// What the checks need to know about a property value.
#[derive(Debug)]
enum Prop {
    /// The value itself, kept when definitions were given.
    Whole(Value),
    /// A string of this many characters.
    Text(usize),
    /// A number: the integer it holds, `None` when it has a fractional part.
    Number(Option<Integer>),
    /// `null`, a boolean, an array or an object.
    Other,
}

impl Prop {
    fn of(value: &Value) -> Prop {
        match value {
            Value::String(s) => Prop::Text(s.chars().count()),
            Value::Number(_) => Prop::Number(as_integer(value)),
            _ => Prop::Other,
        }
    }
}

/// Checks one property value: against its definition when the caller gave one, otherwise
/// against what every property type accepts.
fn check_value(slug: Option<&str>, prop: &Prop, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    let value = match prop {
        Prop::Whole(value) => value,
        plain => return check_plain(plain, path, ctx),
    };
    if let (Some(slug), Some(defs)) = (slug, ctx.settings.definitions) {
        if defs.has_helpscout() {
            match defs.helpscout_property(slug) {
                Some(def) => def.check(value, path, ctx),
                None => ctx.warn(
                    path,
                    Code::UnknownField,
                    "has no property definition in the given definitions; Help Scout requires properties to be defined first".to_owned(),
                ),
            }
            return;
        }
    }
    check_plain(&Prop::of(value), path, ctx);
}

/// The checks without a definition.
fn check_plain(prop: &Prop, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    match prop {
        Prop::Whole(value) => check_plain(&Prop::of(value), path, ctx),
        Prop::Text(n) => {
            if *n > 255 {
                ctx.warn(
                    path,
                    Code::TooLong,
                    format!("is {n} characters long; text properties hold at most 255 (a warning: without the property definitions its type is not known)"),
                );
            }
        }
        Prop::Number(Some(Integer::InRange(_))) => {}
        Prop::Number(Some(Integer::OutOfRange)) => ctx.error(
            path,
            Code::OutOfRange,
            format!("must be an integer from {} to {}", i64::MIN, i64::MAX),
        ),
        Prop::Number(None) => ctx.error(
            path,
            Code::Type,
            "must be a string or an integer (number properties are integers)".to_owned(),
        ),
        Prop::Other => ctx.error(
            path,
            Code::Type,
            "must be a string or an integer".to_owned(),
        ),
    }
}

/// The `properties` value.
struct Properties<'p, 'c, 'o> {
    nullable: bool,
    /// Keep values whole for their definitions.
    whole: bool,
    path: &'p Path<'p>,
    ctx: &'c mut Ctx<'o>,
}

impl Properties<'_, '_, '_> {
    fn wrong_type(self) {
        self.ctx.error(
            self.path,
            Code::Type,
            "must be an array of {slug, value} objects (or an object of slug: value)".to_owned(),
        );
    }
}

impl<'de> Visitor<'de> for Properties<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.wrong_type();
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.wrong_type();
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.wrong_type();
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.wrong_type();
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        self.wrong_type();
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        if !self.nullable {
            self.wrong_type();
        }
        Ok(())
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    /// The documented shape: a list of `{slug, value}` objects.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut seen = Names::default();
        let mut i = 0;
        loop {
            let path = self.path.index(i);
            let seed = ItemSeed {
                whole: self.whole,
                path: &path,
                ctx: &mut *self.ctx,
            };
            let Some(item) = seq.next_element_seed(seed)? else {
                return Ok(());
            };
            item.check(&path, &mut seen, self.ctx);
            i += 1;
        }
    }

    /// An object of `slug: value`. A repeated slug is a `duplicate` error, and every value is
    /// checked (a parsed `serde_json::Value` would keep only the last one).
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut slugs = Names::default();
        let mut entries: Vec<(Cow<'de, str>, Prop)> = Vec::new();
        while let Some(slug) = map.next_key_seed(KeySeed)? {
            let member = self.path.key(&slug);
            if !slugs.insert(slug.clone()) {
                repeated_member(&member, self.ctx);
            }
            let value = map.next_value_seed(PropSeed {
                whole: self.whole,
                path: &member,
                ctx: &mut *self.ctx,
            })?;
            entries.push((slug, value));
        }
        for (slug, value) in &entries {
            let member = self.path.key(slug);
            let before = self.ctx.issues.len();
            check_str(&SLUG, slug, &member, self.ctx);
            // Findings about the slug itself concern the member name.
            let slug_ok = self.ctx.issues.len() == before;
            check_value(slug_ok.then_some(slug), value, &member, self.ctx);
        }
        Ok(())
    }
}

/// One item of the list, collected so that its members can be checked in a fixed order
/// whatever their order in the input.
enum Item<'de> {
    /// Not an object.
    NotObject,
    Object {
        /// Every `slug` member (one, unless the name is repeated): `None` when not a string.
        /// The last one is the item's slug.
        slugs: Vec<Option<Cow<'de, str>>>,
        /// Every `value` member (one, unless the name is repeated).
        values: Vec<Prop>,
        /// Other members, in the order first seen.
        unknown: Names<'de>,
    },
}

impl<'de> Item<'de> {
    fn check(self, path: &Path<'_>, seen: &mut Names<'de>, ctx: &mut Ctx<'_>) {
        let Item::Object {
            slugs,
            values,
            unknown,
        } = self
        else {
            ctx.error(
                path,
                Code::Type,
                "must be an object with slug and value".to_owned(),
            );
            return;
        };
        let slug_path = path.key("slug");
        if slugs.is_empty() {
            ctx.error(&slug_path, Code::Required, "is required".to_owned());
        }
        let last = slugs.len().saturating_sub(1);
        let mut slug = None;
        for (i, one) in slugs.into_iter().enumerate() {
            match one {
                Some(one) => {
                    check_str(&SLUG, &one, &slug_path, ctx);
                    if i == last {
                        if seen.find(&one).is_some() {
                            ctx.error(
                                &slug_path,
                                Code::Duplicate,
                                "repeats an earlier property slug".to_owned(),
                            );
                        } else {
                            seen.add(one.clone());
                        }
                        slug = Some(one);
                    }
                }
                None => ctx.error(&slug_path, Code::Type, "must be a string".to_owned()),
            }
        }
        let value_path = path.key("value");
        if values.is_empty() {
            ctx.error(&value_path, Code::Required, "is required".to_owned());
        }
        for value in &values {
            check_value(slug.as_deref(), value, &value_path, ctx);
        }
        for key in &unknown.list {
            ctx.warn(
                &path.key(key),
                Code::UnknownField,
                "is not a documented field; the vendor may ignore or reject it".to_owned(),
            );
        }
    }
}

/// Reads one item of the list.
struct ItemSeed<'p, 'c, 'o> {
    whole: bool,
    path: &'p Path<'p>,
    ctx: &'c mut Ctx<'o>,
}

impl<'de> DeserializeSeed<'de> for ItemSeed<'_, '_, '_> {
    type Value = Item<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Item<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemSeed<'_, '_, '_> {
    type Value = Item<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Item<'de>, E> {
        Ok(Item::NotObject)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Item<'de>, E> {
        Ok(Item::NotObject)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Item<'de>, E> {
        Ok(Item::NotObject)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Item<'de>, E> {
        Ok(Item::NotObject)
    }

    fn visit_str<E>(self, _: &str) -> Result<Item<'de>, E> {
        Ok(Item::NotObject)
    }

    fn visit_unit<E>(self) -> Result<Item<'de>, E> {
        Ok(Item::NotObject)
    }

    fn visit_none<E>(self) -> Result<Item<'de>, E> {
        Ok(Item::NotObject)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Item<'de>, A::Error> {
        Checked::new(self.path, self.ctx).visit_seq(seq)?;
        Ok(Item::NotObject)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Item<'de>, A::Error> {
        let mut slugs = Vec::new();
        let mut values = Vec::new();
        let mut unknown = Names::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let member = self.path.key(&key);
            let repeated = match &*key {
                "slug" => !slugs.is_empty(),
                "value" => !values.is_empty(),
                _ => !unknown.insert(key.clone()),
            };
            if repeated {
                repeated_member(&member, self.ctx);
            }
            match &*key {
                "slug" => slugs.push(map.next_value_seed(SlugSeed {
                    path: &member,
                    ctx: &mut *self.ctx,
                })?),
                "value" => values.push(map.next_value_seed(PropSeed {
                    whole: self.whole,
                    path: &member,
                    ctx: &mut *self.ctx,
                })?),
                _ => map.next_value_seed(Checked::new(&member, &mut *self.ctx))?,
            }
        }
        Ok(Item::Object {
            slugs,
            values,
            unknown,
        })
    }
}

/// Reads a `slug` member: the string, borrowed when it has no escapes, or `None` for another
/// type.
struct SlugSeed<'p, 'c, 'o> {
    path: &'p Path<'p>,
    ctx: &'c mut Ctx<'o>,
}

impl<'de> DeserializeSeed<'de> for SlugSeed<'_, '_, '_> {
    type Value = Option<Cow<'de, str>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SlugSeed<'_, '_, '_> {
    type Value = Option<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(s)))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Checked::new(self.path, self.ctx).visit_seq(seq)?;
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Checked::new(self.path, self.ctx).visit_map(map)?;
        Ok(None)
    }
}

/// Reads a property value: whole, or as a [`Prop`] summary.
struct PropSeed<'p, 'c, 'o> {
    whole: bool,
    path: &'p Path<'p>,
    ctx: &'c mut Ctx<'o>,
}

impl<'de> DeserializeSeed<'de> for PropSeed<'_, '_, '_> {
    type Value = Prop;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Prop, D::Error> {
        if self.whole {
            ValueSeed::new(self.path, self.ctx)
                .deserialize(deserializer)
                .map(Prop::Whole)
        } else {
            deserializer.deserialize_any(self)
        }
    }
}

impl<'de> Visitor<'de> for PropSeed<'_, '_, '_> {
    type Value = Prop;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, s: &str) -> Result<Prop, E> {
        Ok(Prop::Text(s.chars().count()))
    }

    // Numbers go through `Value` (no allocation) so that they are judged exactly as a parsed
    // value would be.
    fn visit_i64<E>(self, n: i64) -> Result<Prop, E> {
        Ok(Prop::Number(as_integer(&Value::from(n))))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Prop, E> {
        Ok(Prop::Number(as_integer(&Value::from(n))))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Prop, E> {
        // A non-finite number has no JSON form; serde_json makes it `null`.
        Ok(Prop::of(&Value::from(n)))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Prop, E> {
        Ok(Prop::Other)
    }

    fn visit_unit<E>(self) -> Result<Prop, E> {
        Ok(Prop::Other)
    }

    fn visit_none<E>(self) -> Result<Prop, E> {
        Ok(Prop::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Prop, A::Error> {
        Checked::new(self.path, self.ctx).visit_seq(seq)?;
        Ok(Prop::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Prop, A::Error> {
        Checked::new(self.path, self.ctx).visit_map(map)?;
        Ok(Prop::Other)
    }
}
