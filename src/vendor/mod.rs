//! One module per vendor: each holds its rule table (`spec`), and its importer and exporter.

pub(crate) mod bird;
pub(crate) mod helpscout;
pub(crate) mod intercom;
#[cfg(feature = "read-formats")]
pub(crate) mod read;
pub(crate) mod sequence;
