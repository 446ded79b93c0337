//! What the repository publishes agrees with the code: the committed schemas, docs/RULES.md,
//! the product contract's examples and the release metadata. One module per subject.

mod contract_examples;
mod package;
mod rules_doc;
mod schemas;
