//! Conversion between formats, always through the canonical contact: the source is validated,
//! imported into [`crate::canonical::Contact`], exported to the target, and the result validated
//! as the target. Every change a user would want to know about is a [`Note`].

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::canonical::mapping::{self, format_name, CField, Table};
use crate::external_id::{self, ExternalIdSource};
use crate::spec::validate::{validate_str, validate_value, Settings};
use crate::spec::{Kind, Req};
use crate::{Code, Format, Issue, Report, ValidateOptions};

/// Options for conversion.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ConvertOptions {
    /// Truncate too-long target strings and drop invalid optional target values (with notes)
    /// instead of rejecting the record. A missing required target value still rejects.
    pub lenient: bool,
    /// Carry custom attributes across with their keys normalised to the target's key rules
    /// (for users who created the fields in the target account). Off: a custom attribute
    /// crosses only under an equal, valid key.
    pub normalize_custom_keys: bool,
    /// Validation options (definitions, showing values) for both stages.
    pub validate: ValidateOptions,
    /// Where the target's external id comes from when the source has none (targets that hold
    /// one: Sequence, Intercom, Bird, canonical). `None`: only the source's own id.
    pub external_id: Option<ExternalIdSource>,
}

impl ConvertOptions {
    /// Strict conversion with default validation options.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets lenient mode.
    #[must_use]
    pub fn lenient(mut self, lenient: bool) -> Self {
        self.lenient = lenient;
        self
    }

    /// Sets custom-key normalisation.
    #[must_use]
    pub fn normalize_custom_keys(mut self, normalize: bool) -> Self {
        self.normalize_custom_keys = normalize;
        self
    }

    /// Sets the validation options.
    #[must_use]
    pub fn validate_options(mut self, options: ValidateOptions) -> Self {
        self.validate = options;
        self
    }

    /// Sets where the target's external id comes from when the source has none: the first
    /// email address, the vendor's id of a read format, or a custom attribute. The source's own
    /// external id always wins; a derived id is a copy (the value stays where it was) with a
    /// `derived` note naming where it came from; a source without the chosen value converts as
    /// without the option (Sequence rejects it with `required` at `/externalId`).
    ///
    /// ```
    /// use contactkit::{convert, ConvertOptions, ExternalIdSource, Format};
    /// let options = ConvertOptions::new().external_id(ExternalIdSource::SourceId);
    /// let customer = serde_json::json!({"id": 42, "firstName": "Ada"});
    /// let person = convert(Format::HelpScoutCustomer, Format::Sequence, &customer, &options)?;
    /// assert_eq!(person.payload["externalId"], "42");
    ///
    /// let without = convert(Format::HelpScoutCustomer, Format::Sequence, &customer, &ConvertOptions::new());
    /// assert_eq!(without.unwrap_err().issues[0].path, "/externalId");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn external_id(mut self, source: ExternalIdSource) -> Self {
        self.external_id = Some(source);
        self
    }
}

/// What a conversion did to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteCode {
    /// A source value has no place in the target (path into the source).
    Dropped,
    /// A target string was cut to the target's maximum length.
    Truncated,
    /// A target value was derived from other values.
    Derived,
    /// A full name was split into first and last name.
    Split,
    /// First and last name were joined into a full name.
    Joined,
    /// A value was rewritten in another notation (e.g. a timestamp).
    Reformatted,
    /// A value was normalised (e.g. letter case, a custom attribute key).
    Normalized,
}

impl NoteCode {
    /// The contract's name of the code.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Dropped => "dropped",
            Self::Truncated => "truncated",
            Self::Derived => "derived",
            Self::Split => "split",
            Self::Joined => "joined",
            Self::Reformatted => "reformatted",
            Self::Normalized => "normalized",
        }
    }
}

impl fmt::Display for NoteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A note about what a conversion did.
///
/// The path points into the source record for [`NoteCode::Dropped`], into the target payload
/// otherwise. Messages never echo values.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Note {
    /// JSON Pointer (source for `dropped`, target otherwise).
    pub path: String,
    /// What happened.
    pub code: NoteCode,
    /// A human-readable explanation.
    pub message: String,
}

/// The stage at which a record was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The record is invalid as the source format (paths into the source).
    Source,
    /// The converted payload cannot satisfy the target's rules (paths into the target).
    Target,
}

/// A successful conversion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Converted {
    /// The target payload.
    pub payload: Value,
    /// What the conversion changed or left out.
    pub notes: Vec<Note>,
}

/// A rejected record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// Where it failed.
    pub stage: Stage,
    /// The findings (with severity `error` among them).
    pub issues: Vec<Issue>,
}

impl Rejection {
    /// The source-stage rejection of a record that serde_json cannot parse, made from the
    /// validator's findings for the same text (`issues`: a `syntax` error, or `out_of_range`
    /// errors for numbers beyond the range of a 64-bit float with the record's other findings),
    /// as the CLI reports a record that is not UTF-8 (text goes through [`convert_str`], which
    /// rejects the same way). Without an error among them, one `syntax` error at the place
    /// serde_json gave up.
    ///
    /// ```
    /// use contactkit::{Code, Format, Rejection, Validator};
    /// let text = r#"{"firstName": "Ada""#;
    /// let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
    /// let issues = Validator::new(Format::HelpScout).validate_str(text).issues;
    /// let rejection = Rejection::unparsable(issues, &error);
    /// assert_eq!(rejection.issues[0].code, Code::Syntax);
    /// ```
    #[must_use]
    pub fn unparsable(mut issues: Vec<Issue>, error: &serde_json::Error) -> Self {
        if issues.iter().any(|i| i.code == Code::Syntax) {
            issues.retain(|i| i.code == Code::Syntax);
        }
        if !issues.iter().any(Issue::is_error) {
            issues.clear();
            issues.push(Issue::error(
                "",
                Code::Syntax,
                format!(
                    "not valid JSON (line {}, column {})",
                    error.line(),
                    error.column()
                ),
            ));
        }
        Self {
            stage: Stage::Source,
            issues,
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stage = match self.stage {
            Stage::Source => "source",
            Stage::Target => "target",
        };
        write!(
            f,
            "rejected at the {stage} stage with {} finding(s)",
            self.issues.len()
        )
    }
}

impl std::error::Error for Rejection {}

/// Converts `record` from one format to another with `options`.
///
/// The record is validated as `from`, imported into the canonical contact, exported as `to`,
/// and the result validated as `to`. The notes say what changed: `dropped` (path into the
/// source), `truncated`, `derived`, `split`, `joined`, `reformatted`, `normalized` (paths into
/// the target). docs/MAPPING.md lists what maps to what.
///
/// ```
/// use contactkit::{convert, ConvertOptions, Format, NoteCode};
/// let record = serde_json::json!({"name": "Ada King Lovelace", "email": "ada@example.com"});
/// let converted = convert(Format::Intercom, Format::HelpScout, &record, &ConvertOptions::new())?;
/// assert_eq!(converted.payload["firstName"], "Ada");
/// assert_eq!(converted.payload["lastName"], "King Lovelace");
/// assert_eq!(converted.notes[0].code, NoteCode::Split);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`ConvertOptions::external_id`] fills a missing external id from another value.
///
/// A parsed [`Value`] holds one value per member name, so a name repeated in the text cannot
/// be seen here: convert text with [`convert_str`], which rejects it as `validate_str` does.
///
/// A read format (`intercom-contact`, `bird-contact`, `helpscout-customer`) can be `from` but
/// not `to` ([`Format::is_target`]): converting to one rejects every record at the target stage
/// with one `enum` error at `""` that names the create format to use instead.
///
/// # Errors
/// A [`Rejection`] when the record is invalid as `from` (stage `source`) or its conversion
/// cannot satisfy `to`'s rules (stage `target`), or `to` is a read format, or the
/// [`ExternalIdSource`] cannot apply to `from` ([`ExternalIdSource::check`]; stage `target`,
/// one `enum` error at `""`).
pub fn convert(
    from: Format,
    to: Format,
    record: &Value,
    options: &ConvertOptions,
) -> Result<Converted, Rejection> {
    refuse_request(from, to, options)?;
    valid_source(validate_value(
        from.spec(),
        record,
        options.validate.settings(),
    ))?;
    convert_valid(from, to, record, options)
}

/// Converts JSON text from one format to another with `options`: [`convert`] for a record
/// that has not been parsed yet.
///
/// The text is validated as `from` before it is parsed, so what only the text shows is found
/// too: a member name repeated in one object is a `duplicate` error at that member (a parsed
/// [`Value`] keeps one of the values and loses the other without a trace), exactly as
/// [`crate::Validator::validate_str`] reports it; so is a number beyond the range of a 64-bit
/// float, which no parser holds (an `out_of_range` error at its path, with the record's other
/// findings). Text that is not one JSON value is a `syntax` error. All reject the record at the
/// source stage.
///
/// ```
/// use contactkit::{convert_str, Code, ConvertOptions, Format, Stage};
/// let text = r#"{"firstName": "Grace", "firstName": "Ada"}"#;
/// let rejection = convert_str(Format::HelpScout, Format::Intercom, text, &ConvertOptions::new())
///     .expect_err("a repeated member name");
/// assert_eq!(rejection.stage, Stage::Source);
/// assert_eq!(rejection.issues[0].path, "/firstName");
/// assert_eq!(rejection.issues[0].code, Code::Duplicate);
/// ```
///
/// # Errors
/// As [`convert`].
pub fn convert_str(
    from: Format,
    to: Format,
    json: &str,
    options: &ConvertOptions,
) -> Result<Converted, Rejection> {
    refuse_request(from, to, options)?;
    convert_valid(
        from,
        to,
        &read_valid(from, json, options.validate.settings())?,
        options,
    )
}

/// Converts JSON text into each of `targets`, in their order: for each one the result of
/// [`convert_str`], with the text validated and parsed only once.
///
/// ```
/// use contactkit::{convert_str_each, ConvertOptions, Format};
/// let text = r#"{"firstName": "Ada", "emails": [{"value": "ada@example.com"}]}"#;
/// let targets = [Format::Intercom, Format::Bird];
/// let results = convert_str_each(Format::HelpScout, &targets, text, &ConvertOptions::new());
/// assert_eq!(results.len(), 2);
/// assert_eq!(results[0].as_ref().map(|c| &c.payload["email"]), Ok(&"ada@example.com".into()));
/// ```
pub fn convert_str_each(
    from: Format,
    targets: &[Format],
    json: &str,
    options: &ConvertOptions,
) -> Vec<Result<Converted, Rejection>> {
    let mut source = None;
    let mut results = Vec::with_capacity(targets.len());
    for &to in targets {
        results.push(refuse_request(from, to, options).and_then(|()| {
            match source.get_or_insert_with(|| read_valid(from, json, options.validate.settings()))
            {
                Ok(record) => convert_valid(from, to, record, options),
                Err(rejection) => Err(rejection.clone()),
            }
        }));
    }
    results
}

/// JSON text as a record of `format` found valid with `settings`, validated as text first so
/// that what only the text shows (a repeated member name, a number beyond the range of a
/// 64-bit float) rejects it as [`crate::Validator::validate_str`] reports it; otherwise the
/// source-stage rejection.
pub(crate) fn read_valid(
    format: Format,
    json: &str,
    settings: Settings<'_>,
) -> Result<Value, Rejection> {
    valid_source(validate_str(format.spec(), json, settings))?;
    // The validator's scanner is exactly as strict as serde_json (tests/json_syntax.rs), and
    // the one text serde_json refuses that the scanner reads (a number beyond the f64 range)
    // is an error above, so this does not fail; should it, the record is rejected rather than
    // lost.
    serde_json::from_str(json).map_err(|e| Rejection::unparsable(Vec::new(), &e))
}

/// [`convert`] after the record was found valid as `from`.
fn convert_valid(
    from: Format,
    to: Format,
    record: &Value,
    options: &ConvertOptions,
) -> Result<Converted, Rejection> {
    let settings = options.validate.settings();
    let mut imported = mapping::import(table(from), record, from == Format::Canonical);
    let derivation = match &options.external_id {
        Some(how) if table(to).covers(CField::ExternalId) => how.derive(record, &mut imported),
        _ => None,
    };
    let exported = mapping::export(
        table(to),
        to,
        &imported.contact,
        &imported.prov,
        record,
        options,
        derivation.as_ref(),
    )
    .map_err(|issue| Rejection {
        stage: Stage::Target,
        issues: vec![issue],
    })?;
    let mut notes = imported.notes;
    notes.extend(exported.notes);
    let mut payload = Value::Object(exported.payload);
    let report = validate_value(to.spec(), &payload, settings);
    if !report.is_valid() {
        if !options.lenient {
            return Err(Rejection {
                stage: Stage::Target,
                issues: report.issues,
            });
        }
        let mut repair = Repair {
            format: to,
            origins: exported.origins,
            notes: &mut notes,
        };
        repair.run(&mut payload, report, settings)?;
    }
    Ok(Converted { payload, notes })
}

/// What rejects a conversion before the record is read: `to` is a read format, or the
/// external id source cannot apply to `from`.
fn refuse_request(from: Format, to: Format, options: &ConvertOptions) -> Result<(), Rejection> {
    if !to.is_target() {
        return Err(not_a_target(to));
    }
    if let Some(issue) = options
        .external_id
        .as_ref()
        .and_then(|how| external_id::misapplied(how, from))
    {
        return Err(Rejection {
            stage: Stage::Target,
            issues: vec![issue],
        });
    }
    Ok(())
}

/// The source-stage rejection of a record whose validation `report` has errors.
pub(crate) fn valid_source(report: Report) -> Result<(), Rejection> {
    if report.is_valid() {
        Ok(())
    } else {
        Err(Rejection {
            stage: Stage::Source,
            issues: report.issues,
        })
    }
}

/// The rejection of a conversion to a read format.
fn not_a_target(to: Format) -> Rejection {
    let instead = to.create_format().map_or("a create format", Format::id);
    Rejection {
        stage: Stage::Target,
        issues: vec![Issue::error(
            "",
            Code::Enum,
            format!(
                "{to} is a read format (the object {} returns): it can be converted from, not to; convert to {instead}, and use preview for what the vendor returns",
                format_name(to.create_format().unwrap_or(to))
            ),
        )],
    }
}

/// The mapping table of a format.
fn table(format: Format) -> &'static Table {
    match format {
        Format::Sequence => &crate::vendor::sequence::TABLE,
        Format::Intercom => &crate::vendor::intercom::TABLE,
        Format::Bird => &crate::vendor::bird::TABLE,
        Format::HelpScout => &crate::vendor::helpscout::TABLE,
        Format::Canonical => &crate::canonical::TABLE,
        #[cfg(feature = "read-formats")]
        Format::IntercomContact => &crate::vendor::intercom::read::TABLE,
        #[cfg(feature = "read-formats")]
        Format::BirdContact => &crate::vendor::bird::read::TABLE,
        #[cfg(feature = "read-formats")]
        Format::HelpScoutCustomer => &crate::vendor::helpscout::read::TABLE,
    }
}

/// At most this many validate-and-repair passes (each pass fixes every finding it can; a
/// payload needs two or three).
const MAX_PASSES: usize = 16;

/// Lenient mode: repairs a payload from its target findings, generically. A `too_long` string
/// is cut to the table's maximum (note `truncated`); a `too_many_items` array keeps its first
/// items; any other error removes the smallest optional value that contains it (an optional
/// member, an array item, a custom attribute; note `dropped` with the source path). What
/// cannot be removed (a required member, the whole record) is left, and the record is rejected.
struct Repair<'n> {
    format: Format,
    /// Target location → source pointer of what the exporter wrote there.
    origins: Vec<(Cow<'static, str>, String)>,
    notes: &'n mut Vec<crate::Note>,
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
    fn run(
        &mut self,
        payload: &mut Value,
        mut report: Report,
        settings: Settings<'_>,
    ) -> Result<(), Rejection> {
        for _ in 0..MAX_PASSES {
            if report.is_valid() {
                return Ok(());
            }
            if !self.pass(payload, &report) {
                break;
            }
            report = validate_value(self.format.spec(), payload, settings);
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
                    let len = payload
                        .pointer(&issue.path)
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len);
                    for i in (max as usize)..len {
                        let mut item = segments.clone();
                        item.push(i.to_string());
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
                removals.push((segments[..k].to_vec(), issue.code));
            }
        }
        if !changed && removals.is_empty() {
            removals = surplus;
        }
        // Remove each unit once (the first found), not inside another removed unit, later
        // array items first.
        let order = sorted(removals.len(), &mut |a, b| {
            compare_segments(&removals[b].0, &removals[a].0)
        });
        let mut unique: Vec<&(Vec<String>, Code)> = Vec::with_capacity(order.len());
        for i in order {
            let removal = &removals[i];
            if unique.last().is_none_or(|last| last.0 != removal.0) {
                unique.push(removal);
            }
        }
        // Every step below is near-linear: a record may hold hundreds of thousands of values
        // that the target refuses.
        let all: HashSet<&[String]> = unique.iter().map(|(unit, _)| unit.as_slice()).collect();
        let units: Vec<&(Vec<String>, Code)> = unique
            .into_iter()
            .filter(|(unit, _)| {
                !(1..unit.len()).any(|k| unit.get(..k).is_some_and(|p| all.contains(p)))
            })
            .collect();
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
        let Some(Value::String(s)) = payload.pointer_mut(path) else {
            return false;
        };
        let Some((cut, _)) = s.char_indices().nth(max as usize) else {
            return false;
        };
        s.truncate(cut);
        self.notes.push(crate::Note {
            path: path.to_owned(),
            code: NoteCode::Truncated,
            message: format!(
                "cut to {max} characters, the most {} accepts here",
                format_name(self.format)
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
        let (value, item) = match payload.pointer(&parent_path) {
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
        let mut sources: Vec<&str> = index
            .at_or_under(path)
            .into_iter()
            .filter_map(|i| self.origins.get(i))
            .map(|(_, s)| s.as_str())
            .collect();
        if sources.is_empty() {
            let ancestor = index
                .nearest_ancestor(path)
                .and_then(|i| self.origins.get(i));
            sources.extend(ancestor.map(|(_, s)| s.as_str()));
        }
        sources.dedup();
        let message = format!(
            "{} does not accept this value ({code} at {path}); lenient mode left it out",
            format_name(self.format)
        );
        let mut notes: Vec<crate::Note> = sources
            .into_iter()
            .map(|source| crate::Note {
                path: source.to_owned(),
                code: NoteCode::Dropped,
                message: message.clone(),
            })
            .collect();
        if notes.is_empty() {
            notes.push(crate::Note {
                path: path.to_owned(),
                code: NoteCode::Dropped,
                message,
            });
        }
        self.notes.extend(notes);
    }

    /// Forgets the origins of the removed values and renumbers the origins of later items of
    /// the arrays they were removed from, in one sweep.
    fn forget(&mut self, removed: &[Removed]) {
        if removed.is_empty() {
            return;
        }
        let gone: HashSet<&str> = removed.iter().map(|r| r.path.as_str()).collect();
        let mut shifts: HashMap<&str, Vec<usize>> = HashMap::new();
        for r in removed {
            if let Some(i) = r.item {
                shifts.entry(r.parent.as_str()).or_default().push(i);
            }
        }
        for items in shifts.values_mut() {
            sort(items, &mut |a, b| a.cmp(&b));
        }
        self.origins
            .retain(|(t, _)| !ancestors_or_self(t).any(|p| gone.contains(p)));
        // Notes with target paths (all but `dropped`) follow their values: they go with a
        // removed value (its `dropped` note says what happened) and are renumbered with the
        // items after it.
        self.notes.retain(|n| {
            n.code == NoteCode::Dropped || !ancestors_or_self(&n.path).any(|p| gone.contains(p))
        });
        if shifts.is_empty() {
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
    let mut by_parent: HashMap<&str, (usize, Vec<&Removed>)> = HashMap::new();
    for r in removed {
        by_parent
            .entry(r.parent.as_str())
            .or_insert_with(|| (r.depth, Vec::new()))
            .1
            .push(r);
    }
    let parents: Vec<(&str, (usize, Vec<&Removed>))> = by_parent.into_iter().collect();
    let order = sorted(parents.len(), &mut |a, b| {
        let ((pa, (da, _)), (pb, (db, _))) = (&parents[a], &parents[b]);
        db.cmp(da).then_with(|| pa.cmp(pb))
    });
    for i in order {
        let (parent, (_, values)) = &parents[i];
        match payload.pointer_mut(parent) {
            Some(Value::Array(items)) => {
                let gone: HashSet<usize> = values.iter().filter_map(|r| r.item).collect();
                let mut i = 0;
                items.retain(|_| {
                    let keep = !gone.contains(&i);
                    i += 1;
                    keep
                });
            }
            Some(Value::Object(map)) => {
                let gone: HashSet<&str> = values.iter().map(|r| r.key.as_str()).collect();
                map.retain(|k, _| !gone.contains(k.as_str()));
            }
            _ => {}
        }
    }
}

/// The origins by target pointer, for the lookups of one repair pass.
struct OriginIndex {
    /// Target pointer → positions in the origins list, in order.
    by_target: BTreeMap<String, Vec<usize>>,
}

impl OriginIndex {
    fn new(origins: &[(Cow<'static, str>, String)]) -> Self {
        let mut by_target: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, (t, _)) in origins.iter().enumerate() {
            by_target.entry(t.to_string()).or_default().push(i);
        }
        Self { by_target }
    }

    /// Positions of the origins at `path` or below it, in list order.
    fn at_or_under(&self, path: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self.by_target.get(path).cloned().unwrap_or_default();
        // Descendants are the pointers from `path/` up to (not including) `path0`.
        let (from, to) = (format!("{path}/"), format!("{path}0"));
        for (_, positions) in self.by_target.range(from..to) {
            out.extend(positions);
        }
        sort(&mut out, &mut |a, b| a.cmp(&b));
        out
    }

    /// Position of the last origin at the nearest proper ancestor of `path`.
    fn nearest_ancestor(&self, path: &str) -> Option<usize> {
        ancestors_or_self(path)
            .skip(1)
            .find_map(|p| self.by_target.get(p).and_then(|v| v.last().copied()))
    }
}

/// `pointer` and its proper ancestors, nearest first (`/a/b`, `/a`, `""`).
fn ancestors_or_self(pointer: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(pointer), |p| {
        p.rsplit_once('/').map(|(parent, _)| parent)
    })
}

/// `target` with each array index lowered by the number of items removed before it from the
/// same array, or `None` when nothing changes.
fn renumber(target: &str, shifts: &HashMap<&str, Vec<usize>>) -> Option<String> {
    let mut out = String::with_capacity(target.len());
    let mut changed = false;
    let mut parent_end = 0;
    for segment in target.split('/').skip(1) {
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
                out.push_str(&j.to_string());
            }
            None => out.push_str(segment),
        }
    }
    changed.then_some(out)
}

/// The unescaped reference tokens of a JSON Pointer.
fn segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The JSON Pointer of reference tokens.
fn pointer(segments: &[String]) -> String {
    segments
        .iter()
        .fold(String::new(), |acc, s| crate::pointer::join(&acc, s))
}

/// Orders pointers by their tokens, comparing array indices as numbers.
/// Sorts `items` with `compare`, stably. Every sort of the conversion goes through this one
/// instance of the standard library's sort: each other element type or comparison would add
/// another (2 to 3 KB of WebAssembly each).
fn sort(items: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) {
    items.sort_by(|&a, &b| compare(a, b));
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
    let root = Kind::Object(format.spec());
    let mut kind: Option<&Kind> = Some(&root);
    let mut steps = Vec::with_capacity(segments.len());
    for segment in segments {
        let (removable, next): (bool, Option<&Kind>) = match kind {
            Some(Kind::Object(obj)) => match obj.fields.iter().find(|f| f.name == segment) {
                Some(field) => (field.required != Req::Yes, Some(&field.kind)),
                None => (true, None),
            },
            Some(Kind::Array(array)) => (true, Some(&array.items)),
            Some(Kind::Dynamic(_) | Kind::Any) => (true, None),
            _ => (false, None),
        };
        let mut step = Step {
            removable,
            ..Step::default()
        };
        match next {
            Some(Kind::Str(rules)) if rules.max != u32::MAX => {
                step.max_len = Some(rules.max);
                step.formatted = rules.format.is_some();
            }
            Some(Kind::Array(array)) if array.max != u32::MAX => step.max_items = Some(array.max),
            _ => {}
        }
        steps.push(step);
        kind = next;
    }
    steps
}

#[cfg(test)]
mod tests {
    //! docs/MAPPING.md is kept true by these tests: its table must list exactly the fields the
    //! importers and exporters handle, and the tables must cover every documented field.

    use std::collections::BTreeSet;

    use super::table;
    use crate::canonical::mapping::{CField, OTHER_MEMBERS};
    use crate::Format;

    const MAPPING: &str = include_str!("../docs/MAPPING.md");
    const VENDORS: [Format; 4] = [
        Format::Sequence,
        Format::Intercom,
        Format::Bird,
        Format::HelpScout,
    ];

    /// The backticked names in `text`.
    fn names(text: &str) -> Vec<&str> {
        text.split('`').skip(1).step_by(2).collect()
    }

    /// The rows of the mapping table: canonical field and, per vendor, the vendor fields named
    /// before the first `<br>` of its cell.
    fn doc_rows() -> Vec<(String, Vec<Vec<String>>)> {
        let start = MAPPING
            .find("| canonical | sequence | intercom | bird | helpscout |")
            .expect("docs/MAPPING.md has the mapping table");
        MAPPING[start..]
            .lines()
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|line| {
                let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
                assert_eq!(cells.len(), 5, "mapping row has 5 cells: {line}");
                let canonical = names(cells[0]);
                assert_eq!(canonical.len(), 1, "one canonical field per row: {line}");
                let vendors = cells[1..]
                    .iter()
                    .map(|cell| {
                        let head = cell.split("<br>").next().unwrap_or("");
                        names(head).into_iter().map(str::to_owned).collect()
                    })
                    .collect();
                (canonical[0].to_owned(), vendors)
            })
            .collect()
    }

    #[test]
    fn mapping_table_rows_are_the_canonical_fields() {
        let documented: Vec<String> = doc_rows().into_iter().map(|(c, _)| c).collect();
        let known: Vec<&str> = CField::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(
            documented, known,
            "docs/MAPPING.md rows vs CField::ALL (in order)"
        );
        // The canonical fields are the canonical format's members (address by part).
        let members: BTreeSet<&str> = known
            .iter()
            .map(|n| n.split('.').next().unwrap_or(n))
            .collect();
        let spec: BTreeSet<&str> = Format::Canonical
            .spec()
            .fields
            .iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(members, spec, "CField vs the canonical rule table");
    }

    #[test]
    fn mapping_table_lists_exactly_what_the_code_handles() {
        let rows = doc_rows();
        for (column, format) in VENDORS.into_iter().enumerate() {
            let mut documented = BTreeSet::new();
            for (canonical, vendors) in &rows {
                for name in &vendors[column] {
                    documented.insert((canonical.clone(), name.clone()));
                }
            }
            let mut handled = BTreeSet::new();
            for entry in table(format).entries {
                for (name, field) in entry.fields {
                    handled.insert((field.name().to_owned(), (*name).to_owned()));
                }
            }
            let missing: Vec<_> = handled.difference(&documented).collect();
            let extra: Vec<_> = documented.difference(&handled).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{format}: handled but not in docs/MAPPING.md: {missing:?}; in the doc but not handled: {extra:?}"
            );
        }
    }

    #[test]
    fn tables_cover_every_documented_member() {
        for format in Format::ALL {
            let members: BTreeSet<&str> = table(format)
                .entries
                .iter()
                .flat_map(|e| e.members.iter().copied())
                .filter(|m| *m != OTHER_MEMBERS)
                .collect();
            let spec: BTreeSet<&str> = format.spec().fields.iter().map(|f| f.name).collect();
            assert_eq!(
                members, spec,
                "{format}: mapping table members vs rule table"
            );
        }
    }

    #[test]
    fn canonical_table_maps_every_field_to_itself() {
        let canonical = table(Format::Canonical);
        for &field in CField::ALL {
            let entry = canonical
                .entries
                .iter()
                .find(|e| e.fields.iter().any(|(_, f)| *f == field))
                .unwrap_or_else(|| panic!("{} is not in the canonical table", field.name()));
            let top = field.name().split('.').next().unwrap_or_default();
            assert_eq!(entry.members, [top], "{}", field.name());
            assert!(entry
                .fields
                .iter()
                .all(|(name, f)| *f != field || *name == field.name()));
        }
    }

    #[test]
    fn text_rules_have_one_member_and_a_string_field() {
        let mut c = crate::canonical::Contact::default();
        for format in Format::ALL {
            for entry in table(format).entries {
                if matches!(entry.rule, crate::canonical::mapping::Rule::Text) {
                    assert_eq!(entry.members.len(), 1, "{format}: {:?}", entry.members);
                    assert_eq!(entry.fields.len(), 1, "{format}: {:?}", entry.members);
                    let field = entry.fields[0].1;
                    assert!(
                        field.text_mut(&mut c).is_some(),
                        "{format}: {field:?} is not a string field"
                    );
                }
            }
        }
    }
}
