//! [`NameMap`]: member names in the order first seen, each with a value.

use std::borrow::Cow;
use std::collections::HashMap;

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
/// a hash map once many (a hostile record may hold hundreds of thousands of members).
#[derive(Debug)]
pub(crate) struct NameMap<'a, V> {
    entries: Vec<(Cow<'a, str>, V)>,
    index: Option<HashMap<Cow<'a, str>, usize, Keys>>,
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
            Some(index) => index.get(name).copied(),
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
        let i = self.entries.len();
        if let Some(index) = &mut self.index {
            index.insert(name.clone(), i);
        } else if i >= Self::FEW {
            let mut index: HashMap<_, _, Keys> = self
                .entries
                .iter()
                .map(|(n, _)| n.clone())
                .zip(0..)
                .collect();
            index.insert(name.clone(), i);
            self.index = Some(index);
        }
        self.entries.push((name, value));
        true
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
