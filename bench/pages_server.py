"""A static server for the benchmark that answers like GitHub Pages does: every file gzipped
when the browser accepts it (.wasm, wheels and zips too), `Cache-Control: max-age=600`, ETag
and Last-Modified with 304s, and no other special headers. On a plain loopback server the
transfer sizes and the browser cache's behaviour would not be the ones learners get. It also
counts the bytes it sends, whoever asks for them (page, worker or service worker)."""

import functools
import gzip
import io
import os
import threading
from email.utils import parsedate_to_datetime

from sitebuild.authoring.serve import SiteRequestHandler, SiteServer

CACHE_CONTROL = "max-age=600"
GZIP_LEVEL = 6  # zlib's default, as CDNs use: 9 shrinks the files by ~1% at several times the cost


class PagesLikeRequestHandler(SiteRequestHandler):
    protocol_version = "HTTP/1.1"  # keep connections open, as a CDN does

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the folder's URL with a slash
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404, "File not found")
            return None
        stat = os.stat(path)
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-gzip" if gzipped else ""}"'
        if self._not_modified(etag, stat.st_mtime):
            self.send_response(304)
            self._send_cache_headers(etag, stat.st_mtime)
            self.end_headers()
            return None
        body = gzipped_file(path, stat.st_mtime_ns) if gzipped else read_file(path)
        if self.command == "GET":
            self.server.count_sent(len(body))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self._send_cache_headers(etag, stat.st_mtime)
        self.end_headers()
        return io.BytesIO(body)

    def _not_modified(self, etag, mtime):
        if "If-None-Match" in self.headers:
            return etag in self.headers["If-None-Match"]
        since = self.headers.get("If-Modified-Since")
        try:
            return since is not None and int(mtime) <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False

    def _send_cache_headers(self, etag, mtime):
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", self.date_time_string(mtime))


def read_file(path):
    with open(path, "rb") as file:
        return file.read()


@functools.cache
def gzipped_file(path, mtime_ns):
    """Compressed once per file version, so the server's own work does not show in the timings."""
    return gzip.compress(read_file(path), GZIP_LEVEL, mtime=0)


class PagesLikeServer(SiteServer):
    def __init__(self, directory):
        super().__init__(("127.0.0.1", 0), functools.partial(PagesLikeRequestHandler, directory=str(directory)))
        self.base_path = "/"
        self.verbose = False
        self.live_reload = None
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"
        self.bytes_sent = 0  # response bodies, as sent (compressed)
        self._count_lock = threading.Lock()

    def count_sent(self, size):
        with self._count_lock:
            self.bytes_sent += size


def serve_like_pages(directory):
    """Serves `directory` at the root of a free port on 127.0.0.1 (its URL is server.url),
    every file compressed before the first request. Stop it with server.shutdown()."""
    for folder, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(folder, name)
            gzipped_file(path, os.stat(path).st_mtime_ns)
    server = PagesLikeServer(directory)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
