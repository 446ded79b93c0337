//! Writes the generated payload interfaces of the npm package's declarations.
//!
//! ```text
//! cargo run -p contactkit-wasm --example payload_types -- npm/payloads.d.ts
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out] = args.as_slice() else {
        eprintln!("usage: payload_types <output.d.ts>");
        return ExitCode::from(2);
    };
    match std::fs::write(out, contactkit_wasm::declarations::payload_types()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("payload_types: cannot write {out}: {e}");
            ExitCode::FAILURE
        }
    }
}
