"""Serves a built site over HTTP on 127.0.0.1, like GitHub Pages serves it: static files only."""

import argparse
import functools
import http.server
import sys
import threading

from .paths import DEFAULT_OUT, shown

CONTENT_TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".json": "application/json", ".whl": "application/zip"}


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        if self.server.verbose:
            super().log_message(format, *args)


class SiteServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A page closed or reloaded mid-download drops its connection; that is no server error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(directory, port, verbose=False):
    handler = functools.partial(SiteRequestHandler, directory=str(directory))
    server = SiteServer(("127.0.0.1", port), handler)
    server.verbose = verbose
    return server


def serve_in_background(directory):
    """Starts a server on a free port; returns (server, base URL). Call server.shutdown() to stop."""
    server = make_server(directory, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main():
    parser = argparse.ArgumentParser(description="Serve the built site on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", default=str(DEFAULT_OUT))
    args = parser.parse_args()
    try:
        server = make_server(args.dir, args.port, verbose=True)
    except OSError as error:
        raise SystemExit(f"Cannot listen on 127.0.0.1:{args.port} ({error.strerror}). Try `make serve PORT={args.port + 1}`.") from None
    print(f"Serving {shown(args.dir)}/ at http://127.0.0.1:{args.port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
