//! WebAssembly bindings of [`contactkit`], packaged for npm as `contactkit` by
//! `scripts/build-wasm.sh` (tests: `scripts/test-wasm.sh`).
//!
//! # Design
//!
//! - **A coarse, string-based boundary.** Every export takes format ids and JSON text (as UTF-8
//!   in a buffer the module owns: see `bindings`) and returns JSON text (left in the module's
//!   memory for JavaScript to decode), which the package's hand-written JavaScript
//!   (`npm/src/api.js`) parses with `JSON.parse` and types with `npm/forms.d.ts` and
//!   `npm/contactkit.d.ts`. Measured against
//!   `serde-wasm-bindgen` (a JS object in, `Serializer::json_compatible()` out) for the same
//!   validation: the JSON-text boundary was about 4 times faster on a typical Help Scout
//!   payload given as an object (10 µs against 38 µs per call; JSON.stringify and the
//!   validator's borrowing fast path over text beat walking a JS object through `Reflect`), and
//!   12 KB smaller gzipped, with 11 KB less JS glue. Results parsed by `JSON.parse` have only
//!   own properties, so keys such as `__proto__` stay plain data.
//! - **Errors as data.** A bad argument comes back as the text `!` followed by the JSON of a
//!   [`dto::Error`]; JavaScript throws it as a `ContactkitError {code, message, issues?}`. No
//!   `JsValue` exceptions, no panics: nothing here can end in a WebAssembly trap.
//! - **No glue.** The exports take and return numbers only (lengths and addresses), so the
//!   module needs nothing of wasm-bindgen's JavaScript: `npm/src/api.js` instantiates it (it
//!   imports nothing) and calls the exports itself, and the build drops the glue wasm-bindgen
//!   writes and what only the glue used (`scripts/build-wasm.sh`). wasm-bindgen's macro stays as
//!   the safe way to export a function (`#[no_mangle]` is unsafe code, which the workspace
//!   forbids).
//! - **Testable on the host.** The functions live in [`api`] as plain Rust and are unit-tested
//!   against the core crate; only the wasm32 build links `wasm-bindgen` (pinned exactly, as the
//!   CLI must match). `examples/dump_results.rs` writes the native results of the fixture suite
//!   and the example data, which the Node tests require the package to reproduce exactly.
//! - **Two modules, four entry files.** The crate is built with the `convert` feature (the
//!   full module, package entry `contactkit`) and without it (the forms module,
//!   `contactkit/forms`: validation and form metadata of the create formats). Each module has
//!   a browser file (`npm/src/contactkit.js`, `npm/src/forms.js`: `await init()` first) and a
//!   Node file (`npm/src/node.js`, `npm/src/forms.node.js`: instantiated on import from the
//!   module's bytes, embedded in JavaScript), chosen by the `node` export condition;
//!   `npm/src/api.js` binds either module, and `npm/src/convert.js` adds the conversions to the
//!   full entries only.
//!
//! # Size
//!
//! Release profile `wasm-release` (root `Cargo.toml`: opt-level "z", LTO, one codegen unit,
//! panic = abort) and wasm-opt -Oz with size passes (`scripts/build-wasm.sh` says which and
//! why). `npm/test/size.test.mjs` measures each entry as Vite emits it (.wasm plus JavaScript,
//! gzip -9): the forms entry 52.4 KB (brotli 45.8 KB; goal 40 KB, not met), the full entry
//! 101.1 KB (brotli 87.2 KB; goal 100 KB gzip, not met), the full `.wasm` alone 97.2 KB against
//! its hard budget of 150 KB (all passes below merged, with findings' `params` (+1.0 KB each)
//! and the JavaScript checks of lone surrogates, `init()` sources and Map payloads (+0.5 KB)).
//! The full module then printed floats with `json::float::push_shortest` instead of `zmij`
//! (same text): 100.4 KB (brotli 86.4 KB; 0.4 KB over the goal), `.wasm` 96.4 KB. Then no
//! panic that formats a number on its paths (no bounds-checked index, `str::split` or
//! `Vec::insert`: `json::split_ascii` under the lite cfg, `get`), so core::fmt's integer
//! formatting and slice-error messages left it: 99.2 KB (brotli 85.5 KB; the goal met), `.wasm`
//! 95.3 KB.
//!
//! The forms module links no serde, serde_json or indexmap; neither does the full module since it
//! converts on the core's own JSON value ("conversion's data type" below). The forms module reads JSON only with the core's scanner (records, `validateField`
//! values, options and definitions through `contactkit::json_value::parse`, which accepts
//! exactly what serde_json's parser accepts and reports errors at the same line and column, and
//! the schema keyword texts of the tables); it writes every result by hand (`json_value`:
//! issues, form fields and the schema, each tested byte for byte against serde_json; the error,
//! `validateMany` and `formats()` texts here), and the core builds schemas as its own `Json`
//! values. Measured on the forms `.wasm` (gzip -9 of the optimised file): serde_json's parser and serialiser out 83.9 →
//! 72.5 KB; no `Value` `Display`/`IndexMut` (their panic messages pulled the serialiser back
//! in) 69.5; no `format!`/`join`/`collect` chains in the schema and form writers and one hash
//! table type in the walk 66.0; schemas as `Json` instead of `serde_json::Value` 61.7 (61.9
//! once the JSON writers copied runs whole). A second pass: the unknown-format message quotes
//! the id by hand (no `<str as Debug>`) 61.8; no `&str[range]` slicing on the forms paths (no
//! `slice_error_fail` and the `Debug` of ranges and chars it formats) 60.7; the core's
//! `NameMap` index hashed with FNV-1a in WebAssembly, where std's `RandomState` is SipHash with
//! constant keys (wasm32-unknown-unknown has no randomness) 59.8; no `format!`/`write!` on the
//! forms paths (pointer messages, two schema texts, `DefinitionsError`) 59.3; that index its
//! own open-addressing table instead of a `HashMap` (no hashbrown) 57.9; URL authorities
//! checked on bytes (no `str` reverse char search) 57.4; no `Vec::splice` in the float reader
//! and `retain_mut` for `validateField`'s findings (no in-place `collect`) 56.8. What is left of
//! `core::fmt` is std's panic machinery (panic = abort still formats the message, with integer
//! `Display` for bounds checks; only a `no_std` module or nightly's `panic_immediate_abort`
//! drops it). A third pass: the unknown-format message quotes the id as a JSON string (the
//! core's JSON writer, natively too) instead of as `{:?}`, whose `char::escape_debug` linked
//! core's Unicode tables (printable, grapheme extend): 56.8 → 54.2 KB; the length rules count
//! characters with a byte loop here (`spec::char_count`; std's word-at-a-time
//! `chars().count()` natively and with the feature `speed`) 54.1 KB, the forms entry 61.3 →
//! 58.6 KB. A fourth pass, texts unchanged: no std `Split` in the forms module (pointer tokens
//! and `validateMany`'s lines by byte loops there; the full and Node modules keep `split`), no
//! `to_string()` of the unknown-format and definitions errors (their texts pushed by
//! `UnknownFormat::message` and `DefinitionsError::text`), no Unicode `trim` (ASCII trimming of
//! the static schema descriptions, a byte search for `validateField`'s `{`, `chars().all` for a
//! blank id) and no slicing panics left on the forms paths: forms `.wasm` 54.1 → 52.4 KB, the
//! forms entry 58.6 → 57.0 KB. A fifth pass keeps those three replacements of `trim` to the forms
//! module (the full and Node modules link std's `trim` anyway): the full entry 149.4 → 149.3 KB.
//! Without wasm-bindgen's glue (numbers-only exports, the module instantiated and called by
//! `npm/src/api.js`, wasm-bindgen's exports and what only they used removed; conversion's
//! JavaScript only in the full entries): forms `.wasm` 52.7 → 51.9 KB and its JavaScript 4.4 →
//! 3.1 KB, the forms entry 57.0 → 55.0 KB (brotli 49.6 → 47.8), the full entry 149.3 → 147.4 KB
//! (brotli 124.7 → 123.0). Then without the `target_features` section (engines ignore it) and
//! with lol_alloc in the browsers' full module too (see `ALLOCATOR`): the forms entry 54.9 KB
//! (brotli 47.6), the full entry 143.8 KB (brotli 120.4).
//! A pass on the full module (every finding, note, payload and text unchanged; each step gzip of
//! the full `.wasm`, 143.4 KB before): lol_alloc as in the forms module 140.2; the results of
//! `convert`, `convertMany` and `preview` written by hand (`json_value::push_value`,
//! `push_notes`) 138.6; no `Value` `Display` in messages 136.4; conversion's hash sets and maps
//! on the core's `NameMap` 132.4; lenient repair's origin index a sorted list (no `BTreeMap`)
//! 129.9; payload lookups by `pointer::value_at` (serde_json's `pointer` linked `str::replace`)
//! 128.8; no slicing panic in `split_name` (its `Debug` formatting linked core's Unicode
//! printable tables) and no std `concat`/`join` 124.5; records read with the core's scanner
//! (`json::parse_value`; natively serde_json stays, faster on long decimals) 118.3 — which also
//! converts long decimals as the CLI does (the module's serde_json has no `float_roundtrip`, so
//! it was one unit in the last place off there); the canonical export's lists built without
//! serde's serialiser 117.8 (118.0 with the two pointer lookups on one token reader). The full
//! entry 149.3 → 122.8 KB (brotli 124.7 → 103.6 KB).
//! A sixth pass, texts unchanged: no bounds-check panic left on the forms paths (so core's
//! `panic_bounds_check` and the integer `Display`, `pad_integral` and `do_count_chars` it
//! formatted with leave the module), `Message::new` not inlined at each finding, the Help Scout
//! properties' `Each`/`Keys` as a plain `Vec` and `NameMap` here, one `NameMap` instance (objects
//! read whole keep their names in the walk's `NameMap<()>`), the rule tables' integer range by
//! reference (a member 88 → 80 bytes), loops instead of `collect` for the definitions' options
//! and the pointer tokens, one non-generic schema `set` used instead of `vec!` literals, the
//! float reader's zero limbs by `resize`: measured before the glue change, forms `.wasm` 52.5 →
//! 49.8 KB, the forms entry 57.0 → 54.3 KB, the full entry 149.3 → 146.3 KB; merged with the glue
//! change and the full module's pass, the forms entry 54.9 → 52.1 KB (brotli 47.6 → 45.4), the
//! full entry 120.7 → 117.8 KB (brotli 101.9 → 99.7).
//! A second pass (texts unchanged; gzip of the full `.wasm` built alone, 117.0 KB before): the
//! browsers' full module validates a converted payload by writing it as text for the scanner
//! (`spec::validate::validate_value`; natively, in the forms module and with `speed` the walk
//! over `Value` stays), so it links one instance of the validator's walk, not two, 114.7; the
//! conversion's integer texts (external ids, repair's indexes, `convertMany`'s counts), the
//! timestamps and the `Error` texts pushed instead of formatted (`Error::text`) 113.1; integer
//! strings read by `parse_i64` (std's generic integer parser out) 113.0. The full entry
//! 120.7 → 116.7 KB (brotli 101.9 → 99.1 KB). Tried and dropped: the notes' and origins'
//! `format!` texts as pushes cost 0.06 KB more (the formatting stays for panics anyway).
//! A seventh pass: a string's minimum length in the rule tables as `u16` (it packs with the
//! format and the id flag, a value's rules 4 bytes smaller): the forms entry 52.1 → 51.8 KB
//! (brotli 45.4 → 45.2), the full entry 117.8 → 117.3 KB (brotli 99.7 → 99.4).
//! A third pass on the full module (texts unchanged; gzip of its `.wasm` by the build's passes,
//! 111.0 KB before): lenient repair's sort a small stable merge sort here (std's `sort_by`
//! natively and with `speed`) 108.9; no `rsplit_once` (`json::rsplit_ascii_once`) 108.7; no
//! `format!` on the conversion paths (`engine::concat`/`with_number`, timestamps and the syntax
//! rejection written by hand) 107.8; array members read as slices, not flattened `Option`s,
//! 107.3; loops instead of iterator chains and `collect` in repair, the previews, the readers
//! and the list writers (the canonical export's one non-generic list writer) 104.9; a source
//! location's pointer and value from one token table (`SourcePath::steps`) 104.6, two more
//! loops 104.4; members left out by moving the others into a new map here
//! (`engine::shared::retain_members`; natively `Map::retain`), so that indexmap's
//! `shift_remove` and in-place `retain` (with its hash-table rebuild) leave the module, 102.3;
//! provenance slots grown by `push`, notes joined by `append`, the Help Scout preview's
//! properties by loops 101.8; conversion's pointers sized once (natively 3% fewer instructions
//! than before the pass, callgrind) 101.9. The full entry 115.2 → 106.3 KB (brotli 98.2 → 91.2
//! KB). Tried and dropped: conversion's `NameMap<V>`s as one `NameMap<()>` with values by
//! position (-1.4 KB raw, -0.04 gzipped), the emails/phones writer over a `dyn Fn` (+0.4),
//! opt-level "s" (+18).
//! Per-vendor modules (`contactkit/forms/<format>`, built with `--cfg contactkit_format="<id>"`:
//! one rule table, one vendor's definitions reader, the committed schema text instead of the
//! generator, no `validateMany`; the full and forms modules byte-identical) measure 35.9
//! (Sequence) to 41.9 KB (Help Scout) in all, `.wasm` 32.4–38.4 KB; without `zmij` (floats
//! printed by `json::float::push_shortest` in the forms modules, the same text) 35.9 to 40.8
//! (Intercom 40.2 → 39.1, the forms entry 52.4 → 51.2); Help Scout's rule table no longer points
//! at the schema generator there (`properties`' schema), 40.8 → 40.5; each links the
//! predicates, texts and patterns of its own string formats only (`Format::string_formats`),
//! Help Scout 40.5 → 39.6 KB (Sequence 35.3, Intercom 37.6, Bird 36.8, canonical 36.8).
//! Then conversion's data type: the browsers' full module is built with
//! `--cfg contactkit_value="lite"` (scripts/build-wasm.sh, target/full-lite), under which the
//! core's `value::{Value, Map}` are its own order-preserving lookalikes (`json::lite`: members in
//! a `Vec`, a hash index of positions past 16, serde_json's `swap_remove` and number classes)
//! instead of serde_json's, so serde_json's `Value`/`Map` code, indexmap, hashbrown and SipHash
//! leave the module (std's panic formatting stays: bounds checks); every other build, the forms and Node modules
//! included (checked byte for byte), is unchanged. The full `.wasm` 101.6 → 97.2 KB gzip (brotli
//! 87.1 → 83.7), the full entry 105.5 → 101.1 KB (brotli 90.6 → 87.2): 1.1 KB short of the goal.
//! 50,000 custom attributes still convert in linear time (88 ms; a search in order took 11 s).
//! Also kept small on purpose:
//! one options parser for every function, `schema()` generated from the tables (the generator
//! is linked anyway, as the tables point at it) and returned compact instead of embedding the
//! 30 KB of committed schema texts, `convertMany`'s result as separated text rather than JSON,
//! options taken rather than copied.

pub mod api;
#[cfg(not(target_arch = "wasm32"))]
pub mod declarations;
pub mod dto;
#[cfg(all(test, feature = "convert"))]
mod read_tests;
#[cfg(test)]
mod typescript;

/// The allocator of the modules browsers load: lol_alloc's free list (sorted by address,
/// neighbours merged on free) instead of Rust's default dlmalloc, about 3 KB less gzipped
/// WebAssembly in each. The module has one thread, so the lock is never contended. Not slower
/// where a free list's linear search could cost time: `convertMany` of 50,000 Help Scout records
/// into the four other formats with the full module, in chunks of 500 as the demo page does and
/// in one call, timed side by side with dlmalloc in one Node run: 1.00× and 0.99× (medians of 5).
/// The Node entry's module (feature `speed`, where size does not count) keeps dlmalloc.
#[cfg(all(target_arch = "wasm32", not(feature = "speed")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

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
    use std::cell::Cell;

    use wasm_bindgen::prelude::wasm_bindgen;

    use crate::{api, dto, envelope};

    // The exports are internal to the package and take and return numbers only, so that the
    // module needs no JavaScript glue of wasm-bindgen's (string passing, allocation exports,
    // the externref table): npm/src/api.js instantiates it and calls them directly. The macro
    // is only the safe way to export a function (`#[no_mangle]` is unsafe code, which the
    // workspace forbids); scripts/build-wasm.sh drops the glue wasm-bindgen writes and checks
    // that the module imports nothing. `skip_typescript`: the public types are in npm/*.d.ts.
    //
    // Every text crosses through buffers the module owns (BENCHMARKS.md): npm/src/api.js asks
    // `input` for room, and writes the format id(s), the text and the options one after another
    // as UTF-8 straight into the module's memory (`TextEncoder.encodeInto`); the export
    // (`validate`, `validateMany`, `convert`, ...) gets their lengths in bytes and returns the
    // length in bytes of its result (0: none, for a record without findings, which then costs
    // JavaScript no string at all), which stays in the module until the next call; `output`
    // gives its address, and JavaScript decodes it from memory (`TextDecoder`). The encoder
    // writes lone surrogates as U+FFFD, so the bytes are UTF-8 (in payload and record text
    // api.js writes them as JSON escapes first, which the parser rejects: `jsonText`); others
    // (only a caller of the raw exports can write them) are an `invalid_json` error.

    thread_local! {
        /// The texts of the next call, written by JavaScript (zero-initialised: every byte Rust
        /// reads is initialised whatever JavaScript wrote). The module has one thread.
        static INPUT: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
        /// The result of the last call, until the next one.
        static OUTPUT: Cell<String> = const { Cell::new(String::new()) };
    }

    /// Takes a buffer's value (`try_with` rather than `with`, whose panic for a thread-local
    /// accessed during its destruction would link its message's formatting: the module's one
    /// thread never destroys them, so the fallback is never taken).
    fn take<T: Default>(key: &'static std::thread::LocalKey<Cell<T>>) -> T {
        key.try_with(Cell::take).unwrap_or_default()
    }

    /// Sets a buffer's value (see [`take`]).
    fn set<T>(key: &'static std::thread::LocalKey<Cell<T>>, value: T) {
        // Never an error (see `take`); there would be no buffer to keep the value in.
        let _ = key.try_with(|cell| cell.set(value));
    }

    /// The input buffer is given back after a call that needed more than this.
    const KEEP: usize = 1 << 16;

    /// Makes the input buffer at least `len` bytes long and returns its address in the
    /// module's memory (which may have grown: JavaScript views it afresh). The last call's
    /// result is dropped (JavaScript has read it).
    #[wasm_bindgen(skip_typescript)]
    pub fn input(len: usize) -> usize {
        take(&OUTPUT);
        let mut buf = take(&INPUT);
        if buf.len() < len {
            buf.resize(len, 0);
        }
        let address = buf.as_ptr().addr();
        set(&INPUT, buf);
        address
    }

    /// Runs `f` over the texts at the start of the input buffer, `lens` bytes each, one after
    /// another (unused ones empty), and keeps its result (or error) for `output`; returns its
    /// length in bytes (0: none, for a record without findings).
    fn run(lens: [usize; 4], f: fn([&str; 4]) -> Result<String, dto::Error>) -> usize {
        let buf = take(&INPUT);
        let mut texts = [""; 4];
        let mut at = 0usize;
        let mut utf8 = true;
        for (text, len) in texts.iter_mut().zip(lens) {
            let end = at.saturating_add(len);
            match buf.get(at..end).map(std::str::from_utf8) {
                Some(Ok(s)) => *text = s,
                _ => utf8 = false,
            }
            at = end;
        }
        let result = envelope(if utf8 {
            f(texts)
        } else {
            Err(dto::Error::new(
                dto::ErrorCode::InvalidJson,
                "the text is not UTF-8",
            ))
        });
        if buf.len() <= KEEP {
            set(&INPUT, buf);
        }
        let len = result.len();
        set(&OUTPUT, result);
        len
    }

    /// The address of the last call's result (its length is what the call returned).
    #[wasm_bindgen(skip_typescript)]
    pub fn output() -> usize {
        let out = take(&OUTPUT);
        let address = out.as_ptr().addr();
        set(&OUTPUT, out);
        address
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn validate(format: usize, payload: usize, options: usize) -> usize {
        run([format, payload, options, 0], |[f, p, o, _]| {
            api::validate(f, p, o)
        })
    }

    #[wasm_bindgen(skip_typescript, js_name = validateField)]
    pub fn validate_field(format: usize, pointer: usize, value: usize, options: usize) -> usize {
        run([format, pointer, value, options], |[f, p, v, o]| {
            api::validate_field(f, p, v, o)
        })
    }

    // Not in the per-vendor modules (`--cfg contactkit_format`, scripts/build-wasm.sh): a
    // form's checks need no batch, the servers' batches take `contactkit` or `contactkit/forms`.
    #[cfg(not(contactkit_format))]
    #[wasm_bindgen(skip_typescript, js_name = validateMany)]
    pub fn validate_many(format: usize, records: usize, options: usize) -> usize {
        run([format, records, options, 0], |[f, r, o, _]| {
            api::validate_many(f, r, o)
        })
    }

    #[cfg(feature = "convert")]
    #[wasm_bindgen(skip_typescript)]
    pub fn convert(from: usize, to: usize, payload: usize, options: usize) -> usize {
        run([from, to, payload, options], |[f, t, p, o]| {
            api::convert(f, t, p, o)
        })
    }

    #[cfg(feature = "convert")]
    #[wasm_bindgen(skip_typescript, js_name = convertMany)]
    pub fn convert_many(from: usize, to: usize, records: usize, options: usize) -> usize {
        run([from, to, records, options], |[f, t, r, o]| {
            api::convert_many(f, t, r, o)
        })
    }

    #[cfg(feature = "convert")]
    #[wasm_bindgen(skip_typescript)]
    pub fn preview(format: usize, payload: usize, options: usize) -> usize {
        run([format, payload, options, 0], |[f, p, o, _]| {
            api::preview(f, p, o)
        })
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn schema(format: usize) -> usize {
        run([format, 0, 0, 0], |[f, ..]| api::schema(f))
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn formats() -> usize {
        run([0; 4], |_| Ok(api::formats()))
    }

    #[wasm_bindgen(skip_typescript, js_name = formFields)]
    pub fn form_fields(format: usize) -> usize {
        run([format, 0, 0, 0], |[f, ..]| api::form_fields(f))
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn version() -> usize {
        run([0; 4], |_| Ok(api::version().to_owned()))
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
