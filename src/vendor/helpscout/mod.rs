//! The helpscout format.

pub(crate) mod spec;
