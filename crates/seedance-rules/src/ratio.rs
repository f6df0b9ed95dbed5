//! Exact non-negative rationals for prices: rates such as 19/2 credits a second,
//! markups such as 3/2, and the USD value of a credit. No floating point.

use std::fmt;

/// An exact non-negative rational number, always in lowest terms.
///
/// ```
/// use seedance_rules::Ratio;
/// let rate: Ratio = "9.5".parse().unwrap();
/// assert_eq!(rate, Ratio::new(19, 2).unwrap());
/// assert_eq!(rate.to_string(), "19/2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: u128,
    den: u128,
}

/// The most a numerator or denominator of a parsed rational may be. Keeping
/// them small keeps every product of a quote far from overflow.
const LIMIT: u128 = 1_000_000_000_000_000_000;

impl Ratio {
    /// One.
    pub const ONE: Ratio = Ratio { num: 1, den: 1 };

    /// `num / den` in lowest terms, or `None` when `den` is zero.
    pub const fn new(num: u128, den: u128) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den);
        Some(Ratio {
            num: num / g,
            den: den / g,
        })
    }

    /// A whole number.
    pub const fn int(n: u128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// The numerator (lowest terms).
    pub const fn numer(self) -> u128 {
        self.num
    }

    /// The denominator (lowest terms).
    pub const fn denom(self) -> u128 {
        self.den
    }

    /// The product, or `None` on overflow.
    pub fn checked_mul(self, other: Ratio) -> Option<Ratio> {
        // Cross-reduce first so that the products stay as small as they can.
        let g1 = gcd(self.num, other.den).max(1);
        let g2 = gcd(other.num, self.den).max(1);
        let num = (self.num / g1).checked_mul(other.num / g2)?;
        let den = (self.den / g2).checked_mul(other.den / g1)?;
        Ratio::new(num, den)
    }

    /// The least integer not below this number.
    pub fn ceil(self) -> u128 {
        self.num.div_ceil(self.den)
    }

    /// Whether this is a whole number.
    pub fn is_integer(self) -> bool {
        self.den == 1
    }

    /// The exact decimal expansion with at least `min_decimals` decimals, or
    /// `None` when the expansion does not terminate (a denominator with a prime
    /// factor other than 2 and 5) or needs more than 38 decimals (10^38 is
    /// the largest power of ten in 128 bits; a price book's rates need 18 at
    /// most). [`Usd`](crate::Usd) shows such an amount as its fraction.
    pub fn to_decimal(self, min_decimals: usize) -> Option<String> {
        let mut out = String::new();
        self.push_decimal_text(&mut out, min_decimals)
            .then_some(out)
    }

    /// [`Ratio::to_decimal`], appended to `out`: `false`, with nothing
    /// appended, when the expansion does not terminate.
    pub(crate) fn push_decimal_text(self, out: &mut String, min_decimals: usize) -> bool {
        // The usual amount (cents: a denominator dividing 100), in 64 bits.
        let Some((int, frac, decimals)) = self
            .small_decimal(min_decimals)
            .or_else(|| self.decimal_parts(min_decimals))
        else {
            return false;
        };
        push_decimal(out, int, 0);
        if decimals > 0 {
            out.push('.');
            push_decimal(out, frac, decimals);
        }
        true
    }

    /// The integer part, the fraction's digits and their number, when the
    /// denominator divides 10^k for some k of at most 18 and everything fits
    /// in 64 bits; `None` otherwise ([`Ratio::decimal_parts`] then decides).
    fn small_decimal(self, min_decimals: usize) -> Option<(u128, u128, usize)> {
        let num = u64::try_from(self.num).ok()?;
        let den = u64::try_from(self.den).ok()?;
        let (mut scale, mut decimals) = (1u64, 0usize);
        while scale.checked_rem(den)? != 0 || decimals < min_decimals {
            if decimals == 18 {
                return None;
            }
            scale *= 10;
            decimals += 1;
        }
        let scaled = num.checked_mul(scale / den)?;
        Some((
            u128::from(scaled / scale),
            u128::from(scaled % scale),
            decimals,
        ))
    }

    /// [`Ratio::small_decimal`] in general, in 128 bits: `None` when the
    /// expansion does not terminate.
    fn decimal_parts(self, min_decimals: usize) -> Option<(u128, u128, usize)> {
        let mut d = self.den;
        // den = 2^a 5^b; the number of decimals is max(a, b).
        let (mut twos, mut fives) = (0usize, 0usize);
        while d % 2 == 0 {
            d /= 2;
            twos += 1;
        }
        loop {
            let (q, r) = div_rem(d, 5);
            if r != 0 {
                break;
            }
            d = q;
            fives += 1;
        }
        if d != 1 {
            return None;
        }
        let decimals = twos.max(fives).max(min_decimals);
        let scale = 10u128.checked_pow(u32::try_from(decimals).ok()?)?;
        // The whole part first: `num × scale` can pass 128 bits where the
        // fraction's digits (below `scale`) do not. `den` divides `scale`.
        let (int, rest) = div_rem(self.num, self.den);
        let frac = rest.checked_mul(scale / self.den)?;
        Some((int, frac, decimals))
    }
}

/// Appends `n` in decimal, zero-padded to at least `width` digits. (std's
/// `u128` formatting is a kilobyte and a half of WebAssembly more.)
pub(crate) fn push_decimal(out: &mut String, n: u128, width: usize) {
    // Digits in 128 bits only while the number needs them: a `u128`
    // division is a library routine in WebAssembly, a `u64` one an
    // instruction. Above `u64`, the number is written as its part above
    // 10^19 (at most 20 digits, so a `u64` again after one more split)
    // and 19 more digits.
    const TEN_19: u128 = 10_000_000_000_000_000_000;
    match u64::try_from(n) {
        Ok(n) => push_u64(out, n, width),
        Err(_) => {
            push_decimal(out, n / TEN_19, width.saturating_sub(19));
            push_u64(out, (n % TEN_19) as u64, 19);
        }
    }
}

/// [`push_decimal`] for a `u64`.
fn push_u64(out: &mut String, mut n: u64, width: usize) {
    // u64::MAX has 20 digits, written from the end.
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    while at > 0 {
        at -= 1;
        if let Some(slot) = digits.get_mut(at) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for _ in digits.len() - at..width {
        out.push('0');
    }
    for &d in digits.get(at..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// `(n / d, n % d)`, in 64 bits when both fit (see `push_decimal`).
fn div_rem(n: u128, d: u128) -> (u128, u128) {
    match (u64::try_from(n), u64::try_from(d)) {
        (Ok(n), Ok(d)) if d != 0 => (u128::from(n / d), u128::from(n % d)),
        _ => (n / d, n % d),
    }
}

const fn gcd(mut a: u128, mut b: u128) -> u128 {
    // In 64 bits when both fit (the usual case): see `push_decimal`.
    if a <= u64::MAX as u128 && b <= u64::MAX as u128 {
        let (mut a, mut b) = (a as u64, b as u64);
        while b != 0 {
            let t = a % b;
            a = b;
            b = t;
        }
        return if a == 0 { 1 } else { a as u128 };
    }
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    if a == 0 {
        1
    } else {
        a
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.push_text(&mut out);
        f.write_str(&out)
    }
}

impl Ratio {
    /// Appends the `Display` text: `19/2`, or `3` for a whole number.
    pub(crate) fn push_text(self, out: &mut String) {
        push_decimal(out, self.num, 0);
        if self.den != 1 {
            out.push('/');
            push_decimal(out, self.den, 0);
        }
    }
}

/// By value: `1/3 < 1/2`, `19/2 == 9.5`. Exact for any terms (compared by
/// their continued fractions, so no product can overflow).
impl Ord for Ratio {
    fn cmp(&self, other: &Ratio) -> std::cmp::Ordering {
        use std::cmp::Ordering::{Equal, Greater, Less};
        // a/b against c/d: their whole parts, then, when those are equal, the
        // remainders r/b against s/d, which compare as d/s against b/r.
        let (mut a, mut b, mut c, mut d) = (self.num, self.den, other.num, other.den);
        let mut flipped = false;
        let order = loop {
            if b == 0 || d == 0 {
                // Not a `Ratio` (its denominator is never zero); kept total.
                break b.cmp(&d).reverse();
            }
            let (q, r, p, s) = (a / b, a % b, c / d, c % d);
            if q != p {
                break q.cmp(&p);
            }
            match (r, s) {
                (0, 0) => break Equal,
                (0, _) => break Less,
                (_, 0) => break Greater,
                _ => {
                    (a, b, c, d) = (b, r, d, s);
                    flipped = !flipped;
                }
            }
        };
        if flipped {
            order.reverse()
        } else {
            order
        }
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Why a rational could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseRatioError(&'static str);

impl fmt::Display for ParseRatioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for ParseRatioError {}

impl crate::message::Piece for Ratio {
    fn put(&self, out: &mut String) {
        self.push_text(out);
    }
}

impl crate::message::Piece for ParseRatioError {
    fn put(&self, out: &mut String) {
        out.push_str(self.0);
    }
}

impl std::str::FromStr for Ratio {
    type Err = ParseRatioError;

    /// Reads `"19/2"`, `"9.5"` or `"12"`: digits only, no sign, no exponent.
    fn from_str(s: &str) -> Result<Ratio, ParseRatioError> {
        let digits = |t: &str| -> Result<u128, ParseRatioError> {
            if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ParseRatioError(
                    "expected digits, a decimal such as `9.5` or a fraction such as `19/2`",
                ));
            }
            // All ASCII digits (checked above), read with checked arithmetic.
            let n = t.bytes().try_fold(0u128, |n, b| {
                n.checked_mul(10)?.checked_add(u128::from(b - b'0'))
            });
            match n {
                Some(n) if n <= LIMIT => Ok(n),
                _ => Err(ParseRatioError("number too large (at most 10^18)")),
            }
        };
        if let Some((n, d)) = s.split_once('/') {
            let (n, d) = (digits(n)?, digits(d)?);
            return Ratio::new(n, d).ok_or(ParseRatioError("denominator is zero"));
        }
        if let Some((i, f)) = s.split_once('.') {
            if f.len() > 18 {
                return Err(ParseRatioError("at most 18 decimal places"));
            }
            let (whole, frac) = (digits(i)?, digits(f)?);
            let scale = 10u128.pow(f.len() as u32);
            // Held to the limit in lowest terms, where a fraction's terms
            // are held as written: a decimal's written terms are its digits
            // over 10^k, which pass the limit at 18 decimals (10^36 at most
            // before reducing: no overflow). So a decimal and the
            // fraction it is are the same to the reader (`100000000000000000.50`
            // is 200000000000000001/2, which a book writes back so), and
            // `999999999999999999.999999999999999999`, (10^36 - 1) / 10^18,
            // which a quote's arithmetic should not meet, is refused.
            return Ratio::new(whole * scale + frac, scale)
                .filter(|r| r.num <= LIMIT)
                .ok_or(ParseRatioError("at most 18 digits"));
        }
        Ok(Ratio::int(digits(s)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_are_ordered_by_value() {
        use std::cmp::Ordering;
        // Every pair of small terms, against the cross products (exact here).
        let all: Vec<Ratio> = (0..=24u128)
            .flat_map(|n| (1..=24u128).map(move |d| Ratio::new(n, d).unwrap()))
            .collect();
        for &x in &all {
            for &y in &all {
                let want = (x.numer() * y.denom()).cmp(&(y.numer() * x.denom()));
                assert_eq!(x.cmp(&y), want, "{x} against {y}");
                assert_eq!(x.cmp(&y) == Ordering::Equal, x == y, "{x} against {y}");
            }
        }
        // Terms whose cross products leave 128 bits.
        let max = u128::MAX;
        let big = |n: u128, d: u128| Ratio::new(n, d).unwrap();
        // 1 - 1/max against 1 - 1/(max - 1), and 1 + 1/(max - 1) against 1 + 1/(max - 2).
        assert!(big(max - 1, max) > big(max - 2, max - 1));
        assert!(big(max, max - 1) < big(max - 1, max - 2));
        assert_eq!(big(max, 1).cmp(&big(max, 1)), Ordering::Equal);
        assert!(big(1, max) < big(1, max - 1));
        assert!(big(max, 3) > big(max - 1, 3));
        assert_eq!(
            "9.5".parse::<Ratio>().unwrap().cmp(&big(19, 2)),
            Ordering::Equal
        );
    }

    #[test]
    fn push_decimal_is_std_formatting() {
        let mut n = 1u128;
        for v in [
            0,
            7,
            10,
            99,
            1_000_000_007,
            u128::from(u64::MAX),
            u128::from(u64::MAX) + 1,
            100_000_000_000_000_000_005,
            u128::MAX,
        ] {
            for width in [0, 1, 2, 5, 25, 40, 45] {
                let mut out = String::from("x");
                push_decimal(&mut out, v, width);
                assert_eq!(out, format!("x{v:0width$}"));
            }
        }
        while let Some(m) = n.checked_mul(3) {
            let mut out = String::new();
            push_decimal(&mut out, m - 1, 0);
            assert_eq!(out, (m - 1).to_string());
            n = m;
        }
    }

    #[test]
    fn small_decimals_are_the_general_expansion() {
        let dens = [
            1,
            2,
            3,
            4,
            5,
            7,
            8,
            10,
            16,
            20,
            25,
            40,
            50,
            64,
            100,
            125,
            1000,
            1 << 20,
        ];
        for num in (0..300).chain([u64::MAX as u128 / 3, 1 << 63, u64::MAX as u128]) {
            for den in dens {
                let Some(r) = Ratio::new(num, den) else {
                    continue;
                };
                for min in 0..4 {
                    if let Some(fast) = r.small_decimal(min) {
                        assert_eq!(
                            Some(fast),
                            r.decimal_parts(min),
                            "{num}/{den} with {min} decimals"
                        );
                    }
                }
            }
        }
        assert_eq!(
            Ratio::new(123, 50).unwrap().small_decimal(2),
            Some((2, 46, 2))
        );
        assert_eq!(
            Ratio::new(123, 50).unwrap().to_decimal(2).as_deref(),
            Some("2.46")
        );
    }

    #[test]
    fn digits_up_to_the_limit() {
        assert_eq!(
            "1000000000000000000".parse::<Ratio>(),
            Ok(Ratio::int(LIMIT))
        );
        for too_large in [
            "1000000000000000001",
            "340282366920938463463374607431768211456",
        ] {
            assert!(too_large.parse::<Ratio>().is_err(), "{too_large}");
        }
        // Zeros after the last decimal digit do not count.
        for (text, n, d) in [
            ("1.50", 3, 2),
            ("1.0", 1, 1),
            ("100000000000000000.00", LIMIT / 10, 1),
        ] {
            assert_eq!(
                text.parse::<Ratio>(),
                Ok(Ratio::new(n, d).unwrap()),
                "{text}"
            );
        }
        for bad in ["1.", ".5", "1.0x", "1.x0", "1000000000000000000.1"] {
            assert!(bad.parse::<Ratio>().is_err(), "{bad}");
        }
        assert_eq!(Ratio::new(19, 2).unwrap().to_string(), "19/2");
        assert_eq!(
            Ratio::new(1, 8).unwrap().to_decimal(2).as_deref(),
            Some("0.125")
        );
        assert_eq!(Ratio::int(3).to_decimal(0).as_deref(), Some("3"));
    }
}
