//! The exact (Clopper–Pearson) one-sided upper confidence bound of a
//! binomial proportion, for the audit against paper: with `k` cards found
//! wrong among `n` checked, the keying error rate is below the bound with
//! the given confidence. The bound is the `p` at which the binomial CDF
//! `P(X ≤ k; n, p)` falls to `1 − confidence` (the beta quantile
//! `B(confidence; k + 1, n − k)`), found by bisection on the CDF.

/// `P(X ≤ k)` for `X ~ Binomial(n, p)`, summed in log space so that no term
/// underflows on its own (n in the millions stays exact to rounding).
pub fn binomial_cdf(k: u64, n: u64, p: f64) -> f64 {
    if k >= n || p <= 0.0 {
        return 1.0;
    }
    if p >= 1.0 {
        return 0.0;
    }
    let (lp, lq) = (p.ln(), (-p).ln_1p());
    let nf = n as f64;
    // ln C(n, i) by C(n, i + 1) = C(n, i) · (n − i) / (i + 1).
    let mut ln_choose = 0.0f64;
    let mut terms = Vec::with_capacity(usize::try_from(k).unwrap_or(0).saturating_add(1));
    for i in 0..=k {
        let fi = i as f64;
        if i > 0 {
            ln_choose += (nf - fi + 1.0).ln() - fi.ln();
        }
        terms.push(ln_choose + fi * lp + (nf - fi) * lq);
    }
    let max = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return 0.0;
    }
    let sum: f64 = terms.iter().map(|t| (t - max).exp()).sum();
    (max + sum.ln()).exp().min(1.0)
}

/// The one-sided upper bound at `confidence` (e.g. 0.95) of the rate
/// behind `k` events in `n` trials; `None` with no trials.
pub fn upper_bound(k: u64, n: u64, confidence: f64) -> Option<f64> {
    if n == 0 {
        return None;
    }
    if k >= n {
        return Some(1.0);
    }
    let alpha = 1.0 - confidence;
    // The CDF falls as p grows: keep cdf(lo) > alpha ≥ cdf(hi).
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if binomial_cdf(k, n, mid) > alpha {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() <= eps
    }

    #[test]
    fn the_cdf_agrees_with_direct_sums() {
        // n = 4, p = 0.5: 1, 4, 6, 4, 1 sixteenths.
        assert!(close(binomial_cdf(0, 4, 0.5), 1.0 / 16.0, 1e-15));
        assert!(close(binomial_cdf(1, 4, 0.5), 5.0 / 16.0, 1e-15));
        assert!(close(binomial_cdf(2, 4, 0.5), 11.0 / 16.0, 1e-15));
        assert_eq!(binomial_cdf(4, 4, 0.5), 1.0);
        // n = 10, p = 0.1, k = 1: 0.9^10 + 10 · 0.1 · 0.9^9.
        let direct = 0.9f64.powi(10) + 10.0 * 0.1 * 0.9f64.powi(9);
        assert!(close(binomial_cdf(1, 10, 0.1), direct, 1e-14));
        // Large n does not underflow: the mean sits at k.
        let mid = binomial_cdf(5_000, 10_000, 0.5);
        assert!(mid > 0.5 && mid < 0.51, "{mid}");
    }

    #[test]
    fn the_bound_has_closed_forms_at_the_ends() {
        // k = 0: (1 − p)^n = α, so p = 1 − α^(1/n): 0 of 50 → 5.8 %.
        let b = upper_bound(0, 50, 0.95).expect("bound");
        assert!(close(b, 1.0 - 0.05f64.powf(1.0 / 50.0), 1e-12), "{b}");
        assert!(close(b, 0.0582, 5e-5), "{b}");
        // k = n − 1: 1 − p^n = α, so p = (1 − α)^(1/n).
        let b = upper_bound(9, 10, 0.95).expect("bound");
        assert!(close(b, 0.95f64.powf(0.1), 1e-12), "{b}");
        assert_eq!(upper_bound(3, 3, 0.95), Some(1.0));
        assert_eq!(upper_bound(0, 0, 0.95), None);
    }

    #[test]
    fn the_bound_matches_published_values() {
        // Clopper–Pearson one-sided 95 % upper limits computed apart from
        // this code (Python: exact sums with math.comb, bisected): 2 of 100
        // is the 6.2 % of the usual tables.
        for (k, n, want) in [(2, 100, 0.061619), (1, 20, 0.216106), (5, 50, 0.198833)] {
            let b = upper_bound(k, n, 0.95).expect("bound");
            assert!(close(b, want, 1e-6), "{k} of {n}: {b}, expected {want}");
            assert!(close(binomial_cdf(k, n, b), 0.05, 1e-9));
        }
    }
}
