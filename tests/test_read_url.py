"""Reading http(s) URLs from a real HTTP server on 127.0.0.1 (which needs allow_private)."""
import time
from http.server import BaseHTTPRequestHandler

import pytest

from conftest import local_http_server
from kabar.read import Article, ReadError, read_inputs

PAGE = (
    "<html><head><title>Gempa Guncang Lampung Selatan</title>"
    "<meta name='author' content='Siti Rahma'>"
    "<meta property='article:published_time' content='2017-04-25'></head><body>"
    "<nav>Beranda | Berita | Olahraga</nav><article><h1>Gempa Guncang Lampung Selatan</h1>"
    "<p>Gempa berkekuatan 5,1 magnitudo mengguncang Lampung Selatan pada Selasa (25/4/2017) pagi. "
    "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) menyebut pusat gempa berada di laut.</p>"
    "<p>Baca juga: Gempa 4,7 SR Guncang Jawa Tengah</p>"
    "<p>\"Gempa tidak berpotensi tsunami,\" kata Kepala Humas BMKG Hary Tirto Djatmiko.</p>"
    "</article></body></html>"
).encode()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/berita":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        elif self.path == "/pindah":
            self.send_response(301)
            self.send_header("Location", "/berita")
            self.end_headers()
        elif self.path == "/teks":
            body = "Banjir merendam Bekasi pada Minggu (1/1/2017).".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/besar":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()  # no Content-Length: the cap must hold while streaming
            try:
                for _ in range(100):
                    self.wfile.write(b"kabar " * 1000)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the reader hung up at its size cap, as it should
        elif self.path == "/pelan":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(20):  # a byte at a time: each read is quick, the whole is not
                    self.wfile.write(b"k")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/putar":
            self.send_response(302)
            self.send_header("Location", "/putar")
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    with local_http_server(Handler) as url:
        yield url


def read_one(url, **options):
    [item] = list(read_inputs([url], **options))
    return item


def test_html_page_over_http(server):
    article = read_one(f"{server}/berita", allow_private=True)
    assert isinstance(article, Article), article
    assert article.title == "Gempa Guncang Lampung Selatan"
    assert article.byline == "Siti Rahma"
    assert str(article.published) == "2017-04-25"
    assert article.url == f"{server}/berita"
    assert article.text.startswith("Gempa berkekuatan 5,1 magnitudo mengguncang Lampung Selatan pada Selasa (25/4/2017) pagi.")
    assert "Baca juga" not in article.text and "Beranda" not in article.text


def test_redirect_is_followed_and_plain_text_read(server):
    assert read_one(f"{server}/pindah", allow_private=True).url == f"{server}/berita"
    assert read_one(f"{server}/teks", allow_private=True).text == "Banjir merendam Bekasi pada Minggu (1/1/2017)."


def test_loopback_is_refused_by_default(server):
    error = read_one(f"{server}/berita")
    assert isinstance(error, ReadError)
    assert str(error).startswith(f"{server}/berita:") and "127.0.0.1" in str(error)


@pytest.mark.parametrize("path, words", [("/hilang", "HTTP 404"), ("/besar", "size cap"), ("/putar", "redirects")])
def test_dead_oversized_and_looping_urls_are_errors(server, path, words):
    error = read_one(f"{server}{path}", allow_private=True, max_bytes=50_000)
    assert isinstance(error, ReadError) and str(error).startswith(f"{server}{path}:") and words in str(error)


def test_unreachable_host_is_an_error():
    error = read_one("http://127.0.0.1:9/berita", allow_private=True)  # port 9: nothing listens
    assert isinstance(error, ReadError) and "cannot fetch" in str(error)


def test_slow_download_hits_the_deadline(server, monkeypatch):
    from kabar.read import web

    monkeypatch.setattr(web, "DEADLINE_S", 0.5)
    error = read_one(f"{server}/pelan", allow_private=True)
    assert isinstance(error, ReadError) and "longer than" in str(error)


def test_request_goes_to_the_checked_address_not_a_second_dns_answer(server, monkeypatch):
    """DNS rebinding: the name first resolves to a public address (checked, allowed), then to
    127.0.0.1. The request must go to the checked address, so the local server is never reached."""
    import socket

    from kabar.read import web

    port = int(server.rsplit(":", 1)[1])
    answers = iter(["1.1.1.1"])
    real = socket.getaddrinfo
    seen = []

    def rebinding(host, *args, **kwargs):
        if host == "berita.example":
            ip = next(answers, "127.0.0.1")
            seen.append(ip)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(web, "CONNECT_TIMEOUT_S", 0.5)
    error = read_one(f"http://berita.example:{port}/berita")
    assert isinstance(error, ReadError) and "cannot fetch" in str(error)
    assert seen == ["1.1.1.1"]  # resolved once, by the check; never again by the client


@pytest.mark.parametrize("url, ip, expected", [
    ("http://berita.example/a?b=1", "93.184.216.34", ("http://93.184.216.34/a?b=1", "berita.example", None)),
    ("https://berita.example:8443/a", "93.184.216.34",
     ("https://93.184.216.34:8443/a", "berita.example:8443", "berita.example")),
    ("https://berita.example/a", "2606:2800:220:1::1", ("https://[2606:2800:220:1::1]/a", "berita.example", "berita.example")),
])
def test_pinned_request_keeps_the_name_for_host_and_tls(url, ip, expected):
    from kabar.read.web import pinned

    target, headers, extensions = pinned(url, ip)
    assert (target, headers["Host"], extensions.get("sni_hostname")) == expected
