"""gunicorn in production: `gunicorn -c deploy/gunicorn.conf.py archive.wsgi` (deploy/systemd/).

nginx sits in front (deploy/nginx/) and buffers every request and response whole, so a slow
client costs nginx a connection, never a gunicorn worker: plain sync workers are then the
simplest and fastest choice for a site whose pages take milliseconds.
"""

import multiprocessing
import os

# A Unix socket only nginx can reach (its folder: systemd's RuntimeDirectory, group www-data).
bind = os.environ.get("ARCHIVE_GUNICORN_BIND", "unix:/run/archive/gunicorn.sock")
umask = 0o007
worker_class = "sync"
# Two per core and one more: while one worker waits on the database, others use the CPU. A
# password check holds at most one of them at a time (archive/ops/login.py), so sign-in floods
# cannot starve the public pages.
workers = int(os.environ.get("ARCHIVE_GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# A request taking longer than this is a bug or a dead database: the worker is replaced.
timeout = 30
graceful_timeout = 30
# Renew workers now and then, so that a slow leak never grows (jitter: not all at once).
max_requests = 2000
max_requests_jitter = 200
# One line per request: the client's address as nginx saw it, the request, status, size, and the
# response time in milliseconds.
accesslog = "-"
errorlog = "-"
access_log_format = '%({x-real-ip}i)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'
