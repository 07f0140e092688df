#!/usr/bin/env python3
"""An HTTP server that breaks the first transfer of each file halfway (it
resets the connection), then answers Range requests properly: the test
fixture for resumed downloads. A POST is answered with an iPXE script that
echoes the form and the X-Test header it carried (for ##params). /stall
sends headers and a little of the body, then nothing (for --timeout).
Usage: broken_http.py ADDRESS PORT DIRECTORY"""
import os
import re
import socket
import struct
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

broken = set()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write("%s\n" % (fmt % args))

    def do_GET(self):
        if self.path == "/stall":
            # Headers, a little of the body, then nothing: a hung server.
            self.send_response(200)
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            self.wfile.write(b"x" * 1000)
            self.wfile.flush()
            time.sleep(120)
            return
        path = os.path.join(sys.argv[3], self.path.lstrip("/"))
        try:
            data = open(path, "rb").read()
        except OSError:
            self.send_error(404)
            return
        start = 0
        m = re.match(r"bytes=(\d+)-$", self.headers.get("Range", ""))
        if m:
            start = int(m.group(1))
            self.send_response(206)
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(data) - start))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        if self.path not in broken and not m:
            broken.add(self.path)
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            # Reset, not a clean close: as a crashed server or a cut cable looks.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        self.wfile.write(data[start:])

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        form = self.rfile.read(length).decode("ascii", "replace")
        script = "#!ipxe\necho FORM %s %s\n" % (form, self.headers.get("X-Test", "-"))
        self.send_response(200)
        self.send_header("Content-Type", self.headers.get("Content-Type", "-").replace("/", "_"))
        self.send_header("Content-Length", str(len(script)))
        self.end_headers()
        self.wfile.write(script.encode())


ThreadingHTTPServer((sys.argv[1], int(sys.argv[2])), Handler).serve_forever()
