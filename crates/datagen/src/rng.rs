//! A small, fast, deterministic pseudo-random number generator (SplitMix64).
//!
//! The output depends only on the seed, never on the platform, so a given `--seed` produces
//! byte-identical data everywhere. It is not cryptographically secure, and need not be.

/// The SplitMix64 generator (Steele, Lea and Flood, 2014), the seeding generator of
/// `xoshiro`. It passes BigCrush, has a full 2^64 period and needs one `u64` of state.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 output function: a bijective mix of 64 bits.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// A generator for one independent stream, derived from a base seed, a record index and a
    /// stream number. Records can so be generated in any order (or in parallel) with the same
    /// result, and two streams of the same record do not influence each other.
    pub fn for_stream(seed: u64, index: u64, stream: u64) -> Self {
        let a = mix64(seed ^ GOLDEN_GAMMA);
        let b = mix64(a ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        Self::new(mix64(b ^ stream.wrapping_mul(0x8CB9_2BA7_2F3D_8DD7)))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix64(self.state)
    }

    /// A uniform integer in `0..n`. `n` must not be zero.
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0, "Rng::below(0)");
        // Lemire's multiply-and-reject method: unbiased, and rarely loops.
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        }
    }

    /// A uniform index into a collection of `len` items. `len` must not be zero.
    pub fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// A uniform integer in the inclusive range `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        assert!(lo <= hi, "Rng::range: empty range");
        let span = hi.wrapping_sub(lo) as u64;
        if span == u64::MAX {
            return self.next_u64() as i64;
        }
        lo.wrapping_add(self.below(span + 1) as i64)
    }

    /// A uniform float in `[0, 1)` with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// `true` with probability `p` (clamped to `[0, 1]`).
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A uniformly chosen element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// A copy of a uniformly chosen element of a non-empty slice.
    pub fn choose<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.index(items.len())]
    }

    /// An element of a non-empty slice of `(weight, item)` pairs, chosen with probability
    /// proportional to its weight.
    pub fn weighted<'a, T>(&mut self, items: &'a [(u32, T)]) -> &'a T {
        let total: u64 = items.iter().map(|(w, _)| u64::from(*w)).sum();
        let mut roll = self.below(total);
        for (w, item) in items {
            let w = u64::from(*w);
            if roll < w {
                return item;
            }
            roll -= w;
        }
        unreachable!("roll is below the total weight")
    }

    /// A string of `len` random lowercase hexadecimal digits.
    pub fn hex(&mut self, len: usize) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        (0..len).map(|_| char::from(HEX[self.index(16)])).collect()
    }

    /// A string of `len` random ASCII digits.
    pub fn digits(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// A random version-4 UUID in its lowercase 8-4-4-4-12 form.
    pub fn uuid_v4(&mut self) -> String {
        let hi = self.next_u64();
        let lo = self.next_u64();
        // Version 4 in the high nibble of octet 6; variant 10xx in octet 8.
        let hi = (hi & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
        let lo = (lo & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xFFFF,
            hi & 0xFFFF,
            lo >> 48,
            lo & 0xFFFF_FFFF_FFFF
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn splitmix64_reference_values() {
        // First outputs for seed 0 of the reference C implementation (Vigna, splitmix64.c).
        let mut rng = Rng::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = Rng::new(7);
        for n in [1, 2, 3, 10, 1000, u64::MAX] {
            for _ in 0..200 {
                assert!(rng.below(n) < n);
            }
        }
        for _ in 0..200 {
            let v = rng.range(-5, 5);
            assert!((-5..=5).contains(&v));
        }
    }

    #[test]
    fn uuid_v4_shape() {
        let mut rng = Rng::new(1);
        for _ in 0..100 {
            let u = rng.uuid_v4();
            let b = u.as_bytes();
            assert_eq!(u.len(), 36);
            assert_eq!([b[8], b[13], b[18], b[23]], [b'-'; 4]);
            assert_eq!(b[14], b'4');
            assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'));
            assert!(u
                .bytes()
                .all(|c| c == b'-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        }
    }

    #[test]
    fn streams_are_independent_of_order() {
        let a: Vec<u64> = (0..5)
            .map(|i| Rng::for_stream(42, i, 0).next_u64())
            .collect();
        let b: Vec<u64> = (0..5)
            .rev()
            .map(|i| Rng::for_stream(42, i, 0).next_u64())
            .collect();
        assert_eq!(a, b.into_iter().rev().collect::<Vec<_>>());
        assert_ne!(
            Rng::for_stream(42, 0, 0).next_u64(),
            Rng::for_stream(42, 0, 1).next_u64()
        );
        assert_ne!(
            Rng::for_stream(42, 0, 0).next_u64(),
            Rng::for_stream(43, 0, 0).next_u64()
        );
    }
}
