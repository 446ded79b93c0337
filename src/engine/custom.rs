//! Custom attributes into a target: which keys and values it accepts, and key normalisation.

use std::borrow::Cow;

use crate::value::{Map, Value};

use super::export::Exporter;
use super::provenance::ContactPath;
use crate::engine::concat;
use crate::json::NameMap;
use crate::note::NoteCode;
use crate::pointer::join;

/// A target's rules for custom attribute keys and values.
#[derive(Debug)]
pub(crate) struct CustomRules {
    /// Maximum key length in characters.
    pub(crate) max: usize,
    /// Characters a key may contain.
    pub(crate) allowed: fn(char) -> bool,
    /// Whether the target reserves a key or uses it for a documented field.
    pub(crate) reserved: fn(&str) -> bool,
    /// The key rule, for messages.
    pub(crate) key_rule: &'static str,
    /// Values the target accepts.
    pub(crate) value_ok: fn(&Value) -> bool,
    /// The value rule, for messages.
    pub(crate) value_rule: &'static str,
}

/// A custom attribute that can go to the target.
#[derive(Debug)]
pub(crate) struct CustomOut<'c> {
    /// The target key (`Cow::Owned` when normalised).
    pub(crate) key: Cow<'c, str>,
    /// The canonical key.
    pub(crate) canonical_key: &'c str,
    /// The value.
    pub(crate) value: &'c Value,
}

impl CustomOut<'_> {
    /// Whether the key was normalised.
    pub(crate) fn normalized(&self) -> bool {
        matches!(self.key, Cow::Owned(_))
    }

    /// The attribute's canonical location.
    pub(crate) fn loc(&self) -> ContactPath<'_> {
        ContactPath::Custom(self.canonical_key)
    }

    /// Inserts the attribute into `map`, the target's object at the pointer `base`: a
    /// normalised key is noted `normalized` with `note`, and the origin is recorded (lenient
    /// mode).
    pub(crate) fn insert_into(self, ex: &mut Exporter<'_>, base: &str, map: &mut Map, note: &str) {
        if self.normalized() || ex.tracking() {
            let target = join(base, &self.key);
            if self.normalized() {
                ex.note(target.clone(), NoteCode::Normalized, note);
            }
            ex.origin(|| target.into(), self.loc());
        }
        map.insert(self.key.into_owned(), self.value.clone());
    }
}

/// The custom attributes that can go to the target under `rules`, in canonical order: by
/// default only under an equal, valid key; with `normalize_custom_keys` under the key normalised
/// to the rules (each character the target does not allow becomes `-`, then the key is cut to
/// the maximum length). Every other attribute is dropped with a note.
pub(crate) fn custom_attributes<'c>(
    ex: &mut Exporter<'c>,
    rules: &CustomRules,
) -> Vec<CustomOut<'c>> {
    let c = ex.contact;
    let name = ex.target.name();
    let mut out: Vec<CustomOut<'c>> = Vec::with_capacity(c.custom_attributes.len());
    // The target keys so far, kept once a key is normalised: only a normalised key can equal
    // another (the canonical keys are distinct).
    let mut taken: Option<NameMap<'c, ()>> = None;
    for (key, value) in &c.custom_attributes {
        let pointer = || ContactPath::Custom(key);
        if !(rules.value_ok)(value) {
            ex.dropped(
                pointer(),
                concat(&[
                    name,
                    " accepts only ",
                    rules.value_rule,
                    " as custom values",
                ]),
            );
            continue;
        }
        let valid = !key.is_empty()
            && crate::spec::char_count(key) <= rules.max
            && key.chars().all(rules.allowed);
        let target: Cow<'c, str> = if valid {
            Cow::Borrowed(key.as_str())
        } else if ex.options.normalize_custom_keys {
            let mut normalized = String::with_capacity(key.len());
            for ch in key.chars().take(rules.max) {
                normalized.push(if (rules.allowed)(ch) { ch } else { '-' });
            }
            if normalized.is_empty() {
                ex.dropped(
                    pointer(),
                    concat(&["has an empty key, which ", name, " does not accept"]),
                );
                continue;
            }
            Cow::Owned(normalized)
        } else {
            ex.dropped(
                pointer(),
                concat(&[
                    "has a key that is not a valid ",
                    name,
                    " custom attribute key (",
                    rules.key_rule,
                    "); set normalize_custom_keys to carry it under a normalised key",
                ]),
            );
            continue;
        };
        if (rules.reserved)(&target) {
            ex.dropped(
                pointer(),
                concat(&["has a key that ", name, " reserves for a documented field"]),
            );
            continue;
        }
        if matches!(target, Cow::Owned(_)) && taken.is_none() {
            let mut keys = NameMap::default();
            for o in &out {
                keys.insert(o.key.clone(), ());
            }
            taken = Some(keys);
        }
        if let Some(taken) = &mut taken {
            if !taken.insert(target.clone(), ()) {
                ex.dropped(
                    pointer(),
                    "has a key that, normalised, equals an earlier custom attribute's key; the earlier one was kept",
                );
                continue;
            }
        }
        out.push(CustomOut {
            key: target,
            canonical_key: key,
            value,
        });
    }
    out
}
