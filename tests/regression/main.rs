//! Regression tests for what fuzzing (`fuzz/`, see fuzz/README.md) found: one module per
//! finding in `tests/regression/`, named after it, holding the minimised input and asserting
//! the defined behaviour.

mod validate_skipped_values_unchecked;

#[cfg(feature = "convert")]
mod convert_numbers_carried_exactly;
