"""Serves a built site over HTTP on 127.0.0.1, like GitHub Pages serves it: static files only,
optionally under a sub-path (as a project site, https://<user>.github.io/<repo>/, is)."""

import argparse
import functools
import http.server
import sys
import threading

from .live_reload import EVENTS_PATH, SCRIPT, SCRIPT_PATH, LiveReload
from base.paths import DEFAULT_OUT, shown

CONTENT_TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".json": "application/json", ".whl": "application/zip"}
KEEPALIVE_SECONDS = 15


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def do_GET(self):  # noqa: N802 - name fixed by the base class
        live_reload = self.server.live_reload
        if live_reload and self.path == EVENTS_PATH:
            return self._stream_reloads(live_reload)
        if live_reload and self.path == SCRIPT_PATH:
            return self._send(SCRIPT.encode(), "text/javascript")
        if not self._within_base():
            return None
        if live_reload and self.translate_path(self.path).endswith((".html", "/")):
            return self._send_html_with_reload_script(live_reload)
        return super().do_GET()

    def do_HEAD(self):  # noqa: N802 - name fixed by the base class
        if self._within_base():
            super().do_HEAD()

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        if self.server.verbose:
            super().log_message(format, *args)

    def _within_base(self):
        """Maps a path under the base path onto the site; anything else is not found."""
        base = self.server.base_path
        if self.path + "/" == base:
            self.send_response(301)
            self.send_header("Location", base)
            self.end_headers()
            return False
        if not self.path.startswith(base):
            self.send_error(404, f"This server serves the site under {base}")
            return False
        self.path = "/" + self.path[len(base) :]
        return True

    def _send(self, body, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_html_with_reload_script(self, live_reload):
        path = self.translate_path(self.path)
        if path.endswith("/"):
            path += "index.html"
        try:
            with open(path, encoding="utf-8") as page:
                html = page.read()
        except OSError:
            return super().do_GET()  # a directory listing or a 404, as without live reload
        self._send(live_reload.inject(html).encode(), "text/html; charset=utf-8")
        return None

    def _stream_reloads(self, live_reload):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        version = live_reload.version
        while True:
            newest = live_reload.wait_for_change(version, KEEPALIVE_SECONDS)
            self.wfile.write(b"data: reload\n\n" if newest != version else b": still here\n\n")
            self.wfile.flush()
            version = newest


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True  # an open live-reload stream must not keep the server from stopping

    def handle_error(self, request, client_address):
        # A page closed or reloaded mid-download drops its connection; that is no server error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(directory, port, base_path="/", verbose=False, live_reload=None):
    handler = functools.partial(SiteRequestHandler, directory=str(directory))
    server = SiteServer(("127.0.0.1", port), handler)
    server.base_path = base_path
    server.verbose = verbose
    server.live_reload = live_reload
    return server


def serve_in_background(directory, base_path="/"):
    """Starts a server on a free port; returns (server, the site's URL). Call server.shutdown() to stop."""
    server = make_server(directory, 0, base_path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{base_path}"


def main():
    parser = argparse.ArgumentParser(description="Serve the built site on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", default=str(DEFAULT_OUT))
    parser.add_argument("--watch", action="store_true", help="rebuild when a source file changes, and reload open pages")
    args = parser.parse_args()
    live_reload = LiveReload(args.dir) if args.watch else None
    try:
        server = make_server(args.dir, args.port, verbose=True, live_reload=live_reload)
    except OSError as error:
        raise SystemExit(f"Cannot listen on 127.0.0.1:{args.port} ({error.strerror}). Try `make serve PORT={args.port + 1}`.") from None
    if live_reload:
        live_reload.start()
    watching = " Watching problems/, static/, harness/, python_boot/, formats/ and index.html: edits rebuild the site and reload the page." if live_reload else ""
    print(f"Serving {shown(args.dir)}/ at http://127.0.0.1:{args.port}/  (Ctrl+C to stop).{watching}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
