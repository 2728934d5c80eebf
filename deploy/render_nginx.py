#!/usr/bin/env python3
"""Fill in deploy/nginx/archive.conf and print it.

    python3 deploy/render_nginx.py --server-name archive.example.org \\
        --static-root /srv/archive/staticfiles > /etc/nginx/sites-available/archive

--no-tls drops the certificate lines and the port-80 redirect (the tests' loopback server).
"""

import argparse
import re
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx" / "archive.conf"


def render(*, server_name, static_root, socket="/run/archive/gunicorn.sock", listen=None, tls=True):
    text = TEMPLATE.read_text()
    if not tls:
        text = re.sub(r"[ \t]*# tls \{\n.*?# \} tls\n", "", text, flags=re.S)
    values = {
        "SERVER_NAME": server_name,
        "STATIC_ROOT": str(static_root).rstrip("/"),
        "SOCKET": str(socket),
        "LISTEN": listen or ("443 ssl http2" if tls else "80"),
    }
    text = re.sub(r"@@([A-Z_]+)@@", lambda match: values[match[1]], text)
    if "@@" in text:
        raise ValueError("a value was left unfilled")
    return text


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--server-name", required=True)
    parser.add_argument("--static-root", required=True)
    parser.add_argument("--socket", default="/run/archive/gunicorn.sock")
    parser.add_argument("--listen")
    parser.add_argument("--no-tls", action="store_true")
    args = parser.parse_args()
    print(
        render(
            server_name=args.server_name,
            static_root=args.static_root,
            socket=args.socket,
            listen=args.listen,
            tls=not args.no_tls,
        ),
        end="",
    )


if __name__ == "__main__":
    main()
