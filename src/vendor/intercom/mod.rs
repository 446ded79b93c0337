//! The intercom format.

pub(crate) mod spec;
