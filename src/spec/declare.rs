//! The declaration of an object's members: one line per member gives its Rust field and type,
//! its wire name, label, rules and docs, and (as method calls on its [`Member`](super::Member))
//! how it crosses to the canonical contact and its form hints. From it [`object!`] makes the
//! object's rule table (a `static` [`ObjectRules`](super::ObjectRules), read by the validator,
//! the schema writer, the form renderer and the conversion engine) and its typed payload struct
//! (`Serialize`/`Deserialize` with the wire names), so a member is renamed, or a limit changed,
//! in one line.
//!
//! A declarative macro rather than a build step: the declarations stay ordinary Rust next to the
//! functions they name (type-checked, go-to-definition works), nothing is generated on disk, and
//! `cargo build` needs no code generator. What a macro cannot do is derive a Rust field name from
//! a wire name (`firstName` → `first_name`), so each line states both; a test keeps every
//! struct's members and its table's members equal (they come from the same line).

/// Declares an object: its rule table `$RULES` and its payload struct `$Name`.
///
/// ```text
/// object! {
///     /// Struct docs.
///     pub struct Name: RULES {
///         title: "…", description: "…",
///         extra: Extra::Warn => /// docs of the map of other members
///             other,
///         any_of_required: &[], check: None, others: Crossing::None,
///     }
///     field: Type = "wireName", "Label", rules, "Docs", .maps(&…), .required();
/// }
/// ```
macro_rules! object {
    (
        $(#[doc = $sdoc:literal])*
        $vis:vis struct $Name:ident: $RULES:ident {
            title: $title:expr,
            description: $description:expr,
            extra: $extra:expr => $(#[doc = $odoc:literal])* $other:ident,
            any_of_required: $any:expr,
            check: $check:expr,
            others: $others:expr $(,)?
        }
        $(
            $field:ident: $ty:ty = $wire:literal, $label:literal, $rules:expr, $doc:literal
                $(, .$method:ident($($arg:expr),*))* ;
        )*
    ) => {
        $(#[doc = $sdoc])*
        #[derive(Debug, Clone, Default, PartialEq)]
        $vis struct $Name {
            $(
                #[doc = concat!("`", $wire, "`: ", $label, ".")]
                #[doc = ""]
                #[doc = $doc]
                pub $field: $ty,
            )*
            $(#[doc = $odoc])*
            pub $other: serde_json::Map<String, serde_json::Value>,
        }

        pub(crate) static $RULES: $crate::spec::ObjectRules = $crate::spec::ObjectRules {
            title: $title,
            description: $description,
            members: &[
                $(
                    $crate::spec::Member::new($wire, $label, $rules)
                        .doc($doc)
                        $(.$method($($arg),*))*
                ),*
            ],
            extra: $extra,
            any_of_required: $any,
            check: $check,
            // Kept only with the feature `convert` (see `Member::maps`).
            others: if cfg!(feature = "convert") {
                &$others
            } else {
                &$crate::engine::crossing::Crossing::None
            },
        };

        impl $crate::payload::Wire for $Name {
            fn from_json(
                value: serde_json::Value,
                at: &$crate::pointer::Path<'_>,
            ) -> Result<Self, $crate::payload::PayloadError> {
                let mut map = $crate::payload::object(value, at)?;
                Ok(Self {
                    $($field: $crate::payload::member(&mut map, $wire, at)?,)*
                    $other: map,
                })
            }

            fn to_json(&self) -> Option<serde_json::Value> {
                let mut map = serde_json::Map::new();
                $($crate::payload::put(&mut map, $wire, &self.$field);)*
                $crate::payload::put_other(&mut map, &self.$other);
                Some(serde_json::Value::Object(map))
            }
        }
    };
}
pub(crate) use object;
