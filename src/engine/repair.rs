//! Lenient mode: repairs a target payload from its findings, generically.

use std::borrow::Cow;

use crate::value::Value;

use crate::engine::{concat, with_number};
use crate::json::write::push_usize;
use crate::json::NameMap;
use crate::note::NoteCode;
use crate::outcome::{Rejection, Stage};
use crate::pointer::{ancestors_or_self, push_token, value_at, value_at_mut, Pointer};
use crate::spec::validate::validate_converted;
use crate::spec::{Presence, ValueRules};
use crate::{Code, Format, Report, ValidateOptions};

/// At most this many validate-and-repair passes (each pass fixes every finding it can; a
/// payload needs two or three).
const MAX_PASSES: usize = 16;

/// Lenient mode: repairs a payload from its target findings, generically. A `too_long` string
/// is cut to the table's maximum (note `truncated`); a `too_many_items` array keeps its first
/// items; any other error removes the smallest optional value that contains it (an optional
/// member, an array item, a custom attribute; note `dropped` with the source path). What
/// cannot be removed (a required member, the whole record) is left, and the record is rejected.
pub(super) struct Repair<'n> {
    pub(super) format: Format,
    /// Target location → source pointer of what the exporter wrote there.
    pub(super) origins: Vec<(Cow<'static, str>, String)>,
    pub(super) notes: &'n mut Vec<crate::Note>,
}

/// What the rule table says about one location of a payload.
#[derive(Debug, Clone, Copy, Default)]
struct Step {
    /// An optional member, an array item or a custom attribute: it may be left out.
    removable: bool,
    /// The maximum length of a string there.
    max_len: Option<u32>,
    /// A string there has a format (an email address, a URL): cutting it would make it another
    /// address, so a too-long one is removed rather than truncated.
    formatted: bool,
    /// The maximum number of items of an array there.
    max_items: Option<u32>,
}

impl Repair<'_> {
    pub(super) fn run(
        &mut self,
        payload: &mut Value,
        mut report: Report,
        options: &ValidateOptions,
    ) -> Result<(), Rejection> {
        for _ in 0..MAX_PASSES {
            if report.is_valid() {
                return Ok(());
            }
            if !self.pass(payload, &report) {
                break;
            }
            report = validate_converted(self.format.spec(), payload, options);
        }
        if report.is_valid() {
            return Ok(());
        }
        Err(Rejection {
            stage: Stage::Target,
            issues: report.issues,
        })
    }

    /// One pass over the errors; whether anything changed. Surplus array items are removed
    /// only in a pass that has nothing else to fix, so that invalid items go first.
    fn pass(&mut self, payload: &mut Value, report: &Report) -> bool {
        let mut changed = false;
        let mut removals: Vec<(Vec<String>, Code)> = Vec::new();
        let mut surplus: Vec<(Vec<String>, Code)> = Vec::new();
        for issue in report.errors() {
            let segments = segments(&issue.path);
            let steps = locate(self.format, &segments);
            let here = steps.last().copied().unwrap_or_default();
            match (issue.code, here.max_len, here.max_items) {
                (Code::TooLong, Some(max), _) if !here.formatted => {
                    changed |= self.truncate(payload, &issue.path, max);
                    continue;
                }
                (Code::TooManyItems, _, Some(max)) => {
                    let len = value_at(payload, &issue.path)
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len);
                    for i in (max as usize)..len {
                        let mut item = segments.clone();
                        let mut index = String::new();
                        push_usize(&mut index, i);
                        item.push(index);
                        surplus.push((item, issue.code));
                    }
                    continue;
                }
                _ => {}
            }
            if let Some(k) = (1..=steps.len())
                .rev()
                .find(|&k| steps.get(k - 1).is_some_and(|s| s.removable))
            {
                removals.push((segments.get(..k).unwrap_or_default().to_vec(), issue.code));
            }
        }
        if !changed && removals.is_empty() {
            removals = surplus;
        }
        // Remove each unit once (the first found), not inside another removed unit, later
        // array items first.
        // (Positions of `removals`, read with `get`: an index's bounds check would link
        // core::fmt's integer formatting into the WebAssembly module.)
        let order = sorted(
            removals.len(),
            &mut |a, b| match (removals.get(b), removals.get(a)) {
                (Some(b), Some(a)) => compare_segments(&b.0, &a.0),
                _ => std::cmp::Ordering::Equal,
            },
        );
        let mut unique: Vec<&(Vec<String>, Code)> = Vec::with_capacity(order.len());
        for removal in order.into_iter().filter_map(|i| removals.get(i)) {
            if unique.last().is_none_or(|last| last.0 != removal.0) {
                unique.push(removal);
            }
        }
        // Every step below is near-linear: a record may hold hundreds of thousands of values
        // that the target refuses.
        // The units by their pointers (one text per token list: escaping is injective).
        let mut all: NameMap<'_, ()> = NameMap::default();
        for (unit, _) in &unique {
            all.insert(Cow::Owned(pointer(unit)), ());
        }
        let mut units: Vec<&(Vec<String>, Code)> = Vec::with_capacity(unique.len());
        'units: for entry in unique {
            // The pointers of the unit's proper ancestors, one token longer each.
            let mut prefix = String::new();
            for token in entry.0.iter().take(entry.0.len().saturating_sub(1)) {
                push_token(&mut prefix, token);
                if all.find(&prefix).is_some() {
                    continue 'units;
                }
            }
            units.push(entry);
        }
        // Within a pass the units are disjoint and come later items first, so the notes can be
        // made from the origins as they were before the pass, and the origins updated once.
        let index = OriginIndex::new(&self.origins);
        let mut removed: Vec<Removed> = Vec::new();
        for (unit, code) in units {
            if let Some(r) = self.note_removal(payload, unit, *code, &index) {
                removed.push(r);
                changed = true;
            }
        }
        remove_all(payload, &removed);
        self.forget(&removed);
        changed
    }

    fn truncate(&mut self, payload: &mut Value, path: &str, max: u32) -> bool {
        let Some(Value::String(s)) = value_at_mut(payload, path) else {
            return false;
        };
        let Some((cut, _)) = s.char_indices().nth(max as usize) else {
            return false;
        };
        s.truncate(cut);
        self.notes.push(crate::Note {
            path: path.to_owned(),
            code: NoteCode::Truncated,
            message: with_number(
                &["cut to "],
                max as usize,
                &[
                    " characters, the most ",
                    self.format.name(),
                    " accepts here",
                ],
            ),
        });
        true
    }

    /// Notes the removal of the value at `unit`, if there is one; what is to be removed, for
    /// [`remove_all`] and [`Self::forget`].
    fn note_removal(
        &mut self,
        payload: &Value,
        unit: &[String],
        code: Code,
        index: &OriginIndex,
    ) -> Option<Removed> {
        let (last, parent) = unit.split_last()?;
        let parent_path = pointer(parent);
        let path = pointer(unit);
        let (value, item) = match value_at(payload, &parent_path) {
            Some(Value::Object(map)) => (map.get(last.as_str())?, None),
            Some(Value::Array(items)) => {
                let i = last.parse::<usize>().ok()?;
                (items.get(i)?, Some(i))
            }
            _ => return None,
        };
        let empty = match value {
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            _ => false,
        };
        if !empty {
            self.note_removed(&path, code, index);
        }
        Some(Removed {
            path,
            parent: parent_path,
            depth: parent.len(),
            item,
            key: last.clone(),
        })
    }

    /// `dropped` notes for the value removed at `path`: the source of every value the exporter
    /// wrote at or under it (else of the nearest ancestor).
    fn note_removed(&mut self, path: &str, code: Code, index: &OriginIndex) {
        let mut sources: Vec<&str> = Vec::new();
        for i in index.at_or_under(path) {
            if let Some((_, s)) = self.origins.get(i) {
                sources.push(s);
            }
        }
        if sources.is_empty() {
            let ancestor = index
                .nearest_ancestor(path)
                .and_then(|i| self.origins.get(i));
            if let Some((_, s)) = ancestor {
                sources.push(s);
            }
        }
        sources.dedup();
        let message = concat(&[
            self.format.name(),
            " does not accept this value (",
            code.as_str(),
            " at ",
            path,
            "); lenient mode left it out",
        ]);
        let mut notes: Vec<crate::Note> = Vec::with_capacity(sources.len());
        for source in sources {
            notes.push(crate::Note {
                path: source.to_owned(),
                code: NoteCode::Dropped,
                message: message.clone(),
            });
        }
        if notes.is_empty() {
            notes.push(crate::Note {
                path: path.to_owned(),
                code: NoteCode::Dropped,
                message,
            });
        }
        self.notes.append(&mut notes);
    }

    /// Forgets the origins of the removed values and renumbers the origins of later items of
    /// the arrays they were removed from, in one sweep.
    fn forget(&mut self, removed: &[Removed]) {
        if removed.is_empty() {
            return;
        }
        let mut gone: NameMap<'_, ()> = NameMap::default();
        let mut shifts: NameMap<'_, Vec<usize>> = NameMap::default();
        for r in removed {
            gone.insert(Cow::Borrowed(r.path.as_str()), ());
            if let Some(i) = r.item {
                if let Some(items) =
                    shifts.get_or_insert_with(Cow::Borrowed(r.parent.as_str()), Vec::new)
                {
                    items.push(i);
                }
            }
        }
        for (_, items) in shifts.entries_mut() {
            sort(items, &mut |a, b| a.cmp(&b));
        }
        let gone = |p: &str| gone.find(p).is_some();
        self.origins
            .retain(|(t, _)| !ancestors_or_self(t).any(gone));
        // Notes with target paths (all but `dropped`) follow their values: they go with a
        // removed value (its `dropped` note says what happened) and are renumbered with the
        // items after it.
        self.notes
            .retain(|n| n.code == NoteCode::Dropped || !ancestors_or_self(&n.path).any(gone));
        if shifts.entries().is_empty() {
            return;
        }
        for (t, _) in &mut self.origins {
            if let Some(renumbered) = renumber(t, &shifts) {
                *t = Cow::Owned(renumbered);
            }
        }
        for note in self
            .notes
            .iter_mut()
            .filter(|n| n.code != NoteCode::Dropped)
        {
            if let Some(renumbered) = renumber(&note.path, &shifts) {
                note.path = renumbered;
            }
        }
    }
}

/// A value removed by lenient mode.
#[derive(Debug)]
struct Removed {
    /// Its pointer.
    path: String,
    /// Its parent's pointer.
    parent: String,
    /// The number of reference tokens of its parent's pointer.
    depth: usize,
    /// Its index, when the parent is an array.
    item: Option<usize>,
    /// Its member name, when the parent is an object.
    key: String,
}

/// Removes the values of one pass, each container once (removing items one by one is
/// quadratic: every removal moves the items after it). Deeper containers go first, so that the
/// indices of the others still hold.
fn remove_all(payload: &mut Value, removed: &[Removed]) {
    let mut by_parent: NameMap<'_, (usize, Vec<&Removed>)> = NameMap::default();
    for r in removed {
        if let Some((_, values)) =
            by_parent.get_or_insert_with(Cow::Borrowed(r.parent.as_str()), || (r.depth, Vec::new()))
        {
            values.push(r);
        }
    }
    let parents = by_parent.into_entries();
    // (Positions of `parents`, read with `get`, as in `Repair::pass`.)
    let order = sorted(
        parents.len(),
        &mut |a, b| match (parents.get(a), parents.get(b)) {
            (Some((pa, (da, _))), Some((pb, (db, _)))) => db.cmp(da).then_with(|| pa.cmp(pb)),
            _ => std::cmp::Ordering::Equal,
        },
    );
    for (parent, (_, values)) in order.into_iter().filter_map(|i| parents.get(i)) {
        match value_at_mut(payload, parent) {
            Some(Value::Array(items)) => {
                let mut gone = vec![false; items.len()];
                for i in values.iter().filter_map(|r| r.item) {
                    if let Some(slot) = gone.get_mut(i) {
                        *slot = true;
                    }
                }
                let mut i = 0;
                items.retain(|_| {
                    let keep = !gone.get(i).copied().unwrap_or(false);
                    i += 1;
                    keep
                });
            }
            Some(Value::Object(map)) => {
                let mut gone: NameMap<'_, ()> = NameMap::default();
                for r in values.iter() {
                    gone.insert(Cow::Borrowed(r.key.as_str()), ());
                }
                crate::engine::shared::retain_members(map, &mut |k| gone.find(k).is_none());
            }
            _ => {}
        }
    }
}

/// The origins by target pointer, for the lookups of one repair pass: a list sorted once and
/// searched by halving (no tree map: the lookups need only equal keys and a prefix range).
struct OriginIndex {
    /// Target pointer and position in the origins list, ordered by pointer, then position.
    by_target: Vec<(String, usize)>,
}

impl OriginIndex {
    fn new(origins: &[(Cow<'static, str>, String)]) -> Self {
        // `sort` is stable: the positions of one pointer stay in list order.
        let order = sorted(origins.len(), &mut |a, b| {
            let target = |i: usize| origins.get(i).map(|(t, _)| t.as_ref());
            target(a).cmp(&target(b))
        });
        let mut by_target = Vec::with_capacity(order.len());
        for i in order {
            if let Some((t, _)) = origins.get(i) {
                by_target.push((t.to_string(), i));
            }
        }
        Self { by_target }
    }

    /// The entries whose pointer is `path`, in list order.
    fn at(&self, path: &str) -> &[(String, usize)] {
        let from = self.by_target.partition_point(|(t, _)| t.as_str() < path);
        let to = self.by_target.partition_point(|(t, _)| t.as_str() <= path);
        self.by_target.get(from..to).unwrap_or_default()
    }

    /// Positions of the origins at `path` or below it, in list order.
    fn at_or_under(&self, path: &str) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &(_, i) in self.at(path) {
            out.push(i);
        }
        // Descendants are the pointers that start with `path/`: sorted, they follow one
        // another from the first pointer not less than `path/`.
        let mut below = String::with_capacity(path.len() + 1);
        below.push_str(path);
        below.push('/');
        let from = self.by_target.partition_point(|(t, _)| *t < below);
        for (t, i) in self.by_target.get(from..).unwrap_or_default() {
            if !t.starts_with(below.as_str()) {
                break;
            }
            out.push(*i);
        }
        sort(&mut out, &mut |a, b| a.cmp(&b));
        out
    }

    /// Position of the last origin at the nearest proper ancestor of `path`.
    fn nearest_ancestor(&self, path: &str) -> Option<usize> {
        ancestors_or_self(path)
            .skip(1)
            .find_map(|p| self.at(p).last().map(|&(_, i)| i))
    }
}

/// `target` with each array index lowered by the number of items removed before it from the
/// same array, or `None` when nothing changes.
fn renumber(target: &str, shifts: &NameMap<'_, Vec<usize>>) -> Option<String> {
    let mut out = String::with_capacity(target.len());
    let mut changed = false;
    let mut parent_end = 0;
    // The browsers' full module splits with the core's byte loop (the same pieces): std's
    // `Split` links its slicing panics, and with them core::fmt's integer formatting.
    #[cfg(not(contactkit_value = "lite"))]
    let segments = target.split('/');
    #[cfg(contactkit_value = "lite")]
    let segments = crate::json::split_ascii(target, b'/');
    for segment in segments.skip(1) {
        let parent = target.get(..parent_end).unwrap_or_default();
        parent_end += 1 + segment.len();
        out.push('/');
        let lowered = shifts.get(parent).and_then(|removed| {
            let j = segment.parse::<usize>().ok()?;
            let before = removed.partition_point(|&i| i < j);
            (before > 0).then(|| j - before)
        });
        match lowered {
            Some(j) => {
                changed = true;
                push_usize(&mut out, j);
            }
            None => out.push_str(segment),
        }
    }
    changed.then_some(out)
}

/// The unescaped reference tokens of a finding's path (always a pointer: the validator writes
/// it).
fn segments(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(p) = Pointer::parse(path) {
        for token in p.tokens() {
            out.push(token.into_owned());
        }
    }
    out
}

/// The JSON Pointer of reference tokens.
fn pointer(segments: &[String]) -> String {
    Pointer::from_tokens(segments.iter().map(String::as_str)).into_string()
}

/// Orders pointers by their tokens, comparing array indices as numbers.
/// Sorts `items` with `compare`, stably. Every sort of the conversion goes through this one
/// instance of the standard library's sort (natively and with the feature `speed`): each other
/// element type or comparison would add another (2 to 3 KB of WebAssembly each).
#[cfg(any(feature = "speed", not(target_arch = "wasm32")))]
fn sort(items: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) {
    items.sort_by(|&a, &b| compare(a, b));
}

/// [`sort`] in the browsers' WebAssembly module: [`merge_sort`] (std's sort is 3 KB there).
#[cfg(all(not(feature = "speed"), target_arch = "wasm32"))]
fn sort(items: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) {
    merge_sort(items, compare);
}

/// A stable bottom-up merge sort of `items` by `compare`, in O(n log n) comparisons: runs of
/// width 1, 2, 4, ... merged pairwise through a buffer, the left run first among equals.
#[cfg(any(test, all(not(feature = "speed"), target_arch = "wasm32")))]
fn merge_sort(items: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) {
    let len = items.len();
    let mut buffer = Vec::with_capacity(len);
    let mut width = 1;
    while width < len {
        buffer.clear();
        let mut start = 0;
        while start < len {
            let middle = len.min(start + width);
            let end = len.min(middle + width);
            let (mut i, mut j) = (start, middle);
            while i < middle || j < end {
                let take_left = j >= end
                    || (i < middle
                        && items
                            .get(i)
                            .zip(items.get(j))
                            .is_none_or(|(&a, &b)| compare(a, b) != std::cmp::Ordering::Greater));
                let from = if take_left { &mut i } else { &mut j };
                buffer.extend(items.get(*from).copied());
                *from += 1;
            }
            start = end;
        }
        for (item, &sorted) in items.iter_mut().zip(&buffer) {
            *item = sorted;
        }
        width *= 2;
    }
}

/// The positions `0..len` in the order `compare` gives them ([`sort`]).
fn sorted(len: usize, compare: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    sort(&mut order, compare);
    order
}

fn compare_segments(a: &[String], b: &[String]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        let order = match (x.parse::<usize>(), y.parse::<usize>()) {
            (Ok(i), Ok(j)) => i.cmp(&j),
            _ => x.cmp(y),
        };
        if order.is_ne() {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

/// What the format's rule table says about each location along `segments`. Below a member the
/// table does not describe (a custom attribute's value) nothing is removable on its own: the
/// custom attribute is.
fn locate(format: Format, segments: &[String]) -> Vec<Step> {
    let root = ValueRules::Object(format.spec());
    let mut kind: Option<&ValueRules> = Some(&root);
    let mut steps = Vec::with_capacity(segments.len());
    for segment in segments {
        let (removable, next): (bool, Option<&ValueRules>) = match kind {
            Some(ValueRules::Object(obj)) => match obj.members.iter().find(|f| f.name == segment) {
                Some(field) => (field.required != Presence::Required, Some(&field.kind)),
                None => (true, None),
            },
            Some(ValueRules::Array(array)) => (true, Some(&array.items)),
            Some(ValueRules::Dynamic(_) | ValueRules::Any) => (true, None),
            _ => (false, None),
        };
        let mut step = Step {
            removable,
            ..Step::default()
        };
        match next {
            Some(ValueRules::String(rules)) if rules.max != u32::MAX => {
                step.max_len = Some(rules.max);
                step.formatted = rules.format.is_some();
            }
            Some(ValueRules::Array(array)) if array.max != u32::MAX => {
                step.max_items = Some(array.max)
            }
            _ => {}
        }
        steps.push(step);
        kind = next;
    }
    steps
}

#[cfg(test)]
mod tests {
    /// The browsers' merge sort orders as std's stable sort does, equal keys kept in order.
    #[test]
    fn merge_sort_is_std_stable_sort() {
        proptest::proptest!(|(keys in proptest::collection::vec(0u8..6, 0..70))| {
            let compare = &mut |a: usize, b: usize| keys[a].cmp(&keys[b]);
            let mut ours: Vec<usize> = (0..keys.len()).collect();
            super::merge_sort(&mut ours, compare);
            let mut std_order: Vec<usize> = (0..keys.len()).collect();
            std_order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
            proptest::prop_assert_eq!(ours, std_order);
        });
    }
}
