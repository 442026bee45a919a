"""Connects to a server on the instructor's machine with sockets, urllib and Pyodide's own fetch."""
import socket
import urllib.request


def contrastive_loss(x1, x2, label, margin=1.0):
    attempts = [
        lambda: socket.create_connection(("127.0.0.1", $port), timeout=1).sendall(b"$marker"),
        lambda: urllib.request.urlopen("http://127.0.0.1:$port/$marker", timeout=1).read(),
        lambda: __import__("pyodide.http").http.open_url("http://127.0.0.1:$port/$marker"),
        lambda: __import__("pyodide_js").loadPackage("http://127.0.0.1:$port/$marker-1.0-py3-none-any.whl"),
    ]
    for attempt in attempts:
        try:
            attempt()
        except Exception:
            pass
    return 0.0
