//! The URL rules' own parser against the `url` crate: for every URL tried,
//! under every policy, the same verdict and the same message as the rules
//! written on `url::Url::parse` (the reference below).
//!
//! The reference's answers for hosts that are not ASCII once decoded rest on
//! the `idna_adapter` 1.0.0 of Cargo.lock (no Unicode back end, so `url`
//! refuses them too), and on the workspace's dev profile, which turns off two
//! debug assertions of `idna` that these inputs reach (see `Cargo.toml`).
//! `URL_CASES=300000 cargo test -p seedance-rules --test lib urls` runs the
//! property test longer.

use std::net::{Ipv4Addr, Ipv6Addr};

use proptest::prelude::*;
use seedance_rules::{
    check_request, Request, Seedance2aiVideoRequest, SeedanceApiV1Request, UrlPolicy,
};
use url::{Host, Url};

const POLICIES: [UrlPolicy; 3] = [
    UrlPolicy::Http,
    UrlPolicy::PublicHttp,
    UrlPolicy::PublicHttps,
];

/// The URL rules on `url::Url::parse`, as the library had them.
fn reference(policy: UrlPolicy, text: &str) -> Result<(), String> {
    if !host_and_port(text).is_ascii() {
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
        Some(range) => Err(format!(
            "points at {}, {range} address, not a public host",
            host.unwrap_or("")
        )),
        None => Ok(()),
    }
}

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

/// By prefix and length over the address as a number, as the RFCs write them.
fn ipv6_range(a: Ipv6Addr) -> Option<&'static str> {
    let bits = u128::from(a);
    let within = |prefix: u128, len: u32| bits >> (128 - len) == prefix >> (128 - len);
    let low32 = Ipv4Addr::from(bits as u32);
    let carried = if within(0xffff << 32, 96) {
        Some((low32, "an IPv4-mapped non-public"))
    } else if within(0xffff << 48, 96) {
        Some((low32, "an IPv4-translated non-public"))
    } else if within(0x2001_0000 << 96, 32) {
        Some((Ipv4Addr::from(!(bits as u32)), "a Teredo non-public"))
    } else if within(0x64_ff9b << 96, 96) {
        Some((low32, "a NAT64 non-public"))
    } else if within(0x2002 << 112, 16) {
        Some((Ipv4Addr::from((bits >> 80) as u32), "a 6to4 non-public"))
    } else if within(0, 96) && bits > 1 {
        Some((low32, "an IPv4-compatible non-public"))
    } else {
        None
    };
    if let Some((v4, range)) = carried {
        return ipv4_range(v4).map(|_| range);
    }
    if bits == 1 {
        Some("a loopback")
    } else if bits == 0 {
        Some("an unspecified")
    } else if within(0xfe80 << 112, 10) {
        Some("a link-local")
    } else if within(0xfec0 << 112, 10) {
        Some("a site-local")
    } else if within(0xfc00 << 112, 7) {
        Some("a unique-local")
    } else if within(0x64_ff9b_0001 << 80, 48) {
        Some("a local-use NAT64")
    } else if within(0xff << 120, 8) {
        Some("a multicast")
    } else {
        None
    }
}

fn host_and_port(text: &str) -> &str {
    // Only a `//` right after the scheme's `:` starts an authority.
    let Some(rest) = text.split_once(':').and_then(|(_, r)| r.strip_prefix("//")) else {
        return "";
    };
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    // User info, up to the last `@`, may hold any character.
    let authority = &rest[..end];
    authority
        .rfind('@')
        .map_or(authority, |at| &authority[at + 1..])
}

/// The value as a message quotes it (the first 40 characters).
fn clip(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// The library's message for `text` in a field with `policy`, if it refuses
/// it, and the message the reference's answer makes in that field.
fn messages(policy: UrlPolicy, text: &str) -> (Option<String>, Option<String>) {
    let (ours, field) = match policy {
        UrlPolicy::Http => (
            violation(
                &SeedanceApiV1Request {
                    image_urls: vec![text.into()],
                    ..SeedanceApiV1Request::new("a cat")
                },
                "seedanceapi-v1.image_urls.url",
            ),
            "image_urls[0]",
        ),
        UrlPolicy::PublicHttp => (
            violation(
                &SeedanceApiV1Request {
                    callback_url: Some(text.into()),
                    ..SeedanceApiV1Request::new("a cat")
                },
                "seedanceapi-v1.callback_url.url",
            ),
            "callback_url",
        ),
        _ => (
            violation(
                &Seedance2aiVideoRequest {
                    mode: Some("image-to-video".into()),
                    image_url: Some(text.into()),
                    ..Seedance2aiVideoRequest::new("The statue turns its head")
                },
                "seedance2ai-video.image_url.url",
            ),
            "image_url",
        ),
    };
    let expected = reference(policy, text)
        .err()
        .map(|why| format!("`{field}` {why} (got \"{}\")", clip(text)));
    (ours, expected)
}

/// The message of the one violation of `rule`, if any.
fn violation<R: Request>(req: &R, rule: &str) -> Option<String> {
    let report = check_request(req);
    let mut found = report.violations().iter().filter(|v| v.rule == rule);
    let message = found.next().map(|v| v.message.clone());
    assert!(found.next().is_none(), "one violation of {rule} at most");
    message
}

fn assert_same(text: &str) {
    for policy in POLICIES {
        let (ours, expected) = messages(policy, text);
        assert_eq!(ours, expected, "{text:?} under {policy:?}");
    }
}

/// URLs where a parser can go wrong, each with what `url` makes of it.
const TRICKY: &[&str] = &[
    // Plain, and case.
    "https://example.com/",
    "http://example.com/",
    "https://example.com",
    "HTTP://EXAMPLE.COM",
    "HTTPS://EXAMPLE.COM/PATH",
    "hTtP://ExAmPlE.cOm/",
    "HtTpS://a.b.c/",
    "https://example.com:443",
    "https://example.com:443/",
    "http://example.com:80/",
    "https://example.com:80/",
    "http://example.com:/",
    "http://example.com:",
    "http://example.com:0/",
    "http://example.com:00000000000080/",
    "http://example.com:65535/",
    "http://example.com:65536/",
    "http://example.com:99999999999999999999/",
    "http://example.com:-1/",
    "http://example.com:8a/",
    "http://example.com:8 /",
    "http://example.com:8\t0/",
    "http://example.com:80?q",
    "http://example.com:80#f",
    "http://example.com:80\\x",
    "http://example.com::80/",
    "https://example.com/path?query#fragment",
    "https://example.com?x",
    "https://example.com#x",
    "https://sub.example.co.uk/a/b/../c",
    "https://example.com/%zz",
    "https://example.com/ spaces here",
    "https://example.com/ü",
    "https://example.com/?q=ü#ü",
    // A `://` after the authority, in a path or a query, is not one.
    "https:example.com/a.png?next=https://ü.de",
    "https:/x://ü",
    "https:example.com/x://ü/",
    "https://example.com/?u=http://ü",
    // User info.
    "https://ü@example.com/a.jpg",
    "https://ü:pä@example.com/",
    "https://a@ü.de/",
    "https://ü@ü.de/",
    "https://a@b@ü.de/",
    "https://ü@b@example.com/",
    "https://a@b",
    "https://:@b",
    "https://@b",
    "https://@",
    "https://@/",
    "https://@?",
    "https://@#",
    "https://@\\",
    "https://a:@b",
    "https://:p@b",
    "https://a:p@b/",
    "https://::@b",
    "https://a@b@c/",
    "https://a@:80/",
    "https://%40@b/",
    "https://\t@b/",
    "https://\t:\t@b/",
    "https://a@/",
    "https://user:pass@localhost/",
    "http://[::1@]/",
    // Slashes.
    "http:/x",
    "http:x",
    "http:\\\\x",
    "http:\\x",
    "http:///x",
    "http:////x/",
    "http:/\\/\\x",
    "https:example.com",
    "https:/example.com/",
    "https:\\\\example.com\\path",
    "http://example.com\\path",
    "http:",
    "http:/",
    "http://",
    "http:///",
    "http://?",
    "http://#",
    "http:?x",
    // Empty, blank, relative.
    "",
    " ",
    "\t\n ",
    "\u{0}",
    "//example.com",
    "/path",
    "example.com",
    "localhost",
    "http",
    "1http://example.com/",
    "+http://example.com/",
    "ht tp://example.com/",
    "htüp://example.com/",
    "?x",
    "#x",
    ":",
    "a:",
    // Other schemes.
    "ftp://x",
    "ftp://x/",
    "ftp://[::1/",
    "ftp://x:99999/",
    "ws://example.com/",
    "wss://example.com/",
    "javascript:alert(1)",
    "data:text/plain,x",
    "file:///etc/passwd",
    "file://localhost/etc/passwd",
    "file://example.com/x",
    "file://c:/x",
    "file://C|/x",
    "file://1:/x",
    "file://_|/x",
    "file://ab:/x",
    "file://c:d/",
    "file://\t/x",
    "file://[::1]/",
    "file://[::1/",
    "file://a:b/",
    "file://0x100000000/",
    "file://1.2.3.4.5/",
    "file://exa mple/",
    "file:/x",
    "file:x",
    "file:\\\\x\\y",
    "mailto:x",
    "mailto:a@b.c",
    "foo://",
    "foo://@",
    "foo://@/",
    "foo://a@",
    "foo://a@/",
    "foo://:@/",
    "foo://:80/",
    "foo://x:80/",
    "foo://x:8a/",
    "foo://x:99999/",
    "foo://x:80\\y",
    "foo://exa mple/",
    "foo://a\\b/",
    "foo://a^b/",
    "foo://a%b/",
    "foo://[::1]/",
    "foo://[::1/",
    "foo://[x]/",
    "foo://ü/",
    "foo:/\\x",
    "foo:///x",
    "foo:\t//a b/",
    "web+demo:/.//not-a-host/",
    "urn:isbn:0451450523",
    "blob:https://example.com/uuid",
    "about:blank",
    "HTTPX://example.com/",
    // Hosts: IPv4.
    "http://127.0.0.1/",
    "http://0x7f.1/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://127.0.1/",
    "http://2130706433/",
    "http://4294967295/",
    "http://4294967296/",
    "http://0xffffffff/",
    "http://0x100000000/",
    "http://037777777777/",
    "http://040000000000/",
    "http://99999999999999999999999/",
    "http://0x0000000000000000000000001/",
    "http://1.2.3.4.5/",
    "http://1.2.3.4./",
    "http://1.2.3.4../",
    "http://1..2.3/",
    "http://.1.2.3/",
    "http://1.2.3.256/",
    "http://1.2.65536/",
    "http://1.256.3.4/",
    "http://1.2.3.09/",
    "http://1.2.3.08/",
    "http://1.2.3.07/",
    "http://foo.09/",
    "http://foo.0x/",
    "http://foo.0x1g/",
    "http://foo.0X7F/",
    "http://foo.1./",
    "http://foo.1a/",
    "http://0x/",
    "http://0/",
    "http://00/",
    "http://0.0.0.0/",
    "http://8.8.8.8/",
    "http://8.8.8.8:53/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://172.32.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://100.128.0.1/",
    "http://255.255.255.255/",
    "http://224.0.0.1/",
    "http://%31%32%37.0.0.1/",
    "http://127%2e0%2e0%2e1/",
    "http://127%2E1/",
    "http://0x7f%2e1/",
    "http://1%2e2%2e3%2e4%2e5/",
    "http://127.0.0.1\t/",
    "http://1\t27.0.0.1/",
    "http://12\n7.1/",
    // Hosts: IPv6.
    "https://[::1]:80/",
    "https://[::1]/",
    "https://[::ffff:10.0.0.1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:8.8.8.8]/",
    "https://[::ffff:7f00:1]/",
    "https://[::]/",
    "https://[::0]/",
    "https://[0:0:0:0:0:0:0:1]/",
    "https://[0:0:0:0:0:0:0:0:1]/",
    "https://[1:2:3:4:5:6:7:8]/",
    "https://[1:0:0:2:0:0:0:3]/",
    "https://[1:0:0:2:0:0:3:4]/",
    "https://[fe80::1]/",
    "https://[febf::1]/",
    "https://[fc00::1]/",
    "https://[fd12:3456::1]/",
    "https://[ff02::1]/",
    "https://[2001:db8::1]/",
    "https://[2001:DB8::1]/",
    "https://[2606:4700:4700::1111]/",
    "https://[::ffff:0a00:0001]/",
    "https://[::1.2.3.4]/",
    "https://[1:2:3:4:5:6:1.2.3.4]/",
    // IPv4 carried in IPv6: NAT64, 6to4, IPv4-compatible; and site-local.
    "https://[64:ff9b::7f00:1]/",
    "https://[64:ff9b::10.1.2.3]/",
    "https://[64:ff9b::8.8.8.8]/",
    "https://[64:ff9b:0:0:0:1::7f00:1]/",
    "https://[64:ff9b:1::8.8.8.8]/",
    "https://[64:ff9b:2::8.8.8.8]/",
    "https://[2002:7f00:1::]/",
    "https://[2002:c0a8:101::1]/",
    "https://[2002:808:808::1]/",
    "https://[2003:7f00:1::]/",
    "https://[::127.0.0.1]/",
    "https://[::10.0.0.1]/",
    "https://[::0.0.0.2]/",
    "https://[::2]/",
    "https://[::8.8.8.8]/",
    "https://[fec0::1]/",
    "https://[feff::1]/",
    "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
    "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
    "https://[2001:1::80ff:fffe]/",
    "https://[::ffff:0:7f00:1]/",
    "https://[::ffff:0:a00:1]/",
    "https://[::ffff:0:808:808]/",
    "https://[1:2:3:4:5:6:7:1.2.3.4]/",
    "https://[::1.2.3]/",
    "https://[::1.2.3.4.5]/",
    "https://[::01.2.3.4]/",
    "https://[::1.2.3.256]/",
    "https://[::1.2.3.4x]/",
    "https://[::.1.2.3]/",
    "https://[:1]/",
    "https://[1:]/",
    "https://[1::2::3]/",
    "https://[:::]/",
    "https://[12345::1]/",
    "https://[00001::1]/",
    "https://[g::1]/",
    "https://[::1]x/",
    "https://[::1]]/",
    "https://[[::1]]/",
    "https://[]/",
    "https://[/",
    "https://]/",
    "http://[::1/",
    "https://[::1%25eth0]/",
    "https://[::%31]/",
    "https://[\t::1\t]/",
    "https://x[::1]/",
    "https://[::1]:8a/",
    "https://[::1]:/",
    // Hosts: names.
    "http://example.com./",
    "http://example.com../",
    "http://./",
    "http://../",
    "http://.../",
    "http://localhost/",
    "http://localhost./",
    "http://localhost../",
    "http://LOCALHOST/",
    "http://LocalHost:8080/",
    "http://a.localhost/",
    "http://a.b.LOCALHOST./",
    "http://localhost.com/",
    "http://notlocalhost/",
    "http://xlocalhost/",
    "http://.localhost/",
    "http://localhost.localhost/",
    "http://%6c%6fcalhost/",
    "http://%4C%4F%43%41%4C%48%4F%53%54/",
    "http://loc%61lhost./",
    "http://a%2elocalhost/",
    "http://exa mple.com/",
    "http:// /",
    "http://%20/",
    "http://a%00b/",
    "http://a%/",
    "http://a%2/",
    "http://a%zz/",
    "http://a%25/",
    "http://a%2e%2e/",
    "http://%2e/",
    "http://a<b/",
    "http://a>b/",
    "http://a^b/",
    "http://a|b/",
    "http://a_b/",
    "http://a!b$c&d'e(f)g*h+i,j;k=l/",
    "http://a~b/",
    "http://a\"b/",
    "http://a`b/",
    "http://a{b}/",
    "http://a\u{7f}b/",
    "http://a\u{1}b/",
    "http://-a-.com/",
    "http://a--b.com/",
    "http://ab--.com/",
    "http://1a.com/",
    "http://a.1/",
    "http://a.1.2/",
    "http://EXAMPLE.com/",
    "http://ex\tample.com/",
    "http://ex\nample.com/",
    "http://example.com\r/",
    "\thttp://example.com/\n",
    " \u{1}http://example.com/ \u{1f}",
    "h\tt\ntp://example.com/",
    "http:\t//example.com/",
    "http:/\t/example.com/",
    // Punycode.
    "https://xn--/",
    "https://xn--a.com/",
    "https://xn--ls8h.la/",
    "https://XN--LS8H.la/",
    "https://xn--mnchen-3ya.de/",
    "https://xn--MNCHEN-3YA.de/",
    "https://xn--nxasmq6b.com/",
    "https://xn--a-/",
    "https://xn---a/",
    "https://xn--a-b/",
    "https://xn--abc-/",
    "https://xn--1ug/",
    "https://xn--a-ecp.com/",
    "https://xn--zn7c/",
    "https://xn--99999999999/",
    "https://xn--ab%2e/",
    "https://xn--%41/",
    "https://xn--a_b-xyz/",
    "https://xn--a.b-xyz/",
    // Punycode whose verdict turns on the bias, each read otherwise were it
    // adapted to the sum of the deltas rather than to their difference,
    // or were the delta scaled down from 455 rather than past it, or only
    // past 1820.
    "https://xn--kzl4caa8bv/",
    "https://xn--rct5a5t7yc/",
    "https://xn--7e8kc/",
    "https://x%6e--ls8h/",
    "https://ab--cd/",
    "https://xn-ls8h/",
    "https://xn--ls8h.localhost/",
    // Not ASCII.
    "https://exämple.com/",
    "https://ｌｏｃａｌｈｏｓｔ/",
    "https://user:pässword@example.com/",
    "http:/ü/",
    "http:ü",
    "http:\\\\ü\\",
    "http:/Aü/",
    "http://%C3%BC/",
    "http://%FF/",
    "http://a%C3%BC.com/",
    "http:/[ü]/",
    "http:/a:ü/",
    "http:/ü@x/",
    "http://x/ü://ü/",
    "https:/x://ü",
    "ü://x/",
];

#[test]
fn tricky_urls_get_the_answers_of_the_url_crate() {
    assert!(TRICKY.len() >= 150, "{}", TRICKY.len());
    for text in TRICKY {
        assert_same(text);
    }
}

#[test]
fn long_urls_get_the_answers_of_the_url_crate() {
    let a = |n| "a".repeat(n);
    for host in [
        // Punycode of 1000 and 1001 times `ü`, and of `a` x 999 and x 1000
        // then `ü`: `idna` takes at most 1000 code points in such a label.
        format!("xn--td{}", a(1000)),
        format!("xn--td{}", a(1001)),
        format!("xn--{}-ob6h", a(999)),
        format!("xn--{}-8e6h", a(1000)),
        // And at most 2000 bytes of Punycode.
        format!("xn--td{}", a(1998)),
        format!("xn--td{}", a(1999)),
        format!("xn--{}", a(2000)),
        format!("xn--{}", a(2001)),
        a(5000),
        format!("{}localhost", "a.".repeat(2000)),
        "%61".repeat(1000),
        format!("[{}::1]", "0".repeat(60)),
        format!("[{}]", "1:".repeat(40)),
        format!("{}1", "0".repeat(100)),
        format!("0x{}1", "0".repeat(100)),
        format!("1.2.3.{}", "9".repeat(100)),
        format!("example.com:{}", "0".repeat(100)),
        format!("example.com:{}", "1".repeat(100)),
        format!("user:{}@example.com", a(1000)),
    ] {
        for scheme in ["https://", "http:", "ftp://", "file://", "foo://"] {
            assert_same(&format!("{scheme}{host}/"));
        }
    }
}

/// Punycode (RFC 3492, 6.3), to write labels past what the tables above
/// hold: `url` is built here without a Unicode back end, so it reads
/// Punycode but does not write it.
fn punycode(label: &str) -> String {
    fn digit(d: u32) -> char {
        char::from(if d < 26 {
            b'a' + d as u8
        } else {
            b'0' + (d - 26) as u8
        })
    }
    fn adapt(delta: u32, points: u32, first: bool) -> u32 {
        let mut delta = delta / if first { 700 } else { 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > 455 {
            delta /= 35;
            k += 36;
        }
        k + 36 * delta / (delta + 38)
    }
    let points: Vec<u32> = label.chars().map(u32::from).collect();
    let mut out: String = label.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias, mut handled) = (0x80, 0, 72, basic);
    while (handled as usize) < points.len() {
        let m = points
            .iter()
            .copied()
            .filter(|&c| c >= n)
            .min()
            .expect("a code point left");
        delta += (m - n) * (handled + 1);
        n = m;
        for &c in &points {
            if c < n {
                delta += 1;
            }
            if c == n {
                let mut q = delta;
                let mut k: u32 = 36;
                loop {
                    let t = k.saturating_sub(bias).clamp(1, 26);
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (36 - t)));
                    q = (q - t) / (36 - t);
                    k += 36;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    out
}

/// `ascii` times `a`, then `n` CJK ideographs 20 code points apart from
/// U+9FFF down: far apart and out of order, so that each takes about three
/// Punycode digits.
fn ideographs(ascii: usize, n: u32) -> String {
    let mut label = "a".repeat(ascii);
    label.extend((0..n).filter_map(|k| char::from_u32(0x9FFF - 20 * k)));
    label
}

#[test]
fn punycode_is_read_up_to_2000_bytes() {
    // Far fewer code points than the 1000 a label may decode to, and each a
    // valid one: only the length of the Punycode can refuse these.
    assert_eq!(punycode("münchen"), "mnchen-3ya");
    assert_eq!(punycode("☃"), "n3h");
    let at_most = punycode(&ideographs(3, 678));
    let over = punycode(&ideographs(0, 681));
    assert_eq!((at_most.len(), over.len()), (2000, 2001));
    let (accepted, _) = messages(UrlPolicy::Http, &format!("https://xn--{at_most}/"));
    assert_eq!(accepted, None);
    let (refused, _) = messages(UrlPolicy::Http, &format!("https://xn--{over}/"));
    assert!(
        refused.is_some_and(|m| m.contains("(invalid international domain name)")),
        "2001 bytes of Punycode are refused"
    );
    for label in [at_most, over] {
        for scheme in ["https://", "file://", "foo://"] {
            assert_same(&format!("{scheme}xn--{label}/"));
        }
    }
}

#[test]
fn answers_read_as_intended() {
    let why = |policy, text| {
        let (ours, _) = messages(policy, text);
        ours.unwrap_or_default()
    };
    let https = UrlPolicy::PublicHttps;
    assert_eq!(why(https, "https://example.com:443/x"), "");
    assert!(why(https, "http://0x7f.1/").contains("must use https, not `http:`"));
    assert!(why(UrlPolicy::PublicHttp, "http://0x7f.1/")
        .contains("points at 127.0.0.1, a loopback address"));
    assert!(why(https, "https://[::ffff:7f00:1]/")
        .contains("points at [::ffff:7f00:1], an IPv4-mapped non-public address"));
    assert!(why(https, "https://[64:ff9b::127.0.0.1]/")
        .contains("points at [64:ff9b::7f00:1], a NAT64 non-public address"));
    assert!(why(https, "https://[2002:c0a8:101::]/")
        .contains("points at [2002:c0a8:101::], a 6to4 non-public address"));
    assert!(why(https, "https://[::10.0.0.1]/")
        .contains("points at [::a00:1], an IPv4-compatible non-public address"));
    assert!(why(https, "https://[fec0::1]/").contains("a site-local address"));
    assert!(why(https, "https://[feff::1]/").contains("a site-local address"));
    assert!(why(https, "https://[64:ff9b:1::8.8.8.8]/").contains("a local-use NAT64 address"));
    assert!(
        why(https, "https://[::ffff:0:7f00:1]/").contains("an IPv4-translated non-public address")
    );
    // Teredo's client 127.0.0.1 is stored inverted: 80ff:fffe.
    assert!(
        why(https, "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/")
            .contains("a Teredo non-public address")
    );
    for public in [
        "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
        "https://[::ffff:0:808:808]/",
        "https://[64:ff9b::8.8.8.8]/",
        "https://[2002:808:808::]/",
        "https://[::8.8.8.8]/",
        "https://[fe7f::1]/",
    ] {
        assert_eq!(why(https, public), "", "{public}");
    }
    assert!(why(UrlPolicy::PublicHttp, "http://0.0.0.0/")
        .contains("points at 0.0.0.0, an unspecified address"));
    assert!(why(https, "https://[::]/").contains("points at [::], an unspecified address"));
    assert!(why(https, "https://%6c%6fcalhost./").contains("points at `localhost`"));
    assert!(why(https, "https://a.b.LOCALHOST./").contains("points at `a.b.localhost`"));
    assert!(why(https, "ftp://x").contains("must use https, not `ftp:`"));
    assert!(why(https, "FT\tP://x").contains("not `ftp:`"));
    assert!(why(https, "https://4294967296/").contains("(invalid IPv4 address)"));
    assert!(why(https, "https://xn--a-b.com/").contains("(invalid international domain name)"));
    assert!(why(https, "/path").contains("(relative URL without a base)"));
    assert!(why(https, "https://:@b/").is_empty());
    assert!(why(https, "https://a@b/").contains("user name or password"));
}

/// Pieces of URLs, from which the property test builds its texts.
const SCHEMES: &[&str] = &[
    "http:", "https:", "HTTP:", "hTtPs:", "ftp:", "ws:", "file:", "foo:", "mailto:", "data:",
    "h\ttp:", "", "http", "1:",
];
const SLASHES: &[&str] = &["", "/", "//", "///", "\\", "\\\\", "/\\", "\t//", "//\t"];
const PIECES: &[&str] = &[
    "/",
    "\\",
    "@",
    ":",
    "::",
    "[",
    "]",
    "[::1]",
    "[::ffff:",
    "1.2.3.4]",
    ".",
    "..",
    "%2e",
    "%2E",
    "%",
    "%4",
    "%41",
    "%6c",
    "%c3%bc",
    "%00",
    "%20",
    "%zz",
    "0",
    "1",
    "7",
    "9",
    "09",
    "0177",
    "127",
    "255",
    "256",
    "65535",
    "65536",
    "4294967295",
    "4294967296",
    "0x",
    "0X7f",
    "0xff",
    "ffff",
    "a",
    "B",
    "z",
    "-",
    "_",
    "xn--",
    "xn--ls8h",
    "xn--a",
    "localhost",
    "LocalHost",
    "example",
    ".com",
    "10.0.0.1",
    "192.168",
    "169.254",
    "100.64",
    "fe80",
    "fc00",
    "\t",
    "\n",
    " ",
    "?",
    "#",
    "ü",
    "^",
    "|",
    "<",
    "user",
    "pass",
    "80",
];

/// Starts and ends of URLs around a host of lower-case letters, digits,
/// hyphens and dots.
const PLAIN_STARTS: &[&str] = &[
    "http://",
    "https://",
    "https:///",
    "HTTPS://",
    "https:/",
    " https://",
    "https://\t",
];
const PLAIN_ENDS: &[&str] = &[
    "", "/", "/a/b.png", "?q=1", "#f", ":80", ":443/", "\\x", "@x", "/ ü", "/%zz", "\t/", "\n",
    " ", "A", "_", "%2e",
];

fn url_ish() -> impl Strategy<Value = String> {
    let pieces = || prop::collection::vec(prop::sample::select(PIECES), 0..10);
    let scheme = || prop::sample::select(SCHEMES);
    let slashes = || prop::sample::select(SLASHES);
    prop_oneof![
        // Pieces after a scheme and slashes.
        (scheme(), slashes(), pieces())
            .prop_map(|(scheme, slashes, rest)| format!("{scheme}{slashes}{}", rest.concat())),
        // Pieces alone.
        pieces().prop_map(|rest| rest.concat()),
        // Hosts made for the IPv4, IPv6 and Punycode parsers.
        (
            scheme(),
            slashes(),
            "[0-9a-fx.]{1,16}|0x[0-9a-f.]{0,12}|[0-9.]{1,12}"
        )
            .prop_map(|(scheme, slashes, host)| format!("{scheme}{slashes}{host}/")),
        (scheme(), "\\[[0-9a-fA-F:.]{0,24}\\](:[0-9]{0,6})?")
            .prop_map(|(scheme, host)| format!("{scheme}//{host}/")),
        // IPv6 addresses in each range the rules name, most carrying an
        // IPv4 address where the range carries one.
        carrying_ipv6().prop_map(|a| format!("https://[{a}]/")),
        (scheme(), "(xn|XN|x%6e)--[a-zA-Z0-9-]{0,10}(\\.[a-z]{0,3})?")
            .prop_map(|(scheme, host)| format!("{scheme}//{host}/")),
        // The usual shape, which is decided without the parser, and its near misses.
        (
            prop::sample::select(PLAIN_STARTS),
            "(xn--|[a-z0-9-]{0,4}|localhost)(\\.(xn--[a-z]{0,2}|[a-z0-9-]{0,5}|localhost)){0,3}\\.?",
            prop::sample::select(PLAIN_ENDS),
        )
            .prop_map(|(start, host, end)| format!("{start}{host}{end}")),
    ]
}

/// An IPv6 address in (or just beside) a range the rules name: the prefix,
/// random bits after it, and often an IPv4 address from either side of a
/// non-public range's edge where the range carries one (6to4's after its 16
/// bits, Teredo's inverted in the last 32, the others' in the last 32).
fn carrying_ipv6() -> impl Strategy<Value = Ipv6Addr> {
    const PREFIXES: &[(u128, u32)] = &[
        (0xffff << 32, 96),
        (0xffff << 48, 96),
        (0x64_ff9b << 96, 96),
        (0x64_ff9b_0001 << 80, 48),
        (0x2002 << 112, 16),
        (0x2001_0000 << 96, 32),
        (0, 96),
        (0xfe80 << 112, 10),
        (0xfec0 << 112, 10),
        (0xfc00 << 112, 7),
        (0xff00 << 112, 8),
        (0x2001_0db8 << 96, 32),
    ];
    const V4: &[u32] = &[
        0x7f00_0001,
        0x7eff_ffff,
        0x8000_0000,
        0x0a00_0001,
        0x09ff_ffff,
        0x0b00_0000,
        0xc0a8_0101,
        0xac10_0001,
        0xac20_0000,
        0xa9fe_0101,
        0x6440_0000,
        0x643f_ffff,
        0x647f_ffff,
        0x6480_0000,
        0xe000_0001,
        0xdfff_ffff,
        0xffff_ffff,
        0x0000_0000,
        0x00ff_ffff,
        0x0100_0000,
        0x0808_0808,
    ];
    (
        prop::sample::select(PREFIXES),
        any::<u128>(),
        prop::option::of(prop::sample::select(V4)),
        -1i8..=1,
    )
        .prop_map(|((prefix, len), noise, v4, step)| {
            let mut bits = prefix | (noise & (u128::MAX >> len));
            if let Some(v4) = v4 {
                let v4 = u128::from(v4);
                bits = match (prefix, len) {
                    (p, 16) if p == 0x2002 << 112 => (bits & !(0xffff_ffff << 80)) | (v4 << 80),
                    (p, 32) if p == 0x2001_0000 << 96 => {
                        (bits & !0xffff_ffff) | (!v4 & 0xffff_ffff)
                    }
                    _ => (bits & !0xffff_ffff) | v4,
                };
            }
            // One either side of the address, to cross a range's edge.
            Ipv6Addr::from(bits.wrapping_add_signed(i128::from(step)))
        })
}

/// Cases per run, `URL_CASES` if set.
fn cases() -> u32 {
    std::env::var("URL_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn generated_urls_get_the_answers_of_the_url_crate(text in url_ish()) {
        for policy in POLICIES {
            let (ours, expected) = messages(policy, &text);
            prop_assert_eq!(ours, expected, "{:?} under {:?}", text, policy);
        }
    }
}
