//! The options of validation, conversion and preview.

use crate::definitions::Definitions;
use crate::engine::external_id::ExternalIdSource;
use crate::Timestamp;

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
    /// let rejection = without.unwrap_err().into_rejection();
    /// assert_eq!(rejection.issues[0].path, "/externalId");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn external_id(mut self, source: ExternalIdSource) -> Self {
        self.external_id = Some(source);
        self
    }
}

/// Options for validation.
///
/// ```
/// use contactkit::ValidateOptions;
/// let options = ValidateOptions::new().show_values(true);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ValidateOptions {
    /// Account-specific custom field definitions; without them only general rules are checked.
    pub definitions: Option<Definitions>,
    /// Append the offending value to finding messages. Off by default: contact data is
    /// personal data, and findings end up in logs.
    pub show_values: bool,
}

impl ValidateOptions {
    /// The defaults: no definitions, values not shown.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the custom field definitions.
    #[must_use]
    pub fn definitions(mut self, definitions: Definitions) -> Self {
        self.definitions = Some(definitions);
        self
    }

    /// Whether messages include the offending value.
    #[must_use]
    pub fn show_values(mut self, show: bool) -> Self {
        self.show_values = show;
        self
    }
}

/// Options for [`preview`](crate::preview).
///
/// ```
/// use contactkit::{PreviewOptions, Timestamp};
/// let now: Timestamp = "2024-05-01T12:00:00Z".parse()?;
/// let options = PreviewOptions::new().now(now);
/// # let _ = options;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PreviewOptions {
    /// The time the vendor records as the creation and update time. `None` (the default) gives
    /// the Unix epoch, 1970-01-01T00:00:00Z: a placeholder, like the ids ([`Self::PLACEHOLDER_ID`],
    /// [`Self::PLACEHOLDER_NUMBER`]).
    pub now: Option<Timestamp>,
    /// Validation options for the create payload.
    pub validate: ValidateOptions,
}

impl PreviewOptions {
    /// The id a preview gives the new object where the vendor's id is a string (Intercom `id`
    /// and `workspace_id`, Bird `id` and `workspaceId`): the vendor assigns the real one.
    pub const PLACEHOLDER_ID: &'static str = "preview";

    /// The id a preview gives the new object and its entries where the vendor's id is a number
    /// (Help Scout): the vendor assigns the real ones.
    pub const PLACEHOLDER_NUMBER: i64 = 0;

    /// The defaults: placeholder time, default validation options.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the creation time.
    #[must_use]
    pub fn now(mut self, now: Timestamp) -> Self {
        self.now = Some(now);
        self
    }

    /// Sets the validation options.
    #[must_use]
    pub fn validate_options(mut self, options: ValidateOptions) -> Self {
        self.validate = options;
        self
    }
}
