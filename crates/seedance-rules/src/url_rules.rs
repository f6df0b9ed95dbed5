//! URL rules: WHATWG parsing (the `url` crate, as browsers do), so that
//! `http://2130706433/` and `http://0x7f.1/` are the host `127.0.0.1`.
//!
//! "Public" is decided from the URL alone: the host must not be `localhost`
//! or a `*.localhost` name, nor an IP literal in a loopback, private,
//! link-local, unique-local, unspecified (`0.0.0.0/8`, `::`), carrier-grade
//! NAT, broadcast or multicast range (an IPv4-mapped IPv6 address is judged
//! by its IPv4 address), and the URL must carry no user name or password.
//! The library never resolves names: a name whose DNS records point at a
//! private address cannot be seen here, and passes.
//!
//! A host name must be written in ASCII (an internationalized name in its
//! Punycode form, `xn--…`). Mapping Unicode host names (UTS 46) needs large
//! tables that would triple the size of the WebAssembly package, and the
//! mapping is where look-alikes hide: full-width `ｌｏｃａｌｈｏｓｔ` maps to
//! `localhost`. Refusing them is the safe answer, and the same answer
//! whichever Unicode back end the `idna` crate is built with.

use std::net::{Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

use crate::spec::UrlPolicy;

/// `Ok` when `text` meets the policy, else why not (for a message).
pub(crate) fn check(policy: UrlPolicy, text: &str) -> Result<(), String> {
    if !authority(text).is_ascii() {
        return Err("has a host name that is not ASCII; write it in Punycode (`xn--…`)".to_owned());
    }
    let url = Url::parse(text).map_err(|e| format!("is not an absolute URL ({e})"))?;
    let https_only = matches!(policy, UrlPolicy::PublicHttps);
    match url.scheme() {
        "https" => {}
        "http" if !https_only => {}
        other => {
            let wanted = if https_only { "https" } else { "http or https" };
            return Err(format!("must use {wanted}, not `{other}:`"));
        }
    }
    if matches!(policy, UrlPolicy::Http) {
        return Ok(());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not carry a user name or password".to_owned());
    }
    match url.host() {
        None => Err("has no host".to_owned()),
        Some(Host::Domain(d)) => {
            let d = d.trim_end_matches('.');
            if d == "localhost" || d.ends_with(".localhost") {
                Err(format!("points at `{d}`, which is not a public host"))
            } else {
                Ok(())
            }
        }
        Some(Host::Ipv4(a)) => not_public(ipv4_range(a), url.host_str()),
        Some(Host::Ipv6(a)) => not_public(ipv6_range(a), url.host_str()),
    }
}

fn not_public(range: Option<&str>, host: Option<&str>) -> Result<(), String> {
    match range {
        // The host as the URL serializes it (`127.0.0.1` for `0x7f.1`).
        Some(range) => Err(format!(
            "points at {}, a {range} address, not a public host",
            host.unwrap_or("")
        )),
        None => Ok(()),
    }
}

/// The non-public range an IPv4 address is in, if any.
fn ipv4_range(a: Ipv4Addr) -> Option<&'static str> {
    let [b0, b1, ..] = a.octets();
    if a.is_loopback() {
        Some("loopback")
    } else if a.is_private() {
        Some("private")
    } else if a.is_link_local() {
        Some("link-local")
    } else if b0 == 0 {
        Some("unspecified")
    } else if b0 == 100 && (64..128).contains(&b1) {
        Some("carrier-grade NAT")
    } else if a.is_broadcast() {
        Some("broadcast")
    } else if a.is_multicast() {
        Some("multicast")
    } else {
        None
    }
}

/// The non-public range an IPv6 address is in, if any.
fn ipv6_range(a: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = a.to_ipv4_mapped() {
        return ipv4_range(v4).map(|_| "IPv4-mapped non-public");
    }
    let s0 = a.segments()[0];
    if a.is_loopback() {
        Some("loopback")
    } else if a.is_unspecified() {
        Some("unspecified")
    } else if s0 & 0xffc0 == 0xfe80 {
        Some("link-local")
    } else if s0 & 0xfe00 == 0xfc00 {
        Some("unique-local")
    } else if a.is_multicast() {
        Some("multicast")
    } else {
        None
    }
}

/// The authority of an absolute URL (`user@host:port` of `scheme://user@host:port/path`),
/// or `""` when the text has none. Only used to see whether the host is ASCII.
fn authority(text: &str) -> &str {
    let Some((_, rest)) = text.split_once("://") else {
        return "";
    };
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    &rest[..end]
}
