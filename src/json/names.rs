//! [`NameMap`]: member names in the order first seen, each with a value.

use std::borrow::Cow;
use std::hash::BuildHasher;

/// The hash table's hasher: std's randomly keyed SipHash natively. On wasm32-unknown-unknown std
/// has no source of randomness and keys SipHash with constants, so there it is a fixed hasher
/// anyway; FNV-1a does that job in a fraction of the code (the npm forms module links no
/// SipHash).
#[cfg(not(target_arch = "wasm32"))]
type Keys = std::collections::hash_map::RandomState;
#[cfg(target_arch = "wasm32")]
type Keys = std::hash::BuildHasherDefault<Fnv>;

/// FNV-1a (64 bits), the hasher of [`Keys`] in WebAssembly.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

#[cfg(target_arch = "wasm32")]
impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

#[cfg(target_arch = "wasm32")]
impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Names in the order first seen, each once, with a value: searched in order while few, through
/// a hash index once many (a hostile record may hold hundreds of thousands of members).
#[derive(Debug)]
pub(crate) struct NameMap<'a, V> {
    entries: Vec<(Cow<'a, str>, V)>,
    index: Option<Index>,
}

impl<V> Default for NameMap<'_, V> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            index: None,
        }
    }
}

impl<'a, V> NameMap<'a, V> {
    /// Up to this many names are searched in order.
    const FEW: usize = 16;

    /// The position of `name`, if present.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.probe(&self.entries, name).1,
            None => self.entries.iter().position(|(n, _)| n == name),
        }
    }

    /// Adds `name` with `value`, or, when `name` is present, replaces its value and keeps its
    /// place (as a `serde_json::Map` with `preserve_order` does). Returns whether the name is
    /// new.
    pub(crate) fn insert(&mut self, name: Cow<'a, str>, value: V) -> bool {
        if let Some(slot) = self.find(&name).and_then(|i| self.entries.get_mut(i)) {
            slot.1 = value;
            return false;
        }
        self.entries.push((name, value));
        match &mut self.index {
            Some(index) => index.pushed(&self.entries),
            None if self.entries.len() > Self::FEW => {
                let mut index = Index {
                    slots: Vec::new(),
                    keys: Keys::default(),
                };
                index.fill(&self.entries);
                self.index = Some(index);
            }
            None => {}
        }
        true
    }

    /// The value of `name`, if present.
    pub(crate) fn get(&self, name: &str) -> Option<&V> {
        self.find(name)
            .and_then(|i| self.entries.get(i))
            .map(|(_, v)| v)
    }

    /// The value of `name`, added with `make` when absent (the first value counts, as with a
    /// `HashMap` entry's `or_insert_with`). Never `None`: an `Option` rather than an index into
    /// the entries, whose bounds check would link core::fmt's integer formatting into the
    /// WebAssembly modules.
    pub(crate) fn get_or_insert_with(
        &mut self,
        name: Cow<'a, str>,
        make: impl FnOnce() -> V,
    ) -> Option<&mut V> {
        let at = match self.find(&name) {
            Some(at) => at,
            None => {
                self.insert(name, make());
                self.entries.len() - 1
            }
        };
        // `at` is a position of `entries` (found, or the entry just pushed).
        self.entries.get_mut(at).map(|(_, value)| value)
    }

    /// The names and values, in the order the names were first seen.
    pub(crate) fn entries_mut(&mut self) -> &mut [(Cow<'a, str>, V)] {
        &mut self.entries
    }

    /// The names and values, in the order the names were first seen.
    pub(crate) fn entries(&self) -> &[(Cow<'a, str>, V)] {
        &self.entries
    }

    /// The names and values, in the order the names were first seen.
    pub(crate) fn into_entries(self) -> Vec<(Cow<'a, str>, V)> {
        self.entries
    }
}

/// The members of a JSON object being read whole ([`super::parse`], the validator's values read
/// whole): a [`NameMap`] of the values natively and in the Node module (feature `speed`).
#[cfg(any(feature = "speed", not(target_arch = "wasm32")))]
pub(crate) type ObjectMembers<'a, V> = NameMap<'a, V>;

/// [`ObjectMembers`] in the forms WebAssembly module: the names in a `NameMap<()>` (the
/// validator's own instance) beside the list of members, so that the module links no second
/// instance of the map and its index.
#[cfg(all(not(feature = "speed"), target_arch = "wasm32"))]
pub(crate) struct ObjectMembers<'a, V> {
    names: NameMap<'a, ()>,
    entries: Vec<(Cow<'a, str>, V)>,
}

#[cfg(all(not(feature = "speed"), target_arch = "wasm32"))]
impl<V> Default for ObjectMembers<'_, V> {
    fn default() -> Self {
        Self {
            names: NameMap::default(),
            entries: Vec::new(),
        }
    }
}

#[cfg(all(not(feature = "speed"), target_arch = "wasm32"))]
impl<'a, V> ObjectMembers<'a, V> {
    /// As [`NameMap::find`].
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        self.names.find(name)
    }

    /// As [`NameMap::insert`] (the names and the list stay in the same order).
    pub(crate) fn insert(&mut self, name: Cow<'a, str>, value: V) -> bool {
        if let Some(slot) = self.find(&name).and_then(|i| self.entries.get_mut(i)) {
            slot.1 = value;
            return false;
        }
        self.names.insert(name.clone(), ());
        self.entries.push((name, value));
        true
    }

    /// As [`NameMap::into_entries`].
    pub(crate) fn into_entries(self) -> Vec<(Cow<'a, str>, V)> {
        self.entries
    }
}

/// The hash index of a [`NameMap`]: open addressing with linear probing over the positions of
/// its entries (a slot holds a position plus one, 0 when empty), at most half full, so that a
/// probe always ends. Its own few lines instead of a `HashMap` keep hashbrown out of the
/// WebAssembly module; names are never removed, so nothing else is needed.
#[derive(Debug)]
pub(crate) struct Index {
    /// A power of two in length, at least twice the number of entries.
    slots: Vec<usize>,
    keys: Keys,
}

/// The index over entries with any name type (`NameMap`'s `Cow` names, the lookalike JSON
/// value's `String` names in its large objects, `json::lite::Map`).
#[cfg(any(test, contactkit_value = "lite"))]
impl Index {
    /// The index of `entries` (names each once).
    pub(crate) fn of<K: AsRef<str>, V>(entries: &[(K, V)]) -> Self {
        let mut index = Index {
            slots: Vec::new(),
            keys: Keys::default(),
        };
        index.fill(entries);
        index
    }

    /// The position of `name` in `entries` (the entries this index was kept for), if present.
    pub(crate) fn find<K: AsRef<str>, V>(&self, entries: &[(K, V)], name: &str) -> Option<usize> {
        self.probe(entries, name).1
    }
}

impl Index {
    /// Records the last entry of `entries`, just pushed (its name new), growing the table when
    /// it would be more than half full (as [`NameMap::insert`]).
    pub(crate) fn pushed<K: AsRef<str>, V>(&mut self, entries: &[(K, V)]) {
        if self.slots.len() >= 2 * entries.len() {
            self.put(entries, entries.len().wrapping_sub(1));
        } else {
            self.fill(entries);
        }
    }

    /// The slot of `name` and its position when present; otherwise the empty slot where it
    /// goes.
    fn probe<K: AsRef<str>, V>(&self, entries: &[(K, V)], name: &str) -> (usize, Option<usize>) {
        let mask = self.slots.len().wrapping_sub(1);
        // Truncating the hash on 32-bit targets is intended: only its low bits are used.
        #[allow(clippy::cast_possible_truncation)]
        let mut at = self.keys.hash_one(name) as usize & mask;
        loop {
            match self.slots.get(at).copied().unwrap_or(0) {
                0 => return (at, None),
                taken => {
                    if entries
                        .get(taken - 1)
                        .is_some_and(|(n, _)| n.as_ref() == name)
                    {
                        return (at, Some(taken - 1));
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Records the entry at `position` (its name not yet in the index).
    fn put<K: AsRef<str>, V>(&mut self, entries: &[(K, V)], position: usize) {
        if let Some((name, _)) = entries.get(position) {
            let (at, _) = self.probe(entries, name.as_ref());
            if let Some(slot) = self.slots.get_mut(at) {
                *slot = position + 1;
            }
        }
    }

    /// Indexes every entry again, in a table sized for twice as many.
    fn fill<K: AsRef<str>, V>(&mut self, entries: &[(K, V)]) {
        self.slots.clear();
        self.slots
            .resize((4 * entries.len()).next_power_of_two(), 0);
        for position in 0..entries.len() {
            self.put(entries, position);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::NameMap;

    /// Against a list searched in order: the same positions, order and replaced values, well
    /// past the point where the index takes over and through its growth.
    #[test]
    fn the_index_finds_what_a_search_in_order_finds() {
        let mut map = NameMap::default();
        let mut model: Vec<(String, usize)> = Vec::new();
        for step in 0..5000usize {
            // Every third name repeats an earlier one.
            let name = if step % 3 == 2 {
                format!("m{}", step / 7)
            } else {
                format!("m{step}")
            };
            let new = map.insert(Cow::Owned(name.clone()), step);
            match model.iter_mut().find(|(n, _)| *n == name) {
                Some(entry) => {
                    assert!(!new, "{name}");
                    entry.1 = step;
                }
                None => {
                    assert!(new, "{name}");
                    model.push((name, step));
                }
            }
            if step % 97 == 0 {
                for (i, (n, _)) in model.iter().enumerate() {
                    assert_eq!(map.find(n), Some(i));
                }
                assert_eq!(map.find("absent"), None);
                assert_eq!(map.find(""), None);
            }
        }
        let entries: Vec<(String, usize)> = map
            .into_entries()
            .into_iter()
            .map(|(n, v)| (n.into_owned(), v))
            .collect();
        assert_eq!(entries, model);
    }
}
