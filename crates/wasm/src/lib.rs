//! WebAssembly bindings of [`contactkit`], packaged for npm as `contactkit`.
//!
//! The boundary is coarse and string-based: every export takes format ids and JSON text and
//! returns JSON text, which the package's hand-written JavaScript entry (`npm/src/api.js`)
//! parses with `JSON.parse` and types with `npm/contactkit.d.ts`. A bad argument comes back
//! as the text `!` followed by the JSON of a [`dto::Error`]; JavaScript turns it into a thrown
//! `ContactkitError`. Nothing here panics on input, so no call can end in a WebAssembly trap.
//!
//! The functions live in [`api`] as plain Rust so that the mapping is unit-tested on the host;
//! only the wasm32 build links `wasm-bindgen`.

pub mod api;
pub mod dto;
#[cfg(test)]
mod typescript;

/// Marks an error result for the JavaScript side (JSON text never starts with `!`).
pub const ERROR_PREFIX: char = '!';

/// The text returned to JavaScript for a result: the JSON, or `!` and the error's JSON.
pub fn envelope<T: Into<String>>(result: Result<T, dto::Error>) -> String {
    match result {
        Ok(json) => json.into(),
        Err(e) => {
            let mut out = String::from(ERROR_PREFIX);
            out.push_str(&e.to_json());
            out
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod bindings {
    use wasm_bindgen::prelude::wasm_bindgen;

    use crate::{api, envelope};

    // The exports are internal to the package: `skip_typescript` keeps them out of the
    // generated declarations; the public types are in npm/contactkit.d.ts.

    #[cfg(feature = "debug")]
    #[wasm_bindgen(start)]
    fn start() {
        console_error_panic_hook::set_once();
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn validate(format: &str, payload: &str, options: &str) -> String {
        envelope(api::validate(format, payload, options))
    }

    #[wasm_bindgen(skip_typescript, js_name = validateField)]
    pub fn validate_field(format: &str, pointer: &str, value: &str, options: &str) -> String {
        envelope(api::validate_field(format, pointer, value, options))
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn convert(from: &str, to: &str, payload: &str, options: &str) -> String {
        envelope(api::convert(from, to, payload, options))
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn schema(format: &str) -> String {
        envelope(api::schema(format))
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn formats() -> String {
        api::formats()
    }

    #[wasm_bindgen(skip_typescript, js_name = formFields)]
    pub fn form_fields(format: &str) -> String {
        envelope(api::form_fields(format))
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn version() -> String {
        api::version().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_marked_with_a_prefix_results_are_plain_json() {
        assert_eq!(envelope(Ok::<_, dto::Error>("{}")), "{}");
        let e = envelope(api::validate("nope", "{}", ""));
        let json = e.strip_prefix(ERROR_PREFIX).expect("prefixed");
        let v: serde_json::Value = serde_json::from_str(json).expect("json");
        assert_eq!(v["code"], "unknown_format");
    }
}
