"""Fetching http(s) URLs safely: timeouts, a size cap, and no requests to private, loopback or
link-local addresses (the server-side request forgery guard) unless the caller opts in.
Redirects are followed by hand so every hop is checked the same way, and each request goes to
the address that was checked (the host name travels in the Host header and TLS), so a second DNS
answer cannot point it at a private address (DNS rebinding)."""
from __future__ import annotations

import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit

from kabar.read.article import Article, ReadError
from kabar.read.text import decode, drop_related_links

CONNECT_TIMEOUT_S, READ_TIMEOUT_S = 5.0, 10.0
DEADLINE_S = 30.0  # the whole download: a server dripping bytes cannot hold us forever
MAX_REDIRECTS = 5
USER_AGENT = "kabar/0.1 (+news analysis)"


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def check_address(url: str, allow_private: bool) -> str | None:
    """Refuse URLs whose host resolves to a non-public address; return the checked address to
    connect to (None when private addresses are allowed: then the client resolves as usual)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ReadError(f"{url}: not an http(s) URL")
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as err:
        raise ReadError(f"{url}: cannot resolve host {parts.hostname!r} ({err.strerror})") from None
    ips = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for ip in ips:
        if not ip.is_global or ip.is_multicast:
            raise ReadError(f"{url}: refusing private/loopback address {ip} (use --allow-private to allow it)")
    return str(ips[0])


def pinned(url: str, ip: str | None) -> tuple[str, dict, dict]:
    """(URL, headers, extensions) that send the request for `url` to the address `ip`: the
    address as the URL's host, the name in the Host header and, for https, in TLS (SNI and the
    certificate check)."""
    if ip is None:
        return url, {}, {}
    parts = urlsplit(url)
    host = f"[{ip}]" if ":" in ip else ip
    target = parts._replace(netloc=host + (f":{parts.port}" if parts.port else "")).geturl()
    extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
    return target, {"Host": parts.netloc.rsplit("@", 1)[-1]}, extensions


def fetch(url: str, max_bytes: int, allow_private: bool = False) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of `url`, or a ReadError naming it."""
    import httpx  # here, not at import: `kabar --help` need not load it

    current = url
    timeout = httpx.Timeout(READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S)
    with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            target, headers, extensions = pinned(current, check_address(current, allow_private))
            try:
                with client.stream("GET", target, headers=headers, extensions=extensions) as resp:
                    if resp.is_redirect:
                        current = urljoin(current, resp.headers.get("location", ""))
                        continue
                    if resp.status_code >= 400:
                        raise ReadError(f"{url}: HTTP {resp.status_code}")
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise ReadError(f"{url}: larger than the {max_bytes:,}-byte size cap")
                    body, started = bytearray(), time.monotonic()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise ReadError(f"{url}: larger than the {max_bytes:,}-byte size cap")
                        if time.monotonic() - started > DEADLINE_S:
                            raise ReadError(f"{url}: download took longer than {DEADLINE_S:.0f} s")
                    return bytes(body), resp.headers.get("content-type", ""), current
            except httpx.HTTPError as err:
                raise ReadError(f"{url}: cannot fetch ({type(err).__name__}: {err})") from None
    raise ReadError(f"{url}: more than {MAX_REDIRECTS} redirects")


def read_url(url: str, max_bytes: int, allow_private: bool = False) -> Article:
    from kabar.read.html import article_from_html

    body, content_type, final = fetch(url, max_bytes, allow_private)
    text = decode(body, url)
    if "html" in content_type or text.lstrip()[:1] == "<":
        article = article_from_html(text, origin=url, url=final)
    else:
        article = Article(text=drop_related_links(text), url=final, origin=url)
    return article
