//! `--input-encoding base64-lines`: every input line is the Base64 (RFC 4648 §4, the standard
//! alphabet, with padding) of one NDJSON line, without its line feed.
//!
//! Engines that pipe text (Spark's `RDD.pipe` in Python writes each element as UTF-8) cannot
//! carry bytes that are not UTF-8, and Hadoop's default line reader also ends lines at a bare
//! carriage return. Encoded this way, the exact bytes of every line arrive unchanged, and a
//! distributed run reads what a single-machine run reads (docs/SCALE-OUT.md).
//!
//! [`Base64Lines`] decodes the stream back into the NDJSON it encodes, line for line, and the
//! record reader reads that as usual. It is strict: a byte outside the alphabet, a line whose
//! length is not a multiple of 4, misplaced or non-canonical padding, or a line that decodes to
//! a line feed (it would become two lines) fails the input as a whole: that is a fault of the
//! engine's job, never of a record, and must not pass for data. Memory stays bounded: a line is
//! decoded as it streams by, never held whole.

use std::io::{self, BufRead, Read};

/// The value of each Base64 character, or [`INVALID`].
const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < alphabet.len() {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table
};

const INVALID: u8 = 0xFF;

/// Decodes a stream of Base64 lines into the lines they encode.
pub(crate) struct Base64Lines<R> {
    inner: R,
    /// The characters of the current 4-character group.
    group: [u8; 4],
    group_len: usize,
    /// The current line ended its data with padding: only its line feed may follow.
    padded: bool,
    /// Some byte of the current line has been read.
    open: bool,
    /// The number of the current line (from 1), for messages.
    line: u64,
    /// Decoded bytes not yet handed out.
    out: Vec<u8>,
    pos: usize,
    ended: bool,
}

impl<R: BufRead> Base64Lines<R> {
    pub(crate) fn new(inner: R) -> Self {
        Self {
            inner,
            group: [0; 4],
            group_len: 0,
            padded: false,
            open: false,
            line: 1,
            out: Vec::new(),
            pos: 0,
            ended: false,
        }
    }

    fn error(&self, what: &str) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "line {} of the --input-encoding base64-lines input {what}",
                self.line
            ),
        )
    }

    /// Decodes the full group into `out`.
    fn decode_group(&mut self) -> io::Result<()> {
        let [a, b, c, d] = self.group;
        let pads = match (c, d) {
            (b'=', b'=') => 2,
            (_, b'=') => 1,
            _ => 0,
        };
        let value = |ch: u8| DECODE.get(usize::from(ch)).copied().unwrap_or(INVALID);
        let (a, b) = (value(a), value(b));
        let c = if pads == 2 { 0 } else { value(c) };
        let d = if pads >= 1 { 0 } else { value(d) };
        if [a, b, c, d].contains(&INVALID) {
            return Err(self.error("is not Base64 (a character outside the alphabet)"));
        }
        let bytes = [(a << 2) | (b >> 4), (b << 4) | (c >> 2), (c << 6) | d];
        let keep = 3 - pads;
        // Canonical encoding only: the bits after the last kept byte are zero.
        let spare = match pads {
            2 => b & 0x0F,
            1 => c & 0x03,
            _ => 0,
        };
        if spare != 0 {
            return Err(self.error("is not canonical Base64 (non-zero bits before the padding)"));
        }
        let decoded = bytes.get(..keep).unwrap_or_default();
        if decoded.contains(&b'\n') {
            return Err(self.error(
                "decodes to a line feed: each Base64 line must encode one line without its line feed",
            ));
        }
        self.out.extend_from_slice(decoded);
        self.padded = pads > 0;
        self.group_len = 0;
        Ok(())
    }

    /// Ends the current line.
    fn end_line(&mut self) -> io::Result<()> {
        if self.group_len != 0 {
            return Err(self.error("is not Base64 (its length is not a multiple of 4)"));
        }
        self.out.push(b'\n');
        self.padded = false;
        self.open = false;
        self.line += 1;
        Ok(())
    }

    /// Decodes the next buffered bytes into `out`.
    fn decode_more(&mut self) -> io::Result<()> {
        let buf = loop {
            match self.inner.fill_buf() {
                Ok(buf) => break buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        if buf.is_empty() {
            self.ended = true;
            // A last line without a line feed is a line all the same.
            return if self.open { self.end_line() } else { Ok(()) };
        }
        let (text, newline) = match memchr::memchr(b'\n', buf) {
            Some(i) => (buf.get(..i).unwrap_or_default(), true),
            None => (buf, false),
        };
        let text = text.to_vec();
        self.inner.consume(text.len() + usize::from(newline));
        self.out.reserve(text.len() / 4 * 3 + 4);
        for ch in text {
            self.open = true;
            if self.padded {
                return Err(self.error("has data after its padding"));
            }
            if let Some(slot) = self.group.get_mut(self.group_len) {
                *slot = ch;
            }
            self.group_len += 1;
            if self.group_len == 4 {
                self.decode_group()?;
            } else if ch == b'=' && self.group_len < 3 {
                return Err(self.error("is not Base64 (padding too early in a group)"));
            }
        }
        if newline {
            self.end_line()?;
        }
        Ok(())
    }
}

impl<R: BufRead> Read for Base64Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            if self.ended {
                return Ok(0);
            }
            self.out.clear();
            self.pos = 0;
            self.decode_more()?;
        }
        let ready = self.out.get(self.pos..).unwrap_or_default();
        let n = ready.len().min(buf.len());
        buf.get_mut(..n)
            .unwrap_or_default()
            .copy_from_slice(ready.get(..n).unwrap_or_default());
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(input: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        // A tiny buffer, so that groups and lines straddle refills.
        let reader = io::BufReader::with_capacity(3, input);
        Base64Lines::new(reader).read_to_end(&mut out)?;
        Ok(out)
    }

    /// An independent encoder (the `base64` crate) as the oracle.
    fn encode(bytes: &[u8]) -> String {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    #[test]
    fn lines_decode_to_the_exact_bytes_they_encode() {
        let lines: [&[u8]; 7] = [
            b"{\"firstName\":\"Ada\"}",
            b"",
            b"\xEF\xBB\xBF",
            b"{\"a\":\"\xFF\"}\r",
            b"{\"a\":1,\r\"b\":2}",
            b"x",
            b"xy",
        ];
        let input: String = lines.iter().map(|l| encode(l) + "\n").collect();
        let want: Vec<u8> = lines.iter().flat_map(|l| [*l, b"\n"].concat()).collect();
        assert_eq!(decode(input.as_bytes()).expect("decodes"), want);
        // Without the last line feed, the last line is still a line.
        let trimmed = input.trim_end_matches('\n');
        assert_eq!(decode(trimmed.as_bytes()).expect("decodes"), want);
        assert_eq!(decode(b"").expect("empty"), b"");
        assert_eq!(decode(b"\n\n").expect("blank lines"), b"\n\n");
    }

    #[test]
    fn anything_but_canonical_base64_fails_the_input_with_its_line() {
        for (input, what) in [
            (
                &b"e30=\ne30\n"[..],
                "line 2 of the --input-encoding base64-lines input is not Base64 (its length",
            ),
            (b"e3 0=\n", "outside the alphabet"),
            (b"e30=\r\n", "data after its padding"),
            (b"e30\r\n", "outside the alphabet"),
            (b"e30=e30=\n", "data after its padding"),
            (b"e===\n", "padding too early"),
            (b"e31=\n", "non-zero bits"),
            (b"Cg==\n", "decodes to a line feed"),
            (b"e30", "its length is not a multiple of 4"),
        ] {
            let error = decode(input).expect_err("must fail");
            assert_eq!(error.kind(), io::ErrorKind::InvalidData);
            assert!(error.to_string().contains(what), "{input:?}: {error}");
        }
    }
}
