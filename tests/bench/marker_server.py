"""A tiny HTTP server for make bench: every GET is answered with a short
iPXE script and logged as "PATH NANOSECONDS" (the host's clock), so a boot
script can mark the start and end of a download on the server side, the
same way for every firmware whatever its console.
Usage: marker_server.py ADDRESS PORT LOGFILE"""
import http.server
import sys
import time

log = open(sys.argv[3], "a", buffering=1)


class Marker(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        log.write("%s %d\n" % (self.path, time.time_ns()))
        body = b"#!ipxe\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.HTTPServer((sys.argv[1], int(sys.argv[2])), Marker).serve_forever()
