//! URL rules, and the URL parser they read with.
//!
//! The parser follows the WHATWG URL Standard's basic URL parser (as browsers
//! do) for special schemes, so `http://2130706433/`, `http://0x7f.1/` and
//! `http:\\127.1` are all the host `127.0.0.1`. It reads only what the rules
//! need: whether the text is an absolute URL at all, its scheme, whether it
//! carries a user name or password, and its host. It makes no heap
//! allocation on an acceptable URL (only a refusal's message allocates). A
//! differential test (`tests/urls.rs`) holds it to the `url` crate: the same
//! verdict and the same message, with `url`'s error text for a URL that does
//! not parse, on a hand list of tricky URLs and on generated ones.
//!
//! "Public" is decided from the URL alone: the host must not be `localhost`
//! or a `*.localhost` name, nor an IP literal in a loopback, private,
//! link-local, unique-local, unspecified (`0.0.0.0/8`, `::`), carrier-grade
//! NAT, broadcast or multicast range, or IPv6's site-local or NAT64
//! local-use range (an IPv6 address that carries an IPv4 one, IPv4-mapped or
//! -translated, NAT64, 6to4, Teredo or IPv4-compatible, is judged by its
//! IPv4 address; see `ipv6_range`), and the URL must carry no user name or
//! password.
//! The library never resolves names: a name whose DNS records point at a
//! private address cannot be seen here, and passes.
//!
//! A host name must be written in ASCII (an internationalized name in its
//! Punycode form, `xn--…`). Mapping Unicode host names (UTS 46) needs large
//! tables that would triple the size of the WebAssembly package, and the
//! mapping is where look-alikes hide: full-width `ｌｏｃａｌｈｏｓｔ` maps to
//! `localhost`. Refusing them is the safe answer. A URL whose host
//! (after `scheme://` and any user info) is not ASCII is refused with its own message; a non-ASCII
//! host reached otherwise (`http:/ü`, `http://%C3%BC/`) is "invalid
//! international domain name", as `url` says when its `idna` crate has no
//! Unicode back end (the `idna_adapter` 1.0.0 that Cargo.lock pins for the
//! differential test). An ASCII `xn--` label is checked as that `idna` checks
//! it: valid Punycode, no joiner first, at most 1000 code points decoded; the
//! decoded code points themselves are not validated, there being no Unicode
//! tables.
//!
//! One difference from `url` is left on purpose: `url` refuses a URL whose
//! serialization would pass 4 GiB ("URLs more than 4 GB are not supported");
//! this parser builds no serialization and has no such limit.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::slice;

use crate::message::message;
use crate::spec::UrlPolicy;

/// `Ok` when `text` meets the policy, else why not (for a message).
pub(crate) fn check(policy: UrlPolicy, text: &str) -> Result<(), String> {
    if is_plainly_acceptable(policy, text) {
        return Ok(());
    }
    if !host_and_port(text).is_ascii() {
        return Err("has a host name that is not ASCII; write it in Punycode (`xn--…`)".to_owned());
    }
    let url = parse(text)
        .map_err(|e| crate::message::text(format_args!("is not an absolute URL ({e})")))?;
    let https_only = matches!(policy, UrlPolicy::PublicHttps);
    match url.scheme {
        Scheme::Https => {}
        Scheme::Http if !https_only => {}
        _ => {
            let wanted = if https_only { "https" } else { "http or https" };
            let scheme: String = kept(url.scheme_text)
                .map(|b| char::from(b.to_ascii_lowercase()))
                .collect();
            return Err(message!("must use {}, not `{}:`", wanted, scheme));
        }
    }
    if matches!(policy, UrlPolicy::Http) {
        return Ok(());
    }
    if url.credentials {
        return Err("must not carry a user name or password".to_owned());
    }
    match url.host {
        Host::None => Err("has no host".to_owned()),
        Host::Domain(raw) => {
            if is_localhost(raw) {
                Err(message!(
                    "points at `{}`, which is not a public host",
                    domain_text(raw)
                ))
            } else {
                Ok(())
            }
        }
        Host::Ipv4(a) => not_public(ipv4_range(a), |f| write_ipv4(f, a)),
        Host::Ipv6(a) => not_public(ipv6_range(a), |f| write_ipv6(f, a)),
    }
}

/// Whether `text` is a URL of the usual shape that meets the policy, seen
/// without the parser: `https://` (or `http://` where the policy allows it),
/// written in lower case, then a domain of lower-case ASCII letters, digits,
/// hyphens and dots, then the end or a `/`, `?` or `#`.
///
/// The parser would accept such a URL, which is why `true` is the answer:
/// no label is `xn--` Punycode (the one check `idna` makes of ASCII labels
/// under the URL Standard's flags, which allow any hyphens, any length and
/// empty labels); the last label that is not empty starts with a letter,
/// so the host does not end in a number and is not read as an IPv4
/// address (and there is a host: `https:///x` goes to the parser, whose
/// host is `x`); there is no user name, password or port; and nothing after
/// the host can make a URL fail. Under a public policy the host is not
/// `localhost` or a `*.localhost` name. Anything else (`false`) goes to the
/// parser, which says why, or that the URL is acceptable after all.
fn is_plainly_acceptable(policy: UrlPolicy, text: &str) -> bool {
    let rest = match text.as_bytes() {
        [b'h', b't', b't', b'p', b's', b':', b'/', b'/', rest @ ..] => rest,
        [b'h', b't', b't', b'p', b':', b'/', b'/', rest @ ..]
            if !matches!(policy, UrlPolicy::PublicHttps) =>
        {
            rest
        }
        _ => return false,
    };
    // One pass over the host, label by label, from `label`; the end of the
    // text ends the host as a `/` would.
    let (mut i, mut label) = (0, 0);
    let mut last: &[u8] = &[];
    loop {
        let b = rest.get(i).copied().unwrap_or(b'/');
        match b {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => {
                i += 1;
                continue;
            }
            b'.' | b'/' | b'?' | b'#' => {}
            _ => return false,
        }
        let this = rest.get(label..i).unwrap_or_default();
        if this.starts_with(b"xn--") {
            return false;
        }
        // Empty labels (`a..b`, `a.`) pass as they do in the parser.
        if !this.is_empty() {
            last = this;
        }
        if b != b'.' {
            break;
        }
        i += 1;
        label = i;
    }
    last.first().is_some_and(u8::is_ascii_lowercase)
        && (matches!(policy, UrlPolicy::Http) || last != b"localhost")
}

/// The refusal for an address in a non-public range, with the host as the
/// URL serializes it (`127.0.0.1` for `0x7f.1`, `[::ffff:7f00:1]`).
fn not_public(
    range: Option<&str>,
    host: impl Fn(&mut String) -> fmt::Result,
) -> Result<(), String> {
    match range {
        Some(range) => {
            let mut text = String::new();
            // Writing to a `String` cannot fail.
            let _ = host(&mut text);
            Err(message!(
                "points at {}, {} address, not a public host",
                text,
                range
            ))
        }
        None => Ok(()),
    }
}

/// The non-public range an IPv4 address is in, with its article (`a loopback`), if any.
fn ipv4_range(a: Ipv4Addr) -> Option<&'static str> {
    let [b0, b1, ..] = a.octets();
    if a.is_loopback() {
        Some("a loopback")
    } else if a.is_private() {
        Some("a private")
    } else if a.is_link_local() {
        Some("a link-local")
    } else if b0 == 0 {
        Some("an unspecified")
    } else if b0 == 100 && (64..128).contains(&b1) {
        Some("a carrier-grade NAT")
    } else if a.is_broadcast() {
        Some("a broadcast")
    } else if a.is_multicast() {
        Some("a multicast")
    } else {
        None
    }
}

/// The non-public range an IPv6 address is in, with its article (`an unspecified`), if any.
///
/// An address that carries an IPv4 address, and reaches it through a
/// translator or a tunnel, is judged by that IPv4 address: IPv4-mapped
/// (`::ffff:0:0/96`, SPEC's own case), and by decision also IPv4-translated
/// (`::ffff:0:0:0/96`, RFC 2765), the NAT64 well-known prefix
/// (`64:ff9b::/96`, RFC 6052), 6to4 (`2002::/16`, RFC 3056), Teredo
/// (`2001::/32`, RFC 4380, by its client's address, stored inverted in the
/// last 32 bits) and the deprecated IPv4-compatible form (`::/96`, RFC 4291),
/// so that `[64:ff9b::7f00:1]` is no way around `127.0.0.1`. NAT64's
/// local-use prefix (`64:ff9b:1::/48`, RFC 8215) and the deprecated
/// site-local range (`fec0::/10`, RFC 3879) are non-public whatever they
/// carry.
fn ipv6_range(a: Ipv6Addr) -> Option<&'static str> {
    let [s0, s1, s2, s3, s4, s5, s6, s7] = a.segments();
    let embedded = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    let carried = match (s0, s1, s2, s3, s4, s5) {
        (0, 0, 0, 0, 0, 0xffff) => Some((embedded(s6, s7), "an IPv4-mapped non-public")),
        (0, 0, 0, 0, 0xffff, 0) => Some((embedded(s6, s7), "an IPv4-translated non-public")),
        (0x64, 0xff9b, 0, 0, 0, 0) => Some((embedded(s6, s7), "a NAT64 non-public")),
        (0x2002, ..) => Some((embedded(s1, s2), "a 6to4 non-public")),
        (0x2001, 0, ..) => Some((embedded(!s6, !s7), "a Teredo non-public")),
        // `::` and `::1` are judged as themselves, below.
        (0, 0, 0, 0, 0, 0) if (s6, s7) > (0, 1) => {
            Some((embedded(s6, s7), "an IPv4-compatible non-public"))
        }
        _ => None,
    };
    if let Some((v4, range)) = carried {
        return ipv4_range(v4).map(|_| range);
    }
    if a.is_loopback() {
        Some("a loopback")
    } else if a.is_unspecified() {
        Some("an unspecified")
    } else if s0 & 0xffc0 == 0xfe80 {
        Some("a link-local")
    } else if s0 & 0xffc0 == 0xfec0 {
        Some("a site-local")
    } else if s0 & 0xfe00 == 0xfc00 {
        Some("a unique-local")
    } else if (s0, s1, s2) == (0x64, 0xff9b, 1) {
        Some("a local-use NAT64")
    } else if a.is_multicast() {
        Some("a multicast")
    } else {
        None
    }
}

/// The host and port of an absolute URL (`host:port` of `scheme://user@host:port/path`),
/// or nothing when the text has none. Only used to see whether the host is ASCII:
/// user info may hold any character (it is percent-encoded).
fn host_and_port(text: &str) -> &[u8] {
    // The text after the scheme's `:` when `//` follows it at once, up to the
    // path. A `://` further on is in a path or a query (`https:host/?u=https://…`).
    let Some(rest) = (text.split_once(':')).and_then(|(_, rest)| rest.strip_prefix("//")) else {
        return b"";
    };
    let authority = rest
        .split(['/', '?', '#', '\\'])
        .next()
        .unwrap_or("")
        .as_bytes();
    // The host follows the last `@`, as the WHATWG parser reads it.
    let at = authority
        .iter()
        .rposition(|&b| b == b'@')
        .map_or(0, |i| i + 1);
    authority.get(at..).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// The parser. It follows the WHATWG basic URL parser with no base URL, and
// returns the `url` crate's error for each failure (its `Display` text is
// what a message shows). Paths, queries and fragments never make a URL fail,
// so they are not read.

/// Why a text is not an absolute URL, with the `url` crate's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ParseError {
    EmptyHost,
    Idna,
    InvalidPort,
    InvalidIpv4Address,
    InvalidIpv6Address,
    InvalidDomainCharacter,
    RelativeUrlWithoutBase,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EmptyHost => "empty host",
            Self::Idna => "invalid international domain name",
            Self::InvalidPort => "invalid port number",
            Self::InvalidIpv4Address => "invalid IPv4 address",
            Self::InvalidIpv6Address => "invalid IPv6 address",
            Self::InvalidDomainCharacter => "invalid domain character",
            Self::RelativeUrlWithoutBase => "relative URL without a base",
        })
    }
}

/// The scheme, as far as the rules and the parser tell schemes apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    Http,
    Https,
    /// `ws`, `wss` or `ftp`: special, parsed as `http` is.
    OtherSpecial,
    File,
    /// Any other scheme (`mailto`, `data`, `javascript`, ...).
    NotSpecial,
}

/// A host, borrowed from the text.
#[derive(Debug, Clone, Copy)]
enum Host<'a> {
    None,
    /// A domain name as written: tabs, newlines and percent escapes are still
    /// in it, and it is read through [`labels`]. For a special URL it passed
    /// the same checks as `url` makes with `idna`, so it is ASCII once decoded.
    Domain(&'a [u8]),
    Ipv4(Ipv4Addr),
    Ipv6(Ipv6Addr),
}

/// What the rules read of a URL.
struct Url<'a> {
    scheme: Scheme,
    /// The scheme as written (any case, maybe with tabs), for a message.
    scheme_text: &'a [u8],
    /// A user name or a password, even an empty user name with a password.
    credentials: bool,
    host: Host<'a>,
}

/// ASCII tab or newline: the parser drops them wherever they are.
fn is_tab_or_newline(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\r')
}

/// The bytes of a slice without ASCII tabs and newlines.
#[derive(Clone)]
struct Kept<'a>(slice::Iter<'a, u8>);

impl<'a> Kept<'a> {
    /// What is left, as written.
    fn as_slice(&self) -> &'a [u8] {
        self.0.as_slice()
    }
}

impl Iterator for Kept<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        self.0.find(|&&b| !is_tab_or_newline(b)).copied()
    }
}

fn kept(raw: &[u8]) -> Kept<'_> {
    Kept(raw.iter())
}

/// Parses `text` as an absolute URL.
fn parse(text: &str) -> Result<Url<'_>, ParseError> {
    // Leading and trailing C0 controls and spaces are not part of the URL.
    // Bytewise: every byte up to b' ' is a whole character in UTF-8.
    let mut input = text.as_bytes();
    while let [b, rest @ ..] = input {
        if *b > b' ' {
            break;
        }
        input = rest;
    }
    while let [rest @ .., b] = input {
        if *b > b' ' {
            break;
        }
        input = rest;
    }
    // Scheme state: an ASCII letter, then letters, digits, `+`, `-`, `.`, to a `:`.
    if !input.first().is_some_and(u8::is_ascii_alphabetic) {
        return Err(ParseError::RelativeUrlWithoutBase);
    }
    let scheme_len = input
        .iter()
        .position(|&b| {
            !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.') || is_tab_or_newline(b))
        })
        .unwrap_or(input.len());
    let (scheme_text, rest) = input.split_at(scheme_len);
    let Some((b':', rest)) = rest.split_first() else {
        return Err(ParseError::RelativeUrlWithoutBase);
    };
    let is = |name: &str| {
        kept(scheme_text)
            .map(|b| b.to_ascii_lowercase())
            .eq(name.bytes())
    };
    let scheme = if is("http") {
        Scheme::Http
    } else if is("https") {
        Scheme::Https
    } else if is("ws") || is("wss") || is("ftp") {
        Scheme::OtherSpecial
    } else if is("file") {
        Scheme::File
    } else {
        Scheme::NotSpecial
    };
    let (credentials, host) = match scheme {
        Scheme::Http | Scheme::Https | Scheme::OtherSpecial => {
            // Special authority slashes: any number of `/` and `\`, even none.
            let start = rest
                .iter()
                .position(|&b| !matches!(b, b'/' | b'\\') && !is_tab_or_newline(b))
                .unwrap_or(rest.len());
            parse_authority(rest.get(start..).unwrap_or_default(), true)?
        }
        Scheme::File => {
            file_host(rest)?;
            (false, Host::None)
        }
        Scheme::NotSpecial => {
            // An authority only after exactly `//`; otherwise a path.
            let mut after = kept(rest);
            if after.next() == Some(b'/') && after.next() == Some(b'/') {
                parse_authority(after.as_slice(), false)?;
            }
            (false, Host::None)
        }
    };
    Ok(Url {
        scheme,
        scheme_text,
        credentials,
        host,
    })
}

/// Authority state, host state and port state, from just after the slashes.
fn parse_authority(input: &[u8], special: bool) -> Result<(bool, Host<'_>), ParseError> {
    let ends = move |b: u8| matches!(b, b'/' | b'?' | b'#') || (special && b == b'\\');
    let end = input.iter().position(|&b| ends(b)).unwrap_or(input.len());
    // User info runs to the last `@` of the authority.
    let mut credentials = false;
    let mut rest = input;
    let at = input
        .get(..end)
        .and_then(|authority| authority.iter().rposition(|&b| b == b'@'));
    if let Some(at) = at {
        let userinfo = input.get(..at).unwrap_or_default();
        rest = input.get(at + 1..).unwrap_or_default();
        let mut chars = kept(userinfo);
        match chars.next() {
            // `@` first, and the authority ends right after it.
            None if kept(rest).next().is_some_and(ends) => return Err(ParseError::EmptyHost),
            None => {}
            // A user name, or a password after the first `:`; `:` alone is neither.
            Some(first) => credentials = first != b':' || chars.next().is_some(),
        }
    }
    // The host runs to a `:` outside brackets or to the end of the authority.
    let mut in_brackets = false;
    let host_end = rest
        .iter()
        .position(|&b| match b {
            b':' => !in_brackets,
            b'[' => {
                in_brackets = true;
                false
            }
            b']' => {
                in_brackets = false;
                false
            }
            _ => ends(b),
        })
        .unwrap_or(rest.len());
    let (host_text, after) = rest.split_at(host_end);
    let host = if special {
        if kept(host_text).next().is_none() {
            return Err(ParseError::EmptyHost);
        }
        parse_host(host_text)?
    } else {
        opaque_host(host_text)?
    };
    let mut after = kept(after);
    if after.next() == Some(b':') {
        if matches!(host, Host::None) {
            return Err(ParseError::EmptyHost);
        }
        parse_port(after)?;
    }
    if credentials && matches!(host, Host::None) {
        return Err(ParseError::EmptyHost);
    }
    Ok((credentials, host))
}

/// Port state: digits up to 65535, then the end or `/`, `\`, `?`, `#`.
fn parse_port(digits: Kept<'_>) -> Result<(), ParseError> {
    let mut port = 0u32;
    for b in digits {
        if b.is_ascii_digit() {
            port = port * 10 + u32::from(b - b'0');
            if port > u32::from(u16::MAX) {
                return Err(ParseError::InvalidPort);
            }
        } else if matches!(b, b'/' | b'\\' | b'?' | b'#') {
            break;
        } else {
            return Err(ParseError::InvalidPort);
        }
    }
    Ok(())
}

/// File host state: a `file:` URL has a host only after two slashes, and a
/// Windows drive letter (`c:`) there is a path, not a host.
fn file_host(rest: &[u8]) -> Result<(), ParseError> {
    let mut after = kept(rest);
    let slash = |b: Option<u8>| matches!(b, Some(b'/' | b'\\'));
    if !(slash(after.next()) && slash(after.next())) {
        return Ok(());
    }
    let raw = after.as_slice();
    let end = raw
        .iter()
        .position(|&b| matches!(b, b'/' | b'\\' | b'?' | b'#'))
        .unwrap_or(raw.len());
    let host_text = raw.get(..end).unwrap_or_default();
    let mut chars = kept(host_text);
    match (chars.next(), chars.next(), chars.next()) {
        (None, _, _) => Ok(()),
        (Some(letter), Some(b':' | b'|'), None) if letter.is_ascii_alphabetic() => Ok(()),
        _ => parse_host(host_text).map(|_| ()),
    }
}

/// The opaque-host parser of a URL with another scheme (`foo://host`).
fn opaque_host(raw: &[u8]) -> Result<Host<'_>, ParseError> {
    if kept(raw).next() == Some(b'[') {
        return ipv6_literal(raw).map(Host::Ipv6);
    }
    let forbidden = |b: u8| {
        matches!(
            b,
            0 | b' '
                | b'#'
                | b'/'
                | b':'
                | b'<'
                | b'>'
                | b'?'
                | b'@'
                | b'['
                | b'\\'
                | b']'
                | b'^'
                | b'|'
        )
    };
    if kept(raw).any(forbidden) {
        return Err(ParseError::InvalidDomainCharacter);
    }
    Ok(match kept(raw).next() {
        None => Host::None,
        Some(_) => Host::Domain(raw),
    })
}

/// The host parser of a special URL: an IPv6 literal in brackets, or a
/// domain, percent-decoded and checked as `idna` does it for the URL
/// Standard, which is an IPv4 address when it ends in a number.
fn parse_host(raw: &[u8]) -> Result<Host<'_>, ParseError> {
    if kept(raw).next() == Some(b'[') {
        return ipv6_literal(raw).map(Host::Ipv6);
    }
    for label in labels(raw) {
        check_label(label).map_err(|()| ParseError::Idna)?;
    }
    if ends_in_a_number(raw) {
        parse_ipv4(raw).map(Host::Ipv4)
    } else {
        Ok(Host::Domain(raw))
    }
}

// ---------------------------------------------------------------------------
// Domains, read label by label through percent-decoding, without a copy.

/// The bytes of a host as written, without tabs and newlines, percent-decoded.
#[derive(Clone)]
struct Decoded<'a>(Kept<'a>);

impl Iterator for Decoded<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        let b = self.0.next()?;
        if b == b'%' {
            let mut ahead = self.0.clone();
            let hex = |b: Option<u8>| char::from(b?).to_digit(16);
            if let (Some(high), Some(low)) = (hex(ahead.next()), hex(ahead.next())) {
                self.0 = ahead;
                // Two hex digits are at most 0xff.
                return u8::try_from(high * 16 + low).ok();
            }
        }
        Some(b)
    }
}

/// One label of a decoded host: its bytes up to the next `.`.
#[derive(Clone)]
struct Label<'a>(Option<Decoded<'a>>);

impl Label<'_> {
    fn is_empty(&self) -> bool {
        self.clone().next().is_none()
    }
}

impl Iterator for Label<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        match self.0.as_mut()?.next() {
            Some(b'.') | None => {
                self.0 = None;
                None
            }
            b => b,
        }
    }
}

/// The labels of a host, split at the decoded dots (`a.` is `a` and ``).
struct Labels<'a>(Option<Decoded<'a>>);

impl<'a> Iterator for Labels<'a> {
    type Item = Label<'a>;

    fn next(&mut self) -> Option<Label<'a>> {
        let rest = self.0.as_mut()?;
        let label = Label(Some(rest.clone()));
        loop {
            match rest.next() {
                Some(b'.') => break,
                Some(_) => {}
                None => {
                    self.0 = None;
                    break;
                }
            }
        }
        Some(label)
    }
}

fn labels(raw: &[u8]) -> Labels<'_> {
    Labels(Some(Decoded(kept(raw))))
}

/// What `idna` (UTS 46 with the URL Standard's flags, no Unicode back end)
/// refuses in one label: any non-ASCII byte, a forbidden domain code point,
/// or an `xn--` label that is not acceptable Punycode.
fn check_label(label: Label<'_>) -> Result<(), ()> {
    let mut len = 0usize;
    let mut last = None;
    for b in label.clone() {
        // C0 controls, space, DEL and `%#/:<>?@[\]^|`.
        if !b.is_ascii() || b <= b' ' || b == 0x7f || b"%#/:<>?@[\\]^|".contains(&b) {
            return Err(());
        }
        len += 1;
        last = Some(b);
    }
    let mut rest = label;
    let prefix = [rest.next(), rest.next(), rest.next(), rest.next()];
    if !matches!(
        prefix,
        [Some(b'x' | b'X'), Some(b'n' | b'N'), Some(b'-'), Some(b'-')]
    ) {
        return Ok(());
    }
    if last == Some(b'-') || len - 4 > PUNYCODE_MAX_INPUT {
        return Err(());
    }
    check_punycode(rest)
}

/// The longest Punycode `idna` decodes, after `xn--`.
const PUNYCODE_MAX_INPUT: usize = 2000;
/// The most code points `idna` accepts in a decoded non-ASCII label.
const LABEL_MAX_CODE_POINTS: u32 = 1000;

/// Decodes Punycode (RFC 3492) as `idna`'s decoder does, keeping only what
/// its checks look at: the first code point (no joiner may come first), the
/// length, and U+FFFD (its mark of an error).
fn check_punycode(input: Label<'_>) -> Result<(), ()> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    // Basic code points are those before the last `-`. A `-` first and last
    // is read as a digit, and is none.
    let delimiter = input
        .clone()
        .enumerate()
        .filter(|&(_, b)| b == b'-')
        .last()
        .map(|(i, _)| i);
    let mut digits = input.clone();
    let (mut length, mut first) = match delimiter {
        Some(0) => return Err(()),
        Some(n) => {
            let first = digits.next().map(|b| char::from(b.to_ascii_lowercase()));
            for _ in 0..n {
                digits.next();
            }
            (u32::try_from(n).map_err(|_| ())?, first)
        }
        None => (0, None),
    };
    let mut code_point: u32 = 0x80;
    let mut bias: u32 = 72;
    let mut i: u32 = 0;
    while let Some(mut byte) = digits.next() {
        let previous_i = i;
        let mut weight: u32 = 1;
        let mut k = BASE;
        loop {
            let digit = match byte {
                b'0'..=b'9' => u32::from(byte - b'0') + 26,
                b'A'..=b'Z' => u32::from(byte - b'A'),
                b'a'..=b'z' => u32::from(byte - b'a'),
                _ => return Err(()),
            };
            i = i
                .checked_add(digit.checked_mul(weight).ok_or(())?)
                .ok_or(())?;
            let t = if k <= bias {
                T_MIN
            } else if k >= bias + T_MAX {
                T_MAX
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            weight = weight.checked_mul(BASE - t).ok_or(())?;
            k += BASE;
            byte = digits.next().ok_or(())?;
        }
        bias = adapt(i - previous_i, length + 1, previous_i == 0);
        code_point = code_point.checked_add(i / (length + 1)).ok_or(())?;
        i %= length + 1;
        let c = char::from_u32(code_point).ok_or(())?;
        if c == '\u{FFFD}' {
            return Err(());
        }
        if i == 0 {
            first = Some(c);
        }
        length += 1;
        i += 1;
    }
    // A zero-width joiner or non-joiner needs a code point before it.
    if matches!(first, Some('\u{200C}' | '\u{200D}')) || length > LABEL_MAX_CODE_POINTS {
        return Err(());
    }
    Ok(())
}

/// Punycode's bias adaptation (RFC 3492, 6.1).
fn adapt(delta: u32, num_points: u32, first_time: bool) -> u32 {
    let mut delta = delta / if first_time { 700 } else { 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > (35 * 26) / 2 {
        delta /= 35;
        k += 36;
    }
    k + (36 * delta) / (delta + 38)
}

/// Whether the last label (before one trailing dot) is a number, which makes
/// the host an IPv4 address (or an invalid one).
fn ends_in_a_number(raw: &[u8]) -> bool {
    let mut last = None;
    let mut before_last = None;
    for label in labels(raw) {
        before_last = last.replace(label);
    }
    let last = match last {
        Some(label) if label.is_empty() => before_last,
        label => label,
    };
    match last {
        Some(label) => {
            (!label.is_empty() && label.clone().all(|b| b.is_ascii_digit()))
                || ipv4_number(label).is_ok()
        }
        None => false,
    }
}

/// An IPv4 number: decimal, octal after `0`, hexadecimal after `0x`. `Ok(None)`
/// for a valid number past `u32`.
fn ipv4_number(mut label: Label<'_>) -> Result<Option<u32>, ()> {
    let mut ahead = label.clone();
    let (radix, prefix) = match (ahead.next(), ahead.next()) {
        (None, _) => return Err(()),
        (Some(b'0'), Some(b'x' | b'X')) => (16, 2),
        (Some(b'0'), Some(_)) => (8, 1),
        _ => (10, 0),
    };
    for _ in 0..prefix {
        label.next();
    }
    let mut value: u64 = 0;
    for b in label {
        let digit = char::from(b).to_digit(radix).ok_or(())?;
        // Past u32 it stays past u32, without overflowing u64.
        value = (value * u64::from(radix) + u64::from(digit)).min(1 << 32);
    }
    Ok(u32::try_from(value).ok())
}

/// The IPv4 parser: one to four numbers, the last filling the bytes left.
fn parse_ipv4(raw: &[u8]) -> Result<Ipv4Addr, ParseError> {
    let invalid = ParseError::InvalidIpv4Address;
    let mut numbers = [0u32; 4];
    let mut count = 0;
    let mut parts = labels(raw).peekable();
    while let Some(part) = parts.next() {
        if part.is_empty() && parts.peek().is_none() {
            break;
        }
        let number = ipv4_number(part).ok().flatten().ok_or(invalid)?;
        *numbers.get_mut(count).ok_or(invalid)? = number;
        count += 1;
    }
    let (last, leading) = match numbers.get(..count).and_then(<[u32]>::split_last) {
        Some(split) => split,
        None => return Err(invalid),
    };
    if u64::from(*last) >= 1 << (8 * (4 - leading.len())) || leading.iter().any(|&n| n > 255) {
        return Err(invalid);
    }
    let high = leading
        .iter()
        .zip([24, 16, 8])
        .fold(0, |acc, (&n, shift)| acc | n << shift);
    Ok(Ipv4Addr::from(high | last))
}

/// Whether a domain is `localhost` or a `*.localhost` name, trailing dots aside.
fn is_localhost(raw: &[u8]) -> bool {
    let mut localhost = false;
    for label in labels(raw) {
        if !label.is_empty() {
            localhost = label.map(|b| b.to_ascii_lowercase()).eq(*b"localhost");
        }
    }
    localhost
}

/// A domain as `url` serializes it (decoded, lower case), trailing dots removed.
fn domain_text(raw: &[u8]) -> String {
    let text: String = Decoded(kept(raw))
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect();
    text.trim_end_matches('.').to_owned()
}

// ---------------------------------------------------------------------------
// IPv6.

/// An IPv6 literal: the host's bytes, tabs and newlines aside, are `[`, an
/// address, `]`.
fn ipv6_literal(raw: &[u8]) -> Result<Ipv6Addr, ParseError> {
    // No valid literal is longer than 47 bytes (`[` + 45 + `]`).
    let mut buffer = [0u8; 64];
    let mut len = 0;
    for b in kept(raw) {
        *buffer.get_mut(len).ok_or(ParseError::InvalidIpv6Address)? = b;
        len += 1;
    }
    buffer
        .get(..len)
        .and_then(|s| s.strip_prefix(b"["))
        .and_then(|s| s.strip_suffix(b"]"))
        .and_then(parse_ipv6)
        .ok_or(ParseError::InvalidIpv6Address)
}

/// The IPv6 parser of the URL Standard, step by step as the `url` crate
/// writes it.
fn parse_ipv6(input: &[u8]) -> Option<Ipv6Addr> {
    let len = input.len();
    let at = |i: usize| input.get(i).copied();
    let mut pieces = [0u16; 8];
    let mut piece_pointer = 0;
    let mut compress_pointer = None;
    let mut is_ipv4 = false;
    let mut i = 0;
    if len < 2 {
        return None;
    }
    if at(0) == Some(b':') {
        if at(1) != Some(b':') {
            return None;
        }
        i = 2;
        piece_pointer = 1;
        compress_pointer = Some(1);
    }
    while i < len {
        if piece_pointer == 8 {
            return None;
        }
        if at(i) == Some(b':') {
            if compress_pointer.is_some() {
                return None;
            }
            i += 1;
            piece_pointer += 1;
            compress_pointer = Some(piece_pointer);
            continue;
        }
        let start = i;
        let end = len.min(start + 4);
        let mut value = 0u16;
        while i < end {
            match at(i).and_then(|b| char::from(b).to_digit(16)) {
                Some(digit) => {
                    value = value * 0x10 + u16::try_from(digit).ok()?;
                    i += 1;
                }
                None => break,
            }
        }
        if i < len {
            match at(i) {
                Some(b'.') => {
                    if i == start || piece_pointer > 6 {
                        return None;
                    }
                    i = start;
                    is_ipv4 = true;
                }
                Some(b':') => {
                    i += 1;
                    if i == len {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        if is_ipv4 {
            break;
        }
        *pieces.get_mut(piece_pointer)? = value;
        piece_pointer += 1;
    }
    if is_ipv4 {
        let mut numbers_seen = 0;
        while i < len {
            if numbers_seen > 0 {
                if numbers_seen < 4 && at(i) == Some(b'.') {
                    i += 1;
                } else {
                    return None;
                }
            }
            let mut ipv4_piece: Option<u16> = None;
            while let Some(c @ b'0'..=b'9') = at(i) {
                let digit = u16::from(c - b'0');
                ipv4_piece = match ipv4_piece {
                    None => Some(digit),
                    // No leading zero.
                    Some(0) => return None,
                    Some(v) => Some(v * 10 + digit).filter(|&v| v <= 255),
                };
                ipv4_piece?;
                i += 1;
            }
            let piece = pieces.get_mut(piece_pointer)?;
            *piece = *piece * 0x100 + ipv4_piece?;
            numbers_seen += 1;
            if numbers_seen == 2 || numbers_seen == 4 {
                piece_pointer += 1;
            }
        }
        if numbers_seen != 4 {
            return None;
        }
    }
    if i < len {
        return None;
    }
    match compress_pointer {
        // The pieces after `::` move to the end; zeros fill the gap.
        Some(compress) => {
            let moved = pieces.get(compress..piece_pointer)?;
            let mut out = [0u16; 8];
            out.get_mut(..compress)?
                .copy_from_slice(pieces.get(..compress)?);
            out.get_mut(8 - moved.len()..)?.copy_from_slice(moved);
            pieces = out;
        }
        None if piece_pointer != 8 => return None,
        None => {}
    }
    Some(Ipv6Addr::from(pieces))
}

/// An IPv4 address in dotted decimal, as its `Display` writes it.
fn write_ipv4(out: &mut String, a: Ipv4Addr) -> fmt::Result {
    for (i, octet) in a.octets().into_iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        if octet >= 100 {
            out.push(char::from(b'0' + octet / 100));
        }
        if octet >= 10 {
            out.push(char::from(b'0' + octet / 10 % 10));
        }
        out.push(char::from(b'0' + octet % 10));
    }
    Ok(())
}

/// An IPv6 address as the URL Standard serializes a host: in brackets, lower
/// case hexadecimal, the first longest run of two or more zero pieces as `::`
/// (so `[::ffff:7f00:1]`, where `Ipv6Addr`'s `Display` writes `127.0.0.1`).
fn write_ipv6(out: &mut String, a: Ipv6Addr) -> fmt::Result {
    let pieces = a.segments();
    let (mut start, mut len) = (8, 0);
    let mut run = None;
    for (i, &piece) in pieces.iter().chain([1].iter()).enumerate() {
        match (piece == 0, run) {
            (true, None) => run = Some(i),
            (false, Some(s)) => {
                if i - s > len && i - s >= 2 {
                    (start, len) = (s, i - s);
                }
                run = None;
            }
            _ => {}
        }
    }
    out.push('[');
    let mut i = 0;
    while let Some(piece) = pieces.get(i) {
        if i == start {
            out.push_str(if i == 0 { "::" } else { ":" });
            i += len;
            continue;
        }
        // Lower case hexadecimal without leading zeros, as `{:x}` writes it.
        let mut digits = false;
        for shift in [12, 8, 4, 0] {
            let d = u32::from((piece >> shift) & 0xf);
            if d != 0 || digits || shift == 0 {
                digits = true;
                out.extend(char::from_digit(d, 16));
            }
        }
        if i < 7 {
            out.push(':');
        }
        i += 1;
    }
    out.push(']');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_written_as_std_and_the_url_standard_write_them() {
        for a in [
            [0, 0, 0, 0],
            [127, 0, 0, 1],
            [10, 99, 100, 255],
            [9, 10, 199, 200],
        ] {
            let a = Ipv4Addr::from(a);
            let mut out = String::new();
            write_ipv4(&mut out, a).unwrap();
            assert_eq!(out, a.to_string());
        }
        for (pieces, want) in [
            ([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1], "[::ffff:7f00:1]"),
            (
                [0xfe80, 0, 0, 0, 0x1a, 0xabc, 0xf00d, 0x10],
                "[fe80::1a:abc:f00d:10]",
            ),
            ([1, 0, 2, 0, 0, 3, 0, 0], "[1:0:2::3:0:0]"),
            ([0; 8], "[::]"),
        ] {
            let mut out = String::new();
            write_ipv6(&mut out, Ipv6Addr::from(pieces)).unwrap();
            assert_eq!(out, want);
        }
    }
}
