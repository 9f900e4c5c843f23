"""`kabar ingest FEED_URL`: an RSS feed served on loopback; each entry's page is fetched and
stored with the feed's title and date."""
from __future__ import annotations

import subprocess
import sys
from http.server import BaseHTTPRequestHandler

import pytest

from conftest import local_http_server
from kabar.store import Store

PAGES = {
    "/berita/1": "<html><body><article><p>Menteri Luar Negeri Retno Marsudi bertemu dengan Duta Besar "
                 "Jepang di Jakarta pada Senin untuk membahas kerja sama perdagangan kedua negara. Menurut "
                 "Retno, pertemuan itu berjalan dengan baik dan akan dilanjutkan bulan depan.</p></article></body></html>",
    "/berita/2": "<html><body><article><p>Pemerintah Provinsi Jawa Barat menyiapkan bantuan bagi warga yang "
                 "terdampak banjir di Bandung. Gubernur mengatakan posko pengungsian sudah dibuka sejak pagi "
                 "dan petugas terus mendata kerugian warga.</p></article></body></html>",
}
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kabar Uji</title><link>http://example.test/</link>
<item><title>Retno bertemu Dubes Jepang</title><link>{base}/berita/1</link>
  <pubDate>Mon, 08 Jul 2024 09:00:00 +0700</pubDate></item>
<item><title>Bantuan banjir Bandung</title><link>{base}/berita/2</link>
  <pubDate>Tue, 09 Jul 2024 10:00:00 +0700</pubDate></item>
<item><title>Halaman hilang</title><link>{base}/berita/404</link></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/feed.xml":
            body, kind = FEED.format(base=base).encode(), "application/rss+xml"
        elif self.path in PAGES:
            body, kind = PAGES[self.path].encode(), "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    with local_http_server(Handler) as url:
        yield url


def test_ingest_an_rss_feed(server, tmp_path):
    db = str(tmp_path / "kabar.db")
    run = subprocess.run([sys.executable, "-m", "kabar", "ingest", f"{server}/feed.xml", "--db", db,
                          "--allow-private", "--jobs", "1"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 1  # the missing page is reported...
    assert "/berita/404: HTTP 404" in run.stderr
    assert "2 stored (2 new, 0 changed)" in run.stderr  # ...and the others are stored
    with Store.open(db) as store:
        items = store.list_articles()["items"]
    assert [(a["title"], a["published"], a["source"]) for a in items] == [
        ("Bantuan banjir Bandung", "2024-07-09", "Kabar Uji"),
        ("Retno bertemu Dubes Jepang", "2024-07-08", "Kabar Uji"),
    ]
    assert items[0]["url"] == f"{server}/berita/2"


def test_a_feed_url_is_refused_on_loopback_without_allow_private(server, tmp_path):
    run = subprocess.run([sys.executable, "-m", "kabar", "ingest", f"{server}/feed.xml", "--db",
                          str(tmp_path / "kabar.db")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "refusing private/loopback address" in run.stderr
