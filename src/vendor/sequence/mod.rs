//! The sequence format.

pub(crate) mod spec;
