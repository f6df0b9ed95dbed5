//! The rule tables compiled, when the crate is built, into the form the engine
//! reads on the hot path. Nothing here knows an endpoint: every plan is
//! computed by `const fn`s from an endpoint's tables, so the tables stay the
//! one place that states a rule.
//!
//! What the compiled form adds:
//!
//! - every string a field's rules, defaults, conditions and price rows name is
//!   a *word* of the field, found by its length and two 8-byte keys, so that a
//!   value is compared with the tables' strings once, and conditions, allowed
//!   lists and price rows then compare small integers (symbols);
//! - each rule's check, decoded into a test that says when the rule surely
//!   passes; anything else goes to the engine's general code, which writes
//!   the violation or warning exactly as before;
//! - the built-in price rows as masks over a word of per-field codes;
//! - all of it as constants of a type generic over the endpoint ([`At`]),
//!   whose readers have their loops written out: the compiler specializes
//!   them to each endpoint's tables, which is per-endpoint code generated
//!   from the tables without a code generator.
//!
//! Native builds only: the WebAssembly build, where the npm package's size
//! counts more, reads the tables as they stand (`engine::interpret`), and a
//! test holds the two engines to the same report on every conformance case.

use std::borrow::Cow;

use crate::endpoint::Endpoint;
use crate::price::{Amount, MatchValue, PriceRow};
use crate::spec::{str_eq, Check, Cond, DefaultValue, EndpointSpec, UrlPolicy, MAX_FIELDS};
use crate::tables;
use crate::value::Fields;

/// No symbol: absent, not a string, or a string no table names.
pub(crate) const NONE: u8 = u8::MAX;

/// The symbol of each field, indexed by field (`& 15`, no bounds check).
pub(crate) type Syms = [u8; 16];
const _: () = assert!(
    MAX_FIELDS <= 14,
    "the rules about present fields are found by two 7-bit tables"
);

const MAX_WORDS: usize = 48;
const MAX_GATES: usize = 4;
const MAX_WHEN: usize = 3;
const MAX_ROWS: usize = 16;
const MAX_PAIRS: usize = 4;
const MAX_INTS: usize = 8;
const MAX_SYM_FIELDS: usize = 8;
const MAX_CHECKS: usize = 8;
const MAX_INT_FIELDS: usize = 2;
/// The integers `0..SMALL_INTS` have their rules looked up ([`IntPass`]).
const SMALL_INTS: usize = 64;

/// A string of the tables and its key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    head: u64,
    tail: u64,
    text: &'static str,
}

const NO_WORD: Word = Word {
    head: 0,
    tail: 0,
    text: "",
};

impl Word {
    const fn new(text: &'static str) -> Word {
        let (head, tail) = const_key(text.as_bytes());
        Word { head, tail, text }
    }
}

/// The index of `s` among `words`, or `NONE`. Two strings of at most 16
/// bytes with the same length and keys are the same string.
#[inline(always)]
fn lookup(words: &[Word], s: &str) -> u8 {
    let n = s.len();
    if n > 16 {
        return lookup_long(words, s);
    }
    let (head, tail) = key(s.as_bytes());
    for (i, w) in words.iter().enumerate() {
        if w.text.len() == n && w.head == head && w.tail == tail {
            return i as u8;
        }
    }
    NONE
}

/// [`lookup`] for a string of more than 16 bytes, which its keys do not
/// determine.
#[inline(never)]
fn lookup_long(words: &[Word], s: &str) -> u8 {
    match words.iter().position(|w| w.text == s) {
        Some(i) => i as u8,
        None => NONE,
    }
}

/// The key of a string: its first and last 8 bytes (4 bytes each below 8;
/// below 4, its bytes).
#[inline(always)]
pub(crate) fn key(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    if n >= 8 {
        (load8(b, 0), load8(b, n - 8))
    } else if n >= 4 {
        (load4(b, 0), load4(b, n - 4))
    } else if n > 0 {
        let (a, m, z) = (b[0], b[n / 2], b[n - 1]);
        (u64::from(a) | u64::from(m) << 8 | u64::from(z) << 16, 0)
    } else {
        (0, 0)
    }
}

#[inline(always)]
fn load8(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 8) {
        Some(&[a0, a1, a2, a3, a4, a5, a6, a7]) => {
            u64::from_le_bytes([a0, a1, a2, a3, a4, a5, a6, a7])
        }
        _ => 0,
    }
}

#[inline(always)]
fn load4(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 4) {
        Some(&[a0, a1, a2, a3]) => u64::from(u32::from_le_bytes([a0, a1, a2, a3])),
        _ => 0,
    }
}

/// [`key`], at compile time.
const fn const_key(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    if n >= 8 {
        (const_le(b, 0, 8), const_le(b, n - 8, 8))
    } else if n >= 4 {
        (const_le(b, 0, 4), const_le(b, n - 4, 4))
    } else if n > 0 {
        (
            b[0] as u64 | (b[n / 2] as u64) << 8 | (b[n - 1] as u64) << 16,
            0,
        )
    } else {
        (0, 0)
    }
}

const fn const_le(b: &[u8], at: usize, len: usize) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < len {
        v |= (b[at + i] as u64) << (8 * i);
        i += 1;
    }
    v
}

/// A condition of a rule or a default, on symbols.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Test {
    /// The field holds the word with this symbol.
    Is(u8, u8),
    /// The field does not hold the word with this symbol.
    IsNot(u8, u8),
    /// The field is absent.
    Absent(u8),
}

/// All of a rule's (or a default's) conditions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct When {
    tests: [Test; MAX_WHEN],
    len: u8,
    /// The fields the conditions are about: when one of them failed, nothing
    /// can be said and the rule is left out.
    fields: u32,
}

impl When {
    const ALWAYS: When = When {
        tests: [Test::Absent(0); MAX_WHEN],
        len: 0,
        fields: 0,
    };

    /// Whether every condition holds (`false` too when one is about a field
    /// that failed), as `engine::holds` says `Some(true)`.
    #[inline(always)]
    pub(crate) fn holds(&self, present: u32, failed: u32, syms: &Syms) -> bool {
        if self.fields & failed != 0 {
            return false;
        }
        let n = usize::from(self.len).min(MAX_WHEN);
        self.tests[..n].iter().all(|t| match *t {
            Test::Is(f, s) => syms[usize::from(f) & 15] == s,
            Test::IsNot(f, s) => syms[usize::from(f) & 15] != s,
            Test::Absent(f) => present & (1 << f) == 0,
        })
    }
}

/// A rule's check, decoded: when it surely passes without a word.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Op {
    /// Present: passes.
    Required,
    /// A string that starts with a visible ASCII character passes.
    NotBlank,
    /// A string of `min_bytes..=max` bytes passes (a string has at most as
    /// many characters as bytes and at least a quarter as many).
    Chars { min_bytes: usize, max: usize },
    /// A string whose symbol is in the mask passes.
    OneOf(u32),
    /// An integer of the list passes.
    IntOneOf(&'static [i64]),
    /// An integer of the range passes.
    IntRange(i64, i64),
    /// An array of `min..=max` elements passes.
    Count { min: usize, max: usize },
    /// Passes unless the field holds the word `from` (then it is rewritten).
    Rewrite { from: u8 },
    /// A URL, or an array of URLs, that meets the policy passes.
    Url(UrlPolicy),
    /// The general code decides (forbidden and unused fields).
    General,
}

/// One rule, compiled. Its conditions are in the plan's gates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RulePlan {
    pub field: u8,
    /// The rule runs on a field that already failed (URLs: every bad
    /// element of an array is worth knowing).
    pub when_failed: bool,
    pub op: Op,
}

const NO_RULE: RulePlan = RulePlan {
    field: 0,
    when_failed: false,
    op: Op::General,
};

/// The state of a field a condition is about: its symbol (below 32), or one
/// of these.
const STATE_OTHER: usize = 32;
const STATE_ABSENT: usize = 33;

/// The rules whose conditions on one field hold, for each state of the field.
#[derive(Debug, Clone, Copy)]
struct Gate {
    field: u8,
    /// Bit `k` of `open[state]`: rule `k`'s conditions on the field hold.
    open: [u32; 34],
    /// The rules with a condition on the field, left out when it failed.
    on: u32,
}

impl Gate {
    /// The rules whose conditions on the field hold.
    #[inline(always)]
    fn open(&self, present: u32, failed: u32, syms: &Syms) -> u32 {
        let bit = 1u32 << (self.field & 15);
        if failed & bit != 0 {
            return !self.on;
        }
        let state = if present & bit == 0 {
            STATE_ABSENT
        } else {
            match syms[usize::from(self.field) & 15] {
                NONE => STATE_OTHER,
                s => usize::from(s) & 31,
            }
        };
        self.open[state]
    }
}

const NO_GATE: Gate = Gate {
    field: 0,
    open: [u32::MAX; 34],
    on: 0,
};

/// What the value checks of a field ask, all together.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// A string, not blank when `not_blank`, of `min_bytes..=max` bytes.
    Str {
        not_blank: bool,
        min_bytes: usize,
        max: usize,
    },
    /// An integer in `lo..=hi`, and of `list` when there is one.
    Int {
        lo: i64,
        hi: i64,
        list: Option<&'static [i64]>,
    },
    /// An array of `min..=max` elements.
    Count { min: usize, max: usize },
}

/// The rules without conditions that check a field's value (length, range,
/// count), checked at once: when the value meets them all, they all pass.
#[derive(Debug, Clone, Copy)]
struct ValueCheck {
    field: u8,
    rules: u32,
    expect: Expect,
}

impl Expect {
    /// Whether field `f`'s value meets the checks.
    #[inline(always)]
    fn met(&self, slots: &impl Fields, f: usize) -> bool {
        match *self {
            // No white space is a visible ASCII character.
            Expect::Str {
                not_blank,
                min_bytes,
                max,
            } => slots.str_at(f).is_some_and(|s| {
                (!not_blank || s.as_bytes().first().is_some_and(u8::is_ascii_graphic))
                    && min_bytes <= s.len()
                    && s.len() <= max
            }),
            Expect::Int { lo, hi, list } => slots
                .int_at(f)
                .is_some_and(|n| lo <= n && n <= hi && list.is_none_or(|l| l.contains(&n))),
            Expect::Count { min, max } => {
                slots.list_len_at(f).is_some_and(|n| min <= n && n <= max)
            }
        }
    }
}

/// The rules with conditions that check an integer field's value (the
/// durations a model allows), by value: `by_value[n]` are the rules the
/// value `n` surely passes, whatever their conditions say (when a rule's
/// check passes, the rule passes, whether it applies or not). One lookup
/// replaces a visit of each rule; larger values and other types go to the
/// rules themselves.
#[derive(Debug, Clone, Copy)]
struct IntPass {
    field: u8,
    by_value: [u32; SMALL_INTS],
}

const NO_INT_PASS: IntPass = IntPass {
    field: 0,
    by_value: [0; SMALL_INTS],
};

const NO_CHECK: ValueCheck = ValueCheck {
    field: 0,
    rules: 0,
    expect: Expect::Count { min: 1, max: 0 },
};

/// A field's default, compiled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DefaultPlan {
    pub value: DefaultValue,
    /// The default's symbol, for a string.
    pub sym: u8,
    /// The rules the default surely passes.
    pub pass: u32,
    pub when: When,
}

const NO_DEFAULT: DefaultPlan = DefaultPlan {
    value: DefaultValue::None,
    sym: NONE,
    pass: 0,
    when: When::ALWAYS,
};

/// What one byte of a price row's key says about a field, other than its
/// symbol.
#[derive(Debug, Clone, Copy)]
enum CodeKind {
    /// The index of the field's integer among the code's integers
    /// (`NONE - 1` for another integer).
    Int,
    /// The field's boolean, 0 or 1.
    Bool,
    /// Whether the field is present, 0 or 1.
    Present,
}

/// A byte of the price key that is not a symbol.
#[derive(Debug, Clone, Copy)]
struct Code {
    kind: CodeKind,
    field: u8,
    /// The byte of the key it takes.
    at: u8,
    /// The integers of an `Int` code: `ints[start..start + len]`.
    start: u8,
    len: u8,
}

impl Code {
    /// The code of the field's value; `ints` are the plan's integers.
    #[inline(always)]
    fn of(&self, ints: &[i64], slots: &impl Fields, present: u32) -> u8 {
        let f = usize::from(self.field);
        match self.kind {
            CodeKind::Int => match slots.int_at(f) {
                Some(i) => {
                    let (start, len) = (usize::from(self.start), usize::from(self.len));
                    match ints
                        .get(start..start + len)
                        .and_then(|ints| ints.iter().position(|&x| x == i))
                    {
                        Some(at) => at as u8,
                        None => NONE - 1,
                    }
                }
                None => NONE,
            },
            CodeKind::Bool => match slots.kind_at(f) {
                (3, b) => u8::from(b),
                _ => NONE,
            },
            CodeKind::Present => u8::from(present & (1 << (f & 15)) != 0),
        }
    }
}

const NO_CODE: Code = Code {
    kind: CodeKind::Present,
    field: 0,
    at: 0,
    start: 0,
    len: 0,
};

/// What a built-in price row charges, when it can be said in 64 bits.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RowAmount {
    /// A fixed number of credits, no markup, no multiplier.
    Fixed(u64),
    /// `ceil(num × seconds / den)`: a rate a second times the row's markup,
    /// no multiplier.
    PerSecond { num: u64, den: u64 },
    /// Anything else: the general arithmetic.
    General,
}

/// The built-in price rows, compiled. The request's key is its symbols
/// (byte `f` for field `f`), with the codes of the other conditions in the
/// bytes of fields no row asks the symbol of; row `r` matches when the key
/// `k` has `k & rows[r].0 == rows[r].1`.
#[derive(Debug, Clone, Copy)]
struct CompiledPrices {
    source: &'static [PriceRow],
    sym_fields: u32,
    codes: [Code; MAX_PAIRS],
    n_codes: usize,
    ints: [i64; MAX_INTS],
    n_ints: usize,
    rows: [(u128, u128); MAX_ROWS],
    low: bool,
    rows_low: [(u64, u64); MAX_ROWS],
    amounts: [RowAmount; MAX_ROWS],
}

/// A field that has words, and the rules its word decides.
#[derive(Debug, Clone, Copy)]
struct SymField {
    field: u8,
    /// The field's words: `words[start..start + len]`.
    start: u8,
    len: u8,
    /// The rules about the field that surely pass, by the field's symbol
    /// (`STATE_OTHER` for a string of no word, or a value of another type).
    pass: [u32; 33],
}

const NO_SYM_FIELD: SymField = SymField {
    field: 0,
    start: 0,
    len: 0,
    pass: [0; 33],
};

/// One endpoint's tables, compiled.
#[derive(Debug)]
pub(crate) struct Plan {
    pub spec: &'static EndpointSpec,
    words: &'static [Word],
    sym_fields: &'static [SymField],
    /// For each field, its index in `sym_fields`, or `NONE`.
    sym_field_of: [u8; 16],
    /// The rules about the fields present, by the presence of fields 0 to 6
    /// and of fields 7 to 13.
    about_low: [u32; 128],
    about_high: [u32; 128],
    /// The `Required` rules: the only ones that speak of an absent field.
    required: u32,
    gates: &'static [Gate],
}

/// [`Plan`] as the build computes it, in arrays of fixed size; the parts
/// used are copied into arrays of their own size (`plans!`), so that the
/// built library carries no padding.
#[derive(Debug, Clone, Copy)]
struct Compiled {
    spec: &'static EndpointSpec,
    names: [Word; MAX_FIELDS],
    n_fields: usize,
    words: [Word; MAX_WORDS],
    n_words: usize,
    sym_fields: [SymField; MAX_SYM_FIELDS],
    n_sym_fields: usize,
    sym_field_of: [u8; 16],
    rules: [RulePlan; 32],
    n_rules: usize,
    about_low: [u32; 128],
    about_high: [u32; 128],
    required: u32,
    gates: [Gate; MAX_GATES],
    n_gates: usize,
    checks: [ValueCheck; MAX_CHECKS],
    n_checks: usize,
    int_passes: [IntPass; MAX_INT_FIELDS],
    n_int_passes: usize,
    defaults: [DefaultPlan; MAX_FIELDS],
    default_fields: u32,
    prices: Option<CompiledPrices>,
}

/// The first `N` elements of `src`.
const fn take<T: Copy, const N: usize>(src: &[T], fill: T) -> [T; N] {
    let mut out = [fill; N];
    let mut i = 0;
    while i < N {
        out[i] = src[i];
        i += 1;
    }
    out
}

impl Plan {
    /// The rules that may speak of the request, given which fields are
    /// present: those about a present field but its `Required` ones (they
    /// pass), and the `Required` ones of absent fields.
    #[inline(always)]
    pub(crate) fn candidates(&self, present: u32) -> u32 {
        let about = self.about_low[(present & 0x7F) as usize]
            | self.about_high[((present >> 7) & 0x7F) as usize];
        about ^ self.required
    }

    /// The rules whose conditions hold (`engine::holds` says `Some(true)`).
    #[inline(always)]
    pub(crate) fn open(&self, present: u32, failed: u32, syms: &Syms) -> u32 {
        let mut rules = u32::MAX;
        for g in self.gates {
            rules &= g.open(present, failed, syms);
        }
        rules
    }

    /// The symbol of `s` among field `f`'s words.
    #[inline]
    pub(crate) fn sym(&self, f: usize, s: &str) -> u8 {
        match self.sym_fields.get(usize::from(self.sym_field_of[f & 15])) {
            Some(sf) => self.lookup(sf, s),
            None => NONE,
        }
    }

    #[inline(always)]
    fn lookup(&self, sf: &SymField, s: &str) -> u8 {
        let (start, len) = (usize::from(sf.start), usize::from(sf.len));
        match self.words.get(start..start + len) {
            Some(words) => lookup(words, s),
            None => NONE,
        }
    }

    /// The rules that the symbols of present fields say surely pass.
    #[inline]
    pub(crate) fn passing(&self, present: u32, syms: &Syms) -> u32 {
        let mut pass = 0;
        for sf in self.sym_fields {
            let f = usize::from(sf.field);
            if present & (1 << (f & 15)) != 0 {
                pass |= sf.pass[usize::from(syms[f & 15]).min(STATE_OTHER)];
            }
        }
        pass
    }
}

// ---- the compiled tables as the compiler's constants ------------------------

/// `$body` once for each index of the list, with `$i` that index: a loop
/// written out, so that each round reads the tables at a constant place.
macro_rules! unroll {
    ($i:ident in [$($n:literal)*] $body:block) => {{
        $({
            let $i: usize = $n;
            $body
        })*
    }};
}

/// Endpoint `Endpoint::ALL[E]`'s compiled tables as constants of a type.
///
/// [`Plan`]'s methods walk the tables in memory, the same code for every
/// endpoint. Those of `At::<E>` read them as constants, with their loops
/// written out (`unroll!`): each round the compiler keeps is specialized to
/// the endpoint (its fields, its rules, each field's words compared as
/// immediates, its price rows), and those beyond the tables' lengths fold
/// away. Same answers, by the same tables: the engine tests hold both to
/// the table interpreter.
pub(crate) struct At<const E: usize>;

impl<const E: usize> At<E> {
    const C: &'static Compiled = &COMPILED[E];

    /// Reads the symbol of every present field that has words into `syms`,
    /// and returns the rules those symbols say surely pass.
    #[inline(always)]
    pub(crate) fn read_syms(slots: &impl Fields, syms: &mut Syms) -> u32 {
        const { assert!(MAX_SYM_FIELDS == 8) };
        let c = Self::C;
        let present = slots.present();
        let mut pass = 0;
        unroll!(i in [0 1 2 3 4 5 6 7] {
            if i < c.n_sym_fields {
                let sf = &c.sym_fields[i];
                let f = usize::from(sf.field);
                if present & (1 << (f & 15)) != 0 {
                    let sym = match slots.str_at(f) {
                        Some(s) => Self::lookup(sf, s),
                        None => NONE,
                    };
                    syms[f & 15] = sym;
                    pass |= sf.pass[usize::from(sym).min(STATE_OTHER)];
                }
            }
        });
        pass
    }

    /// [`lookup`] among the words of `sf`, a field of these tables.
    #[inline(always)]
    fn lookup(sf: &SymField, s: &str) -> u8 {
        let c = Self::C;
        let (start, len) = (usize::from(sf.start), usize::from(sf.len));
        let n = s.len();
        if n > 16 {
            return match c.words.get(start..start + len) {
                Some(words) => lookup_long(words, s),
                None => NONE,
            };
        }
        let (head, tail) = key(s.as_bytes());
        'found: {
            unroll!(w in [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31] {
                if w < len {
                    if let Some(word) = c.words.get(start + w) {
                        if word.text.len() == n && word.head == head && word.tail == tail {
                            break 'found w as u8;
                        }
                    }
                }
            });
            NONE
        }
    }

    /// The rules the values of present fields surely pass, by the fields'
    /// value checks and, for small integers, by [`IntPass`].
    #[inline(always)]
    pub(crate) fn check_values(slots: &impl Fields) -> u32 {
        const { assert!(MAX_CHECKS == 8) };
        let c = Self::C;
        let present = slots.present();
        let mut pass = 0;
        unroll!(i in [0 1 2 3 4 5 6 7] {
            if i < c.n_checks {
                let check = &c.checks[i];
                let f = usize::from(check.field);
                if present & (1 << (f & 15)) != 0 && check.expect.met(slots, f) {
                    pass |= check.rules;
                }
            }
        });
        const { assert!(MAX_INT_FIELDS == 2) };
        unroll!(i in [0 1] {
            if i < c.n_int_passes {
                let p = &c.int_passes[i];
                let f = usize::from(p.field);
                if present & (1 << (f & 15)) != 0 {
                    if let Some(Ok(n)) = slots.int_at(f).map(usize::try_from) {
                        if let Some(rules) = p.by_value.get(n) {
                            pass |= rules;
                        }
                    }
                }
            }
        });
        pass
    }

    /// [`Plan::open`], the gates written out.
    #[inline(always)]
    pub(crate) fn open(present: u32, failed: u32, syms: &Syms) -> u32 {
        const { assert!(MAX_GATES == 4) };
        let c = Self::C;
        let mut rules = u32::MAX;
        unroll!(i in [0 1 2 3] {
            if i < c.n_gates {
                rules &= c.gates[i].open(present, failed, syms);
            }
        });
        rules
    }

    /// Visits the fields of `todo` that have a default, in field order, with
    /// their default.
    #[inline(always)]
    pub(crate) fn each_default(todo: u32, mut visit: impl FnMut(usize, &DefaultPlan)) {
        const { assert!(MAX_FIELDS == 14) };
        let c = Self::C;
        unroll!(f in [0 1 2 3 4 5 6 7 8 9 10 11 12 13] {
            if f < c.n_fields && c.default_fields & todo & (1 << f) != 0 {
                visit(f, &c.defaults[f]);
            }
        });
    }

    /// The row of the built-in price table that prices the request, when
    /// `rows` is that table: `Some(None)` when none does, `None` when the
    /// compiled rows cannot say (another table, or an unusual value).
    #[inline(always)]
    pub(crate) fn price_row(
        rows: &[PriceRow],
        slots: &impl Fields,
        syms: &Syms,
    ) -> Option<Option<usize>> {
        const { assert!(MAX_PAIRS == 4 && MAX_ROWS == 16) };
        let p = Self::C.prices.as_ref()?;
        if !std::ptr::eq(rows, p.source) {
            return None;
        }
        let present = slots.present();
        let mut key = *syms;
        // A row's string matches an integer by its digits: the general code
        // decides.
        if p.sym_fields & present != 0 {
            unroll!(f in [0 1 2 3 4 5 6 7 8 9 10 11 12 13] {
                if p.sym_fields & present & (1 << f) != 0
                    && syms[f] == NONE
                    && slots.kind_at(f).0 == 2
                {
                    return None;
                }
            });
        }
        unroll!(i in [0 1 2 3] {
            if i < p.n_codes {
                let code = &p.codes[i];
                key[usize::from(code.at) & 15] = code.of(&p.ints, slots, present);
            }
        });
        if p.low {
            let [k0, k1, k2, k3, k4, k5, k6, k7, ..] = key;
            let k = u64::from_le_bytes([k0, k1, k2, k3, k4, k5, k6, k7]);
            unroll!(r in [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15] {
                if r < p.source.len() && k & p.rows_low[r].0 == p.rows_low[r].1 {
                    return Some(Some(r));
                }
            });
        } else {
            let k = u128::from_le_bytes(key);
            unroll!(r in [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15] {
                if r < p.source.len() && k & p.rows[r].0 == p.rows[r].1 {
                    return Some(Some(r));
                }
            });
        }
        Some(None)
    }

    /// What row `i` of the built-in price table charges.
    #[inline(always)]
    pub(crate) fn row_amount(i: usize) -> RowAmount {
        match &Self::C.prices {
            Some(p) if i < p.source.len() => match p.amounts.get(i) {
                Some(&a) => a,
                None => RowAmount::General,
            },
            _ => RowAmount::General,
        }
    }

    /// The index of a field by its wire name, the names compared as
    /// constants.
    pub(crate) fn field_index(name: &str) -> Option<usize> {
        const { assert!(MAX_FIELDS == 14) };
        let c = Self::C;
        if name.len() > 16 {
            return match c
                .names
                .get(..c.n_fields)
                .map(|names| lookup_long(names, name))
            {
                Some(NONE) | None => None,
                Some(i) => Some(usize::from(i)),
            };
        }
        let (head, tail) = key(name.as_bytes());
        unroll!(i in [0 1 2 3 4 5 6 7 8 9 10 11 12 13] {
            if i < c.n_fields {
                let w = &c.names[i];
                if w.text.len() == name.len() && w.head == head && w.tail == tail {
                    return Some(i);
                }
            }
        });
        None
    }

    /// Rule `k`, compiled.
    #[inline(always)]
    pub(crate) fn rule(k: usize) -> &'static RulePlan {
        match Self::C.rules.get(k) {
            Some(r) if k < Self::C.n_rules => r,
            _ => &NO_RULE,
        }
    }
}

// ---- compiling ------------------------------------------------------------

/// Adds `text` to the words of the field whose words start at `start`,
/// unless it is one of them already.
const fn add_word(words: &mut [Word; MAX_WORDS], n: &mut usize, start: usize, text: &'static str) {
    let mut i = start;
    while i < *n {
        if str_eq(words[i].text, text) {
            return;
        }
        i += 1;
    }
    if *n == MAX_WORDS {
        panic!("the tables name more strings than a plan holds: raise MAX_WORDS");
    }
    if *n - start == 32 {
        panic!("a field has more than 32 words: allowed lists are 32-bit masks");
    }
    words[*n] = Word::new(text);
    *n += 1;
}

const fn find_word(words: &[Word; MAX_WORDS], (start, len): (u8, u8), text: &str) -> u8 {
    let mut i = 0;
    while i < len as usize {
        if str_eq(words[start as usize + i].text, text) {
            return i as u8;
        }
        i += 1;
    }
    panic!("a string of the tables is missing from its field's words")
}

const fn cond_field(c: &Cond) -> usize {
    match *c {
        Cond::Is(f, _) | Cond::IsNot(f, _) | Cond::Absent(f) => f,
    }
}

const fn compile_when(
    conds: &[Cond],
    words: &[Word; MAX_WORDS],
    vocab: &[(u8, u8); MAX_FIELDS],
) -> When {
    if conds.len() > MAX_WHEN {
        panic!("a rule has more conditions than a plan holds: raise MAX_WHEN");
    }
    let mut w = When::ALWAYS;
    let mut i = 0;
    while i < conds.len() {
        let f = cond_field(&conds[i]);
        w.tests[i] = match conds[i] {
            Cond::Is(f, s) => Test::Is(f as u8, find_word(words, vocab[f], s)),
            Cond::IsNot(f, s) => Test::IsNot(f as u8, find_word(words, vocab[f], s)),
            Cond::Absent(f) => Test::Absent(f as u8),
        };
        w.fields |= 1 << f;
        i += 1;
    }
    w.len = conds.len() as u8;
    w
}

/// Every word of field `f`: the strings of its rules, of its default, of the
/// conditions about it and of the price rows.
const fn collect_words(
    spec: &EndpointSpec,
    f: usize,
    words: &mut [Word; MAX_WORDS],
    n: &mut usize,
) {
    let start = *n;
    let rules = spec.rules;
    let mut r = 0;
    while r < rules.len() {
        if rules[r].field == f {
            match rules[r].check {
                Check::OneOf(list) => {
                    let mut i = 0;
                    while i < list.len() {
                        add_word(words, n, start, list[i]);
                        i += 1;
                    }
                }
                Check::Rewrite { from, to } => {
                    add_word(words, n, start, from);
                    add_word(words, n, start, to);
                }
                _ => {}
            }
        }
        collect_cond_words(rules[r].when, f, words, n, start);
        r += 1;
    }
    let fields = spec.fields;
    let mut g = 0;
    while g < fields.len() {
        collect_cond_words(fields[g].default_when, f, words, n, start);
        g += 1;
    }
    if let DefaultValue::Str(s) = fields[f].default {
        add_word(words, n, start, s);
    }
    if let Cow::Borrowed(rows) = &spec.prices.rows {
        let mut r = 0;
        while r < rows.len() {
            if let Cow::Borrowed(when) = &rows[r].when {
                let mut m = 0;
                while m < when.len() {
                    if when[m].field == f {
                        if let MatchValue::Str(Cow::Borrowed(s)) = &when[m].value {
                            add_word(words, n, start, s);
                        }
                    }
                    m += 1;
                }
            }
            r += 1;
        }
    }
}

const fn collect_cond_words(
    conds: &[Cond],
    f: usize,
    words: &mut [Word; MAX_WORDS],
    n: &mut usize,
    start: usize,
) {
    let mut i = 0;
    while i < conds.len() {
        match conds[i] {
            Cond::Is(g, s) | Cond::IsNot(g, s) if g == f => {
                add_word(words, n, start, s);
            }
            _ => {}
        }
        i += 1;
    }
}

/// Whether rule `k`'s conditions on field `c` hold when `c` is in `state`.
const fn opens(
    conds: &[Cond],
    c: usize,
    state: usize,
    vocab: (u8, u8),
    words: &[Word; MAX_WORDS],
) -> bool {
    let mut i = 0;
    while i < conds.len() {
        let holds = match conds[i] {
            Cond::Is(f, s) if f == c => state == find_word(words, vocab, s) as usize,
            Cond::IsNot(f, s) if f == c => state != find_word(words, vocab, s) as usize,
            Cond::Absent(f) if f == c => state == STATE_ABSENT,
            _ => true,
        };
        if !holds {
            return false;
        }
        i += 1;
    }
    true
}

const fn compile_gates(
    spec: &EndpointSpec,
    words: &[Word; MAX_WORDS],
    vocab: &[(u8, u8); MAX_FIELDS],
) -> ([Gate; MAX_GATES], usize) {
    let mut gates = [NO_GATE; MAX_GATES];
    let mut n = 0;
    let rules = spec.rules;
    let mut r = 0;
    while r < rules.len() {
        let conds = rules[r].when;
        let mut i = 0;
        while i < conds.len() {
            let c = cond_field(&conds[i]);
            let mut g = 0;
            while g < n && gates[g].field as usize != c {
                g += 1;
            }
            if g == n {
                if n == MAX_GATES {
                    panic!("the rules have conditions on more fields than a plan holds: raise MAX_GATES");
                }
                gates[n].field = c as u8;
                n += 1;
            }
            gates[g].on |= 1 << r;
            let mut state = 0;
            while state < 34 {
                if !opens(conds, c, state, vocab[c], words) {
                    gates[g].open[state] &= !(1u32 << r);
                }
                state += 1;
            }
            i += 1;
        }
        r += 1;
    }
    (gates, n)
}

const fn compile_rule(
    rule: &crate::spec::Rule,
    words: &[Word; MAX_WORDS],
    vocab: &[(u8, u8); MAX_FIELDS],
) -> RulePlan {
    let f = rule.field;
    let op = match rule.check {
        Check::Required => Op::Required,
        Check::NotBlank => Op::NotBlank,
        Check::Chars { min, max } => Op::Chars {
            min_bytes: min.saturating_mul(4),
            max: match max {
                Some(m) => m,
                None => usize::MAX,
            },
        },
        Check::OneOf(list) => {
            let mut mask = 0u32;
            let mut i = 0;
            while i < list.len() {
                mask |= 1 << find_word(words, vocab[f], list[i]);
                i += 1;
            }
            Op::OneOf(mask)
        }
        Check::IntOneOf(list) => Op::IntOneOf(list),
        Check::IntRange(lo, hi) => Op::IntRange(lo, hi),
        Check::Count { min, max } => Op::Count { min, max },
        Check::Rewrite { from, .. } => Op::Rewrite {
            from: find_word(words, vocab[f], from),
        },
        Check::Url(policy) => Op::Url(policy),
        Check::Forbidden | Check::Unused => Op::General,
    };
    RulePlan {
        field: f as u8,
        when_failed: matches!(rule.check, Check::Url(_)),
        op,
    }
}

/// The position of the code of `kind` for field `f` among `codes`, added
/// when new; `sym_fields` are the key bytes symbols take.
const fn code_at(p: &mut CompiledPrices, kind: CodeKind, f: usize) -> Option<usize> {
    let mut i = 0;
    while i < p.n_codes {
        let same_kind = matches!(
            (p.codes[i].kind, kind),
            (CodeKind::Int, CodeKind::Int)
                | (CodeKind::Bool, CodeKind::Bool)
                | (CodeKind::Present, CodeKind::Present)
        );
        if same_kind && p.codes[i].field as usize == f {
            return Some(i);
        }
        i += 1;
    }
    if p.n_codes == MAX_PAIRS {
        return None;
    }
    // The field's own byte, unless a symbol or another code takes it: then
    // a byte no field has.
    let mut at = f;
    let mut spare = MAX_FIELDS;
    loop {
        let mut taken = p.sym_fields & (1 << at) != 0;
        let mut c = 0;
        while c < p.n_codes {
            taken |= p.codes[c].at as usize == at;
            c += 1;
        }
        if !taken {
            break;
        }
        if spare == 16 {
            return None;
        }
        at = spare;
        spare += 1;
    }
    p.codes[p.n_codes] = Code {
        kind,
        field: f as u8,
        at: at as u8,
        start: 0,
        len: 0,
    };
    p.n_codes += 1;
    Some(p.n_codes - 1)
}

/// The index of `i` among the integers of code `c`, added when new (the
/// integers of a code are kept together: codes are added row by row, so a
/// code's integers may only grow while it is the last to have any).
const fn int_at(p: &mut CompiledPrices, c: usize, i: i64) -> Option<u8> {
    let (start, len) = (p.codes[c].start as usize, p.codes[c].len as usize);
    let mut at = 0;
    while at < len {
        if p.ints[start + at] == i {
            return Some(at as u8);
        }
        at += 1;
    }
    if len == 0 {
        if p.n_ints == MAX_INTS {
            return None;
        }
        p.codes[c].start = p.n_ints as u8;
    } else if start + len != p.n_ints || p.n_ints == MAX_INTS {
        return None;
    }
    p.ints[p.n_ints] = i;
    p.n_ints += 1;
    p.codes[c].len += 1;
    Some(len as u8)
}

const fn compile_prices(
    spec: &EndpointSpec,
    words: &[Word; MAX_WORDS],
    vocab: &[(u8, u8); MAX_FIELDS],
) -> Option<CompiledPrices> {
    let Cow::Borrowed(source) = &spec.prices.rows else {
        return None;
    };
    let source: &'static [PriceRow] = source;
    if source.len() > MAX_ROWS {
        return None;
    }
    let mut p = CompiledPrices {
        source,
        ..NO_PRICES
    };
    // The symbols first, so that the other codes take other bytes.
    let mut r = 0;
    while r < source.len() {
        let Cow::Borrowed(when) = &source[r].when else {
            return None;
        };
        let mut m = 0;
        while m < when.len() {
            if when[m].field >= spec.fields.len() {
                return None;
            }
            if let MatchValue::Str(_) = &when[m].value {
                p.sym_fields |= 1 << when[m].field;
            }
            m += 1;
        }
        r += 1;
    }
    let mut r = 0;
    while r < source.len() {
        let Cow::Borrowed(when) = &source[r].when else {
            return None;
        };
        let (mut care, mut want) = (0u128, 0u128);
        let mut never = false;
        let mut m = 0;
        while m < when.len() {
            let f = when[m].field;
            let (at, value) = match &when[m].value {
                MatchValue::Str(Cow::Borrowed(s)) => (f, find_word(words, vocab[f], s)),
                MatchValue::Str(Cow::Owned(_)) => return None,
                MatchValue::Int(i) => {
                    let Some(c) = code_at(&mut p, CodeKind::Int, f) else {
                        return None;
                    };
                    let Some(at) = int_at(&mut p, c, *i) else {
                        return None;
                    };
                    (p.codes[c].at as usize, at)
                }
                MatchValue::Bool(b) => {
                    let Some(c) = code_at(&mut p, CodeKind::Bool, f) else {
                        return None;
                    };
                    (p.codes[c].at as usize, *b as u8)
                }
                MatchValue::Present(b) => {
                    let Some(c) = code_at(&mut p, CodeKind::Present, f) else {
                        return None;
                    };
                    (p.codes[c].at as usize, *b as u8)
                }
            };
            let shift = 8 * at as u32;
            if care & (0xFF << shift) != 0 && (want >> shift) & 0xFF != value as u128 {
                // Two different values for one field: the row never matches.
                never = true;
            }
            care |= 0xFF << shift;
            want = (want & !(0xFF << shift)) | (value as u128) << shift;
            m += 1;
        }
        p.rows[r] = if never { (0, 1) } else { (care, want) };
        p.low &= care >> 64 == 0;
        p.rows_low[r] = (p.rows[r].0 as u64, p.rows[r].1 as u64);
        p.amounts[r] = row_amount(&source[r]);
        r += 1;
    }
    Some(p)
}

const fn row_amount(row: &PriceRow) -> RowAmount {
    let (mn, md) = (row.markup.numer(), row.markup.denom());
    if row.per.is_some() {
        return RowAmount::General;
    }
    match row.amount {
        Amount::Credits(c) if mn == 1 && md == 1 => RowAmount::Fixed(c),
        Amount::PerSecond(rate) => {
            let (Some(num), Some(den)) =
                (rate.numer().checked_mul(mn), rate.denom().checked_mul(md))
            else {
                return RowAmount::General;
            };
            if num > u64::MAX as u128 || den > u64::MAX as u128 || den == 0 {
                return RowAmount::General;
            }
            RowAmount::PerSecond {
                num: num as u64,
                den: den as u64,
            }
        }
        _ => RowAmount::General,
    }
}

/// The value checks of field `f`: its rules without conditions that check
/// the value's length, range or count, when they agree on a kind of value.
const fn compile_check(spec: &EndpointSpec, f: usize) -> ValueCheck {
    let mut c = ValueCheck {
        field: f as u8,
        rules: 0,
        expect: Expect::Count {
            min: 0,
            max: usize::MAX,
        },
    };
    let mut kind = 0; // 0 none yet, 1 string, 2 integer, 3 array
    let (mut not_blank, mut min_bytes, mut max_bytes) = (false, 0usize, usize::MAX);
    let (mut lo, mut hi, mut list) = (i64::MIN, i64::MAX, None);
    let (mut min_n, mut max_n) = (0usize, usize::MAX);
    let rules = spec.rules;
    let mut r = 0;
    while r < rules.len() {
        if rules[r].field == f && rules[r].when.is_empty() {
            let (k, fused) = match rules[r].check {
                Check::NotBlank => {
                    not_blank = true;
                    (1, true)
                }
                Check::Chars { min, max } => {
                    let m = min.saturating_mul(4);
                    if m > min_bytes {
                        min_bytes = m;
                    }
                    if let Some(x) = max {
                        if x < max_bytes {
                            max_bytes = x;
                        }
                    }
                    (1, true)
                }
                Check::IntRange(a, b) => {
                    if a > lo {
                        lo = a;
                    }
                    if b < hi {
                        hi = b;
                    }
                    (2, true)
                }
                Check::IntOneOf(l) => {
                    if list.is_some() {
                        (2, false)
                    } else {
                        list = Some(l);
                        (2, true)
                    }
                }
                Check::Count { min, max } => {
                    if min > min_n {
                        min_n = min;
                    }
                    if max < max_n {
                        max_n = max;
                    }
                    (3, true)
                }
                _ => (0, false),
            };
            if fused {
                if kind != 0 && kind != k {
                    // Rules of different kinds of value: none of them can
                    // pass together; leave them to the general code.
                    return NO_CHECK;
                }
                kind = k;
                c.rules |= 1 << r;
            }
        }
        r += 1;
    }
    c.expect = match kind {
        1 => Expect::Str {
            not_blank,
            min_bytes,
            max: max_bytes,
        },
        2 => Expect::Int { lo, hi, list },
        3 => Expect::Count {
            min: min_n,
            max: max_n,
        },
        _ => return NO_CHECK,
    };
    c
}

/// The [`IntPass`] of field `f`, when a rule with conditions checks its
/// integer value.
const fn compile_int_pass(spec: &EndpointSpec, f: usize) -> Option<IntPass> {
    let mut p = IntPass {
        field: f as u8,
        by_value: [0; SMALL_INTS],
    };
    let mut conditional = false;
    let rules = spec.rules;
    let mut r = 0;
    while r < rules.len() {
        if rules[r].field == f {
            let mut n = 0;
            while n < SMALL_INTS {
                let v = n as i64;
                let passes = match rules[r].check {
                    Check::IntRange(lo, hi) => lo <= v && v <= hi,
                    Check::IntOneOf(list) => {
                        let mut found = false;
                        let mut i = 0;
                        while i < list.len() {
                            found |= list[i] == v;
                            i += 1;
                        }
                        found
                    }
                    _ => false,
                };
                if passes {
                    p.by_value[n] |= 1 << r;
                    conditional |= !rules[r].when.is_empty();
                }
                n += 1;
            }
        }
        r += 1;
    }
    if conditional {
        Some(p)
    } else {
        None
    }
}

/// Whether `rule` surely passes on a value of field `f` whose symbol is
/// `sym` (or, for `STATE_OTHER`, a string of no word or another type).
const fn passes_on(
    rule: &crate::spec::Rule,
    f: usize,
    sym: usize,
    words: &[Word; MAX_WORDS],
    vocab: &[(u8, u8); MAX_FIELDS],
) -> bool {
    if rule.field != f {
        return false;
    }
    match rule.check {
        Check::OneOf(list) => {
            let mut i = 0;
            while i < list.len() {
                if find_word(words, vocab[f], list[i]) as usize == sym {
                    return true;
                }
                i += 1;
            }
            false
        }
        // Another string, or another type: nothing to rewrite.
        Check::Rewrite { from, .. } => find_word(words, vocab[f], from) as usize != sym,
        _ => false,
    }
}

const fn compile(spec: &'static EndpointSpec) -> Compiled {
    let fields = spec.fields;
    if fields.len() > MAX_FIELDS {
        panic!("an endpoint has more fields than MAX_FIELDS");
    }
    if spec.rules.len() > 32 {
        panic!("an endpoint has more than 32 rules: rule sets are 32-bit masks");
    }
    let mut names = [NO_WORD; MAX_FIELDS];
    let mut words = [NO_WORD; MAX_WORDS];
    let mut vocab = [(0u8, 0u8); MAX_FIELDS];
    let mut n = 0;
    let mut f = 0;
    while f < fields.len() {
        names[f] = Word::new(fields[f].name);
        let start = n;
        collect_words(spec, f, &mut words, &mut n);
        vocab[f] = (start as u8, (n - start) as u8);
        f += 1;
    }
    let mut sym_fields = [NO_SYM_FIELD; MAX_SYM_FIELDS];
    let mut sym_field_of = [NONE; 16];
    let mut n_sym_fields = 0;
    let mut f = 0;
    while f < fields.len() {
        if vocab[f].1 > 0 {
            if n_sym_fields == MAX_SYM_FIELDS {
                panic!("more fields have words than a plan holds: raise MAX_SYM_FIELDS");
            }
            let mut sf = SymField {
                field: f as u8,
                start: vocab[f].0,
                len: vocab[f].1,
                pass: [0; 33],
            };
            let mut state = 0;
            while state <= STATE_OTHER {
                let mut r = 0;
                while r < spec.rules.len() {
                    if passes_on(&spec.rules[r], f, state, &words, &vocab) {
                        sf.pass[state] |= 1 << r;
                    }
                    r += 1;
                }
                state += 1;
            }
            sym_fields[n_sym_fields] = sf;
            sym_field_of[f] = n_sym_fields as u8;
            n_sym_fields += 1;
        }
        f += 1;
    }
    let mut rules = [NO_RULE; 32];
    let mut field_rules = [0u32; 16];
    let mut required = 0u32;
    let mut r = 0;
    let mut across = false;
    while r < spec.rules.len() {
        // The rules that hold whatever the other fields say come first, so
        // that the conditions of the rest see which fields already failed.
        if spec.rules[r].when.is_empty() && across {
            panic!("a rule without conditions follows one with conditions");
        }
        across |= !spec.rules[r].when.is_empty();
        rules[r] = compile_rule(&spec.rules[r], &words, &vocab);
        field_rules[spec.rules[r].field] |= 1 << r;
        if matches!(spec.rules[r].check, Check::Required) {
            required |= 1 << r;
        }
        r += 1;
    }
    let mut about_low = [0u32; 128];
    let mut about_high = [0u32; 128];
    let mut m = 0;
    while m < 128 {
        let mut f = 0;
        while f < 7 {
            if m & (1 << f) != 0 {
                about_low[m] |= field_rules[f];
                about_high[m] |= field_rules[f + 7];
            }
            f += 1;
        }
        m += 1;
    }
    let (gates, n_gates) = compile_gates(spec, &words, &vocab);
    let mut checks = [NO_CHECK; MAX_CHECKS];
    let mut n_checks = 0;
    let mut f = 0;
    while f < fields.len() {
        let c = compile_check(spec, f);
        if c.rules != 0 {
            if n_checks == MAX_CHECKS {
                panic!("more fields have value checks than a plan holds: raise MAX_CHECKS");
            }
            checks[n_checks] = c;
            n_checks += 1;
        }
        f += 1;
    }
    let mut int_passes = [NO_INT_PASS; MAX_INT_FIELDS];
    let mut n_int_passes = 0;
    let mut f = 0;
    while f < fields.len() {
        if let Some(p) = compile_int_pass(spec, f) {
            if n_int_passes == MAX_INT_FIELDS {
                panic!("more fields have integer rules with conditions than a plan holds: raise MAX_INT_FIELDS");
            }
            int_passes[n_int_passes] = p;
            n_int_passes += 1;
        }
        f += 1;
    }
    let mut defaults = [NO_DEFAULT; MAX_FIELDS];
    let mut default_fields = 0u32;
    let mut f = 0;
    while f < fields.len() {
        let value = fields[f].default;
        if !matches!(value, DefaultValue::None) {
            default_fields |= 1 << f;
            let sym = match value {
                DefaultValue::Str(s) => find_word(&words, vocab[f], s),
                _ => NONE,
            };
            let pass = if sym_field_of[f] == NONE {
                0
            } else {
                let state = if sym == NONE {
                    STATE_OTHER
                } else {
                    sym as usize
                };
                sym_fields[sym_field_of[f] as usize].pass[state]
            };
            defaults[f] = DefaultPlan {
                value,
                sym,
                pass,
                when: compile_when(fields[f].default_when, &words, &vocab),
            };
        }
        f += 1;
    }
    Compiled {
        spec,
        names,
        n_fields: fields.len(),
        words,
        n_words: n,
        sym_fields,
        n_sym_fields,
        sym_field_of,
        rules,
        n_rules: spec.rules.len(),
        about_low,
        about_high,
        required,
        gates,
        n_gates,
        checks,
        n_checks,
        int_passes,
        n_int_passes,
        defaults,
        default_fields,
        prices: compile_prices(spec, &words, &vocab),
    }
}

/// The plan of each endpoint: its tables compiled, the parts used copied into
/// arrays of their own size.
macro_rules! plans {
    ($($name:ident = $i:literal;)*) => {$(
        static $name: Plan = {
            const C: Compiled = COMPILED[$i];
            const WORDS: [Word; C.n_words] = take(&C.words, NO_WORD);
            const SYM_FIELDS: [SymField; C.n_sym_fields] = take(&C.sym_fields, NO_SYM_FIELD);
            const GATES: [Gate; C.n_gates] = take(&C.gates, NO_GATE);
            Plan {
                spec: C.spec,
                words: &WORDS,
                sym_fields: &SYM_FIELDS,
                sym_field_of: C.sym_field_of,
                about_low: C.about_low,
                about_high: C.about_high,
                required: C.required,
                gates: &GATES,
            }
        };
    )*};
}

/// No price table (an empty one, for `plans!`).
const NO_PRICES: CompiledPrices = CompiledPrices {
    source: &[],
    sym_fields: 0,
    codes: [NO_CODE; MAX_PAIRS],
    n_codes: 0,
    ints: [0; MAX_INTS],
    n_ints: 0,
    rows: [(0, 0); MAX_ROWS],
    low: true,
    rows_low: [(0, 0); MAX_ROWS],
    amounts: [RowAmount::General; MAX_ROWS],
};

/// The tables of every endpoint compiled, in the order of [`Endpoint::ALL`].
/// A `const`, not a `static`: code generic over an endpoint ([`At`]) reads
/// it as the compiler's constants, and only the parts read are built in.
#[allow(clippy::large_const_arrays)]
const COMPILED: [Compiled; 6] = [
    compile(&tables::seedanceapi_v1::SPEC),
    compile(&tables::seedanceapi_v2::SPEC),
    compile(&tables::seedance2ai_video::SPEC),
    compile(&tables::seedance2ai_gpt_image_2::SPEC),
    compile(&tables::seedance2ai_nano_banana_pro::SPEC),
    compile(&tables::apiinone_videos::SPEC),
];

const _: () = {
    let mut i = 0;
    while i < COMPILED.len() {
        assert!(
            str_eq(COMPILED[i].spec.id, Endpoint::ALL[i].spec().id),
            "COMPILED is in the order of Endpoint::ALL"
        );
        i += 1;
    }
};

plans! {
    SEEDANCEAPI_V1 = 0;
    SEEDANCEAPI_V2 = 1;
    SEEDANCE2AI_VIDEO = 2;
    SEEDANCE2AI_GPT_IMAGE_2 = 3;
    SEEDANCE2AI_NANO_BANANA_PRO = 4;
    APIINONE_VIDEOS = 5;
}

/// The compiled tables of an endpoint.
#[inline(always)]
pub(crate) fn plan(endpoint: Endpoint) -> &'static Plan {
    match endpoint {
        Endpoint::SeedanceApiV1 => &SEEDANCEAPI_V1,
        Endpoint::SeedanceApiV2 => &SEEDANCEAPI_V2,
        Endpoint::Seedance2aiVideo => &SEEDANCE2AI_VIDEO,
        Endpoint::Seedance2aiGptImage2 => &SEEDANCE2AI_GPT_IMAGE_2,
        Endpoint::Seedance2aiNanoBananaPro => &SEEDANCE2AI_NANO_BANANA_PRO,
        Endpoint::ApiinoneVideos => &APIINONE_VIDEOS,
    }
}

/// How a field of `spec` is found by its wire name, when `spec` is one of
/// the built-in endpoints: [`At::field_index`] of that endpoint.
#[inline]
pub(crate) fn field_finder(spec: &EndpointSpec) -> Option<fn(&str) -> Option<usize>> {
    let e = Endpoint::ALL
        .iter()
        .position(|e| std::ptr::eq(e.spec(), spec))?;
    Some(match e {
        0 => At::<0>::field_index,
        1 => At::<1>::field_index,
        2 => At::<2>::field_index,
        3 => At::<3>::field_index,
        4 => At::<4>::field_index,
        5 => At::<5>::field_index,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{Field, Rule};

    /// [`At::lookup`] of `Endpoint::ALL[e]`.
    fn at_lookup(e: usize, sf: &SymField, s: &str) -> u8 {
        match e {
            0 => At::<0>::lookup(sf, s),
            1 => At::<1>::lookup(sf, s),
            2 => At::<2>::lookup(sf, s),
            3 => At::<3>::lookup(sf, s),
            4 => At::<4>::lookup(sf, s),
            5 => At::<5>::lookup(sf, s),
            _ => panic!("no endpoint {e}"),
        }
    }

    /// Each word is found by its field's lookup, in memory ([`Plan::sym`])
    /// and as constants ([`At::lookup`]), and a string that differs from it
    /// is not: one byte longer, or the same length with the same first and
    /// last bytes and another middle. Past 16 bytes that middle is in
    /// neither 8-byte key (`seedance-2.0-fast`'s ninth byte), so only the
    /// whole string can tell them apart.
    #[test]
    fn every_word_and_every_field_name_is_found() {
        let mut long_words = 0;
        for (ei, e) in Endpoint::ALL.into_iter().enumerate() {
            let p = plan(e);
            let find = field_finder(p.spec).unwrap();
            for (i, f) in p.spec.fields.iter().enumerate() {
                assert_eq!(find(f.name), Some(i), "{}", f.name);
                assert_eq!(p.spec.field_index(f.name), Some(i));
                let mut longer = f.name.to_owned();
                longer.push('x');
                assert_eq!(find(&longer), None);
                assert_eq!(find(&f.name[1..]), None);
                // Same length, same first and last bytes, another middle.
                let mut b = f.name.as_bytes().to_vec();
                let m = b.len() / 2;
                b[m] = b'#';
                assert_eq!(find(std::str::from_utf8(&b).unwrap()), None);
            }
            // A name of more than 16 bytes that is no field's.
            assert_eq!(find("aspect_ratio_and_more"), None);
            for sf in p.sym_fields {
                let f = usize::from(sf.field);
                let words = &p.words[usize::from(sf.start)..][..usize::from(sf.len)];
                let sym = |s: &str| {
                    let found = p.sym(f, s);
                    assert_eq!(at_lookup(ei, sf, s), found, "{s}");
                    found
                };
                for (k, w) in words.iter().enumerate() {
                    assert_eq!(sym(w.text), k as u8, "{}", w.text);
                    let mut other = w.text.to_owned();
                    other.push(' ');
                    assert_eq!(sym(&other), NONE);
                    // Same length, same first and last bytes, another middle.
                    if w.text.len() > 2 {
                        let mut b = w.text.as_bytes().to_vec();
                        let m = b.len() / 2;
                        b[m] = if b[m] == b'#' { b'%' } else { b'#' };
                        let t = String::from_utf8(b).unwrap();
                        if !words.iter().any(|x| x.text == t) {
                            assert_eq!(sym(&t), NONE, "{t}");
                        }
                    }
                }
                long_words += words.iter().filter(|w| w.text.len() > 16).count();
            }
        }
        assert!(long_words > 0, "no word is longer than its two keys");
    }

    #[test]
    fn keys_agree_at_run_time_and_build_time() {
        for s in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcdefg",
            "abcdefgh",
            "abcdefghijklmnop",
            "é",
        ] {
            assert_eq!(key(s.as_bytes()), const_key(s.as_bytes()), "{s:?}");
        }
    }

    /// Every built-in price table is compiled, on the table itself (the
    /// engine then finds a request's row by its key), and each row's amount
    /// as the row reads: a fixed price with no markup and no multiplier as
    /// its credits, a rate a second as the rate times the row's markup,
    /// anything else left to the general arithmetic. Mini's rates come out
    /// as the published ones: 14.25, 9, 30.75 and 18.75 credits a second.
    #[test]
    fn every_built_in_price_table_is_compiled_row_by_row() {
        use crate::ratio::Ratio;
        fn amounts<const E: usize>() -> Vec<RowAmount> {
            (0..=MAX_ROWS).map(At::<E>::row_amount).collect()
        }
        let amounts = [
            amounts::<0>(),
            amounts::<1>(),
            amounts::<2>(),
            amounts::<3>(),
            amounts::<4>(),
            amounts::<5>(),
        ];
        let mut per_second = Vec::new();
        for ((e, c), amounts) in Endpoint::ALL.into_iter().zip(&COMPILED).zip(amounts) {
            let rows: &[PriceRow] = &e.spec().prices.rows;
            let p = c
                .prices
                .as_ref()
                .unwrap_or_else(|| panic!("{e}: not compiled"));
            assert!(std::ptr::eq(p.source, rows), "{e}");
            for (i, &amount) in amounts.iter().enumerate() {
                let Some(row) = rows.get(i) else {
                    assert!(matches!(amount, RowAmount::General), "{e}: row {i}");
                    continue;
                };
                let plain = row.markup == Ratio::ONE && row.per.is_none();
                match (row.amount, amount) {
                    (Amount::Credits(c), RowAmount::Fixed(f)) => {
                        assert!(plain && c == f, "{e}: row {i}");
                    }
                    (Amount::Credits(_), RowAmount::General) => assert!(!plain, "{e}: row {i}"),
                    (Amount::PerSecond(rate), RowAmount::PerSecond { num, den }) => {
                        assert!(row.per.is_none(), "{e}: row {i}");
                        let compiled = Ratio::new(num.into(), den.into());
                        assert_eq!(compiled, rate.checked_mul(row.markup), "{e}: row {i}");
                        per_second.extend(compiled);
                    }
                    (Amount::PerSecond(_), RowAmount::General) => {
                        assert!(row.per.is_some(), "{e}: row {i}");
                    }
                    (a, b) => panic!("{e}: row {i}, {a:?} compiled as {b:?}"),
                }
            }
        }
        let mut published = ["14.25", "9", "30.75", "18.75"].map(|r| r.parse().unwrap());
        published.sort();
        per_second.sort();
        assert_eq!(per_second, published);
    }

    /// Every rule without conditions that checks a value (not blank, a
    /// length, a range, a list of integers, a count) is in its field's fused
    /// value check, and each endpoint's example, a valid body, meets every
    /// check of a field it gives: a valid value skips those rules. Without
    /// the checks the rules run one by one to the same report, so only this
    /// test sees them lost.
    #[test]
    fn every_plain_value_rule_is_fused_and_the_example_meets_it() {
        use crate::report::Diag;
        use crate::value::Slots;
        for (e, c) in Endpoint::ALL.into_iter().zip(&COMPILED) {
            let spec = e.spec();
            let checks = &c.checks[..c.n_checks];
            for (r, rule) in spec.rules.iter().enumerate() {
                let plain = rule.when.is_empty()
                    && matches!(
                        rule.check,
                        Check::NotBlank
                            | Check::Chars { .. }
                            | Check::IntRange(..)
                            | Check::IntOneOf(_)
                            | Check::Count { .. }
                    );
                let fused = checks
                    .iter()
                    .any(|k| usize::from(k.field) == rule.field && k.rules & (1 << r) != 0);
                assert_eq!(fused, plain, "{}", rule.id);
            }
            let mut diag = Diag::default();
            let mut slots = Slots::new();
            assert!(crate::body::read_body(spec, spec.example, &mut diag, &mut slots).unwrap());
            let mut met = 0;
            for k in checks {
                let f = usize::from(k.field);
                if slots.get(f).is_some() {
                    assert!(
                        k.expect.met(&slots, f),
                        "{}: {}",
                        e.id(),
                        spec.fields[f].name
                    );
                    met += 1;
                }
            }
            assert!(met > 0, "{}: the example meets no check", e.id());
        }
    }

    /// Each word's symbol passes exactly the rules that take the word
    /// without a word of their own (an allowed value, or no rewrite), by the
    /// engine's own code; and no rule of another kind or field.
    #[test]
    fn a_words_symbol_passes_exactly_the_rules_that_take_the_word() {
        use crate::engine::apply;
        use crate::report::Diag;
        use crate::value::Value;
        let mut checked = 0;
        for (e, c) in Endpoint::ALL.into_iter().zip(&COMPILED) {
            let spec = e.spec();
            for sf in &c.sym_fields[..c.n_sym_fields] {
                let f = usize::from(sf.field);
                let start = usize::from(sf.start);
                let words = &c.words[start..start + usize::from(sf.len)];
                for (state, word) in words.iter().enumerate() {
                    for (r, rule) in spec.rules.iter().enumerate() {
                        let passes = sf.pass[state] & (1 << r) != 0;
                        let by_word = rule.field == f
                            && matches!(rule.check, Check::OneOf(_) | Check::Rewrite { .. });
                        if !by_word {
                            assert!(!passes, "{}: {} = {}", e.id(), rule.id, word.text);
                            continue;
                        }
                        let mut diag = Diag::default();
                        let value = Some(Value::Str(word.text.into()));
                        let change = apply(spec, rule, value, &mut diag);
                        let silent = change.is_none()
                            && diag.violations.is_empty()
                            && diag.warnings.is_empty();
                        assert_eq!(passes, silent, "{}: {} = {}", e.id(), rule.id, word.text);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 50, "only {checked} words checked");
    }

    /// Each small integer's rules are those that pass it, by the engine's
    /// own code; and seedanceapi-v2's durations, which depend on the model,
    /// are looked up this way.
    #[test]
    fn a_small_integer_passes_exactly_the_rules_that_accept_it() {
        use crate::engine::apply;
        use crate::report::Diag;
        use crate::value::Value;
        let mut seen = Vec::new();
        for (e, c) in Endpoint::ALL.into_iter().zip(&COMPILED) {
            for p in &c.int_passes[..c.n_int_passes] {
                seen.push(e.spec().fields[usize::from(p.field)].name);
                for (n, &rules) in p.by_value.iter().enumerate() {
                    for (r, rule) in e.spec().rules.iter().enumerate() {
                        let mut diag = Diag::default();
                        let _ = apply(e.spec(), rule, Some(Value::Int(n as i64)), &mut diag);
                        let checks_ints =
                            matches!(rule.check, Check::IntOneOf(_) | Check::IntRange(..));
                        let passes = checks_ints
                            && usize::from(p.field) == rule.field
                            && diag.violations.is_empty();
                        assert_eq!(
                            rules & (1 << r) != 0,
                            passes,
                            "{} = {n}: {}",
                            rule.id,
                            e.id()
                        );
                    }
                }
            }
        }
        assert_eq!(seen, ["duration"]);
    }

    /// `seedanceapi-v2`'s tables with `fields` fields (copies of `prompt`
    /// added), `rules` rules (copies of the first, which has no condition,
    /// put before it), and `words` words for `aspect_ratio` (made-up ones
    /// added to its allowed list), compiled as the test runs. The built-in
    /// tables are compiled when the crate is built, and are far from a
    /// plan's limits; these take each limit to its edge or one past it.
    fn compile_v2_with(fields: usize, rules: usize, words: usize) -> Compiled {
        let spec = Endpoint::SeedanceApiV2.spec();
        let aspect = spec.field_index("aspect_ratio").unwrap();
        // The field's words now: its allowed lists' and its default's.
        let own_words = sym_field(&COMPILED[Endpoint::SeedanceApiV2.index()], aspect)
            .map_or(0, |sf| usize::from(sf.len));
        let extra: Vec<&'static str> = (own_words..words)
            .map(|i| leak(format!("{i}:7")).as_str())
            .collect();
        compile_edited(Endpoint::SeedanceApiV2, |all_fields, all_rules| {
            while all_fields.len() < fields {
                let mut copy = spec.fields[0].clone();
                copy.name = leak(format!("extra_{}", all_fields.len())).as_str();
                all_fields.push(copy);
            }
            for rule in all_rules.iter_mut() {
                if let (true, Check::OneOf(own)) = (rule.field == aspect, rule.check) {
                    rule.check = Check::OneOf(leak([own, &extra].concat()).as_slice());
                }
            }
            assert!(spec.rules[0].when.is_empty());
            while all_rules.len() < rules {
                all_rules.insert(0, spec.rules[0].clone());
            }
        })
    }

    /// Endpoint `e`'s tables with their fields and rules edited, compiled
    /// as the test runs.
    fn compile_edited(e: Endpoint, edit: impl FnOnce(&mut Vec<Field>, &mut Vec<Rule>)) -> Compiled {
        let spec = e.spec();
        let (mut fields, mut rules) = (spec.fields.to_vec(), spec.rules.to_vec());
        edit(&mut fields, &mut rules);
        compile(leak(EndpointSpec {
            fields: leak(fields).as_slice(),
            rules: leak(rules).as_slice(),
            ..*spec
        }))
    }

    #[test]
    fn a_plan_holds_tables_at_its_limits() {
        let c = compile_v2_with(MAX_FIELDS, 32, 32);
        assert_eq!(c.n_fields, MAX_FIELDS);
        assert_eq!(c.n_rules, 32);
        let sf = sym_field(&c, c.spec.field_index("aspect_ratio").unwrap()).unwrap();
        // Not the first field with words: its own count is what is limited.
        assert!(sf.start > 0);
        assert_eq!(sf.len, 32);
    }

    #[test]
    #[should_panic(expected = "an endpoint has more fields than MAX_FIELDS")]
    fn a_field_past_the_limit_fails_the_build() {
        compile_v2_with(MAX_FIELDS + 1, 0, 0);
    }

    #[test]
    #[should_panic(expected = "an endpoint has more than 32 rules")]
    fn a_rule_past_the_limit_fails_the_build() {
        compile_v2_with(0, 33, 0);
    }

    #[test]
    #[should_panic(expected = "a field has more than 32 words")]
    fn a_word_past_the_limit_fails_the_build() {
        compile_v2_with(0, 0, 33);
    }

    #[test]
    #[should_panic(expected = "a rule without conditions follows one with conditions")]
    fn a_rule_without_conditions_after_one_with_fails_the_build() {
        compile_edited(Endpoint::SeedanceApiV2, |_, rules| {
            rules.push(rules[0].clone())
        });
    }

    /// A field's words are every string the tables name for it: in its
    /// allowed lists and rewrites, as its default, in the conditions on it
    /// (of rules and of defaults) and in the price rows. In the built-in
    /// tables nearly every such string is also in an allowed list; here the
    /// allowed lists are emptied, and a default's condition names a word
    /// nothing else does, so that each other place must bring its own.
    #[test]
    fn a_fields_words_are_every_string_the_tables_name_for_it() {
        use std::collections::BTreeSet;
        for e in Endpoint::ALL {
            let c = compile_edited(e, |fields, rules| {
                for rule in rules {
                    if let Check::OneOf(_) = rule.check {
                        rule.check = Check::OneOf(&[]);
                    }
                }
                let defaulted = fields
                    .iter_mut()
                    .find(|f| !matches!(f.default, DefaultValue::None))
                    .unwrap();
                let when = [defaulted.default_when, &[Cond::IsNot(0, "no-such-word")]].concat();
                defaulted.default_when = leak(when).as_slice();
            });
            // What each field's words must be, read from the edited tables.
            let spec = c.spec;
            let mut want = vec![BTreeSet::new(); spec.fields.len()];
            let conds = spec
                .rules
                .iter()
                .flat_map(|r| r.when)
                .chain(spec.fields.iter().flat_map(|f| f.default_when));
            for cond in conds {
                if let Cond::Is(f, s) | Cond::IsNot(f, s) = *cond {
                    want[f].insert(s);
                }
            }
            for rule in spec.rules {
                if let Check::Rewrite { from, to } = rule.check {
                    want[rule.field].extend([from, to]);
                }
            }
            for (f, field) in spec.fields.iter().enumerate() {
                if let DefaultValue::Str(s) = field.default {
                    want[f].insert(s);
                }
            }
            for m in spec.prices.rows.iter().flat_map(|r| r.when.iter()) {
                if let MatchValue::Str(s) = &m.value {
                    want[m.field].insert(s);
                }
            }
            assert!(want[0].contains("no-such-word"));
            for (f, want) in want.iter().enumerate() {
                let got: BTreeSet<&str> = sym_field(&c, f)
                    .into_iter()
                    .flat_map(|sf| &c.words[usize::from(sf.start)..][..usize::from(sf.len)])
                    .map(|w| w.text)
                    .collect();
                assert_eq!(&got, want, "{} {}", spec.id, spec.fields[f].name);
            }
        }
    }

    /// Field `f`'s place among the words of `c`, if it has words.
    fn sym_field(c: &Compiled, f: usize) -> Option<&SymField> {
        c.sym_fields[..c.n_sym_fields]
            .iter()
            .find(|sf| usize::from(sf.field) == f)
    }

    /// `v` for the rest of the run: [`compile`] takes tables that live as
    /// long as the built-in ones.
    fn leak<T>(v: T) -> &'static T {
        Box::leak(Box::new(v))
    }
}
