//! Conversion: the API, the golden fixtures, properties over generated contacts, the external
//! id option, and the read formats with response preview. One module per subject; shared
//! helpers in `tests/support/`.

#[path = "../support/mod.rs"]
mod support;

mod convert_api;
mod convert_fixtures;
mod convert_props;
mod external_id;
mod read_formats;
