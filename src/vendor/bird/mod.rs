//! The bird format.

pub(crate) mod spec;
