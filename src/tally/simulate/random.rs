//! Deterministic randomness: splitmix64 streams and a keyed permutation.

/// The splitmix64 finaliser.
pub(super) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// splitmix64: small, fast and well mixed; one per stream.
#[derive(Debug, Clone)]
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64, stream: &[u64]) -> Rng {
        let mut s = mix(seed ^ 0x7572_6E61_5349_4D55);
        for x in stream {
            s = mix(s ^ mix(x.wrapping_add(0x9E37_79B9_7F4A_7C15)));
        }
        Rng(s)
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub(super) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    pub(super) fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    pub(super) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// An index drawn with these weights (all ≥ 0, not all 0).
    pub(super) fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// `k` distinct indices drawn with these weights, most likely first.
    pub(super) fn weighted_distinct(&mut self, weights: &[f64], k: usize) -> Vec<usize> {
        let mut w = weights.to_vec();
        let mut out = Vec::with_capacity(k);
        for _ in 0..k.min(w.len()) {
            let i = self.weighted(&w);
            out.push(i);
            w[i] = 0.0;
        }
        out
    }
}

/// A keyed permutation of `0..size`: a four-round Feistel network on the
/// next even number of bits, walked until it lands inside.
#[derive(Debug, Clone)]
pub(super) struct Shuffle {
    pub(super) size: u64,
    pub(super) half: u32,
    pub(super) keys: [u64; 4],
}

impl Shuffle {
    pub(super) fn new(size: u64, key: u64) -> Shuffle {
        let bits = (64 - size.saturating_sub(1).leading_zeros()).max(2);
        let half = bits.div_ceil(2);
        let mut rng = Rng(key);
        Shuffle {
            size,
            half,
            keys: [rng.next(), rng.next(), rng.next(), rng.next()],
        }
    }

    pub(super) fn round(&self, x: u64) -> u64 {
        let mask = (1u64 << self.half) - 1;
        let (mut l, mut r) = (x >> self.half, x & mask);
        for k in self.keys {
            let f = mix(r ^ k) & mask;
            (l, r) = (r, l ^ f);
        }
        (l << self.half) | r
    }

    /// The image of `x` (which must be below `size`).
    pub(super) fn apply(&self, x: u64) -> u64 {
        let mut y = self.round(x);
        while y >= self.size {
            y = self.round(y);
        }
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_a_permutation() {
        for size in [1u64, 2, 3, 7, 1000, 4097] {
            let s = Shuffle::new(size, 42);
            let mut seen: Vec<u64> = (0..size).map(|x| s.apply(x)).collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..size).collect::<Vec<_>>(), "size {size}");
        }
    }
}
