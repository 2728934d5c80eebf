# The two commands of the README: `make serve` and `make test`. Everything else is a step of theirs.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
SECRET_FILE := var/secret_key
# Local serving runs with debug off, as production does, but over plain HTTP on loopback.
SERVE_ENV = DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$(cat $(SECRET_FILE))" DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
	DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0 \
	ARCHIVE_SITE_URL=$${ARCHIVE_SITE_URL:-http://127.0.0.1:$(PORT)}
MANAGE = $(SERVE_ENV) $(BIN)/python manage.py
# Exact versions with their hashes (pip-compile): what `make serve` and `make test` install.
LOCK := requirements.lock
TEST_LOCK := requirements-test.lock
# Waits for another apt or dpkg to finish (up to 10 minutes) instead of failing on its lock.
APT_GET := apt-get -o DPkg::Lock::Timeout=600
PIP_COMPILE = PIP_FIND_LINKS= $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-find-links --no-emit-index-url

.PHONY: create-editor serve test test-sqlite test-postgres lint setup setup-test system-test-deps messages makemessages typeset content \
	bench bench-search bench-load eval-search clean clean-all lock backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The locked set with every hash checked, then the project itself without dependencies (hash
# checking refuses an editable install, and its dependencies are all in the lock file).
$(VENV)/.installed: $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(TEST_LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r $(TEST_LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(VENV)/.installed $@

# After changing a dependency in pyproject.toml: renew both lock files (pins already there are
# kept; `make lock LOCK_ARGS=--upgrade` moves everything to the newest allowed versions).
# tests/ops/test_lock.py fails while a dependency is missing from them.
lock: | $(BIN)/python
	$(BIN)/pip install --quiet "pip-tools>=7.4,<8"
	$(PIP_COMPILE) $(LOCK_ARGS) --output-file $(LOCK) pyproject.toml
	$(PIP_COMPILE) $(LOCK_ARGS) --extra test --output-file $(TEST_LOCK) pyproject.toml

$(SECRET_FILE): | $(BIN)/python
	mkdir -p var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

# Gettext catalogues are in the repository; compiled here, never by hand.
messages: $(SECRET_FILE)
	@command -v msgfmt >/dev/null || $(call apt_install,gettext)
	@if [ -d locale ]; then $(MANAGE) compilemessages --ignore=.venv -v 0; fi

# After changing interface strings: update both catalogues (no source locations, so that parallel
# branches merge cleanly), then translate what is new; tests/test_locale.py fails on any gap.
makemessages: $(SECRET_FILE)
	$(MANAGE) makemessages -l fr -l zh_Hans --no-location --ignore=.venv --ignore=var --ignore=staticfiles --ignore=test-artifacts --ignore=node_modules

# After editing texts or catalogues (and after a merge): French spaces and apostrophes, Chinese
# punctuation, dates in words; then docs/glossary.md from docs/glossary.json. Idempotent.
typeset: $(VENV)/.installed $(SECRET_FILE)
	$(MANAGE) typeset
	$(MANAGE) write_glossary

setup: $(VENV)/.installed $(SECRET_FILE) messages
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_content
	$(MANAGE) load_thesaurus
	$(MANAGE) rebuild_search_index
	$(MANAGE) build_dataset -v 0
	$(MANAGE) collectstatic --noinput -v 0

# An editor account with the same settings `make serve` uses (the secret key in var/):
# `make create-editor NAME=marie EMAIL=marie@example.org` asks for the password twice;
# ARCHIVE_EDITOR_PASSWORD=... in the environment skips the question (for scripts).
create-editor: $(VENV)/.installed $(SECRET_FILE)
	@if [ -z "$(NAME)" ] || [ -z "$(EMAIL)" ]; then echo "usage: make create-editor NAME=... EMAIL=..."; exit 2; fi
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) create_editor "$(NAME)" "$(EMAIL)"

serve: setup
	@echo "The archive is at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(SERVE_ENV) $(BIN)/gunicorn archive.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

define apt_install
	(if [ "$$(id -u)" -eq 0 ]; then $(APT_GET) update -qq && $(APT_GET) install -y -qq $(1) >/dev/null; \
	 else sudo $(APT_GET) update -qq && sudo $(APT_GET) install -y -qq $(1) >/dev/null; fi)
endef

# Debian's Chromium for the browser tests (Playwright cannot download its own here), CJK fonts for
# screenshots, gettext for the catalogues; redis-server, nginx and PostgreSQL for the tests that
# run the production set-up (tests/ops/).
system-test-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	[ -d /usr/share/fonts/opentype/noto ] || missing="$$missing fonts-noto-cjk"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; $(call apt_install,$$missing); fi

# The Nu Html Checker for tests/test_html_validity.py: npm's vnu-jar (Debian has no package), in
# node_modules/ (git-ignored) at the version package-lock.json pins, run on Debian's Java. Its install
# script, which would fetch a Java runtime, is skipped: Java comes from apt.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): package.json package-lock.json
	@command -v java >/dev/null || $(call apt_install,default-jre-headless)
	@command -v npm >/dev/null || $(call apt_install,npm)
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

setup-test: $(VENV)/.installed-test system-test-deps messages $(VNU_JAR)

lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-sqlite: setup-test
	env -u DATABASE_URL $(BIN)/pytest

# With a throwaway Redis beside the PostgreSQL cluster: the several-machines tests use both.
test-postgres: setup-test
	scripts/with-postgres scripts/with-redis $(BIN)/pytest

test: lint test-sqlite test-postgres

# Page throughput: Django under gunicorn against the same pages as static files (writes benchmarks/results/pages.md).
bench: setup-test
	@command -v wrk >/dev/null || $(call apt_install,wrk)
	scripts/with-postgres $(BIN)/python benchmarks/pages.py

# 50 clients for 60 s over a mix of pages and searches; again with PostgreSQL restarted mid-run;
# again beside a sign-in flood (writes benchmarks/results/load.md). Loopback only, about 5 minutes.
bench-load: setup-test
	@command -v wrk >/dev/null || $(call apt_install,wrk)
	scripts/with-postgres $(BIN)/python benchmarks/load.py

# PostgreSQL as deployed for an index of this size: shared buffers that hold it (README, Deployment).
bench-search: setup-test
	ARCHIVE_PG_SETTINGS="shared_buffers=1GB" scripts/with-postgres $(BIN)/python benchmarks/search.py

# Relevance against the judged queries, on both databases (writes benchmarks/results/relevance.md).
eval-search: setup-test
	scripts/with-postgres $(BIN)/python benchmarks/relevance.py

# A copy of the whole database (SQLite or DATABASE_URL's PostgreSQL) in var/backups/, or BACKUP=file.
backup: $(VENV)/.installed $(SECRET_FILE)
	$(MANAGE) backup $(BACKUP)

# Replace the database's content with a backup (asks first); renews the page cache, checks the index.
restore: $(VENV)/.installed $(SECRET_FILE)
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/archive-....sqlite3" >&2; exit 2; }
	$(MANAGE) restore "$(BACKUP)"

# What can be made again. The SQLite database, the secret key and var/backups stay.
clean:
	rm -rf $(VENV) staticfiles var/cache var/search-cache var/test-static-root var/signin.lock test-artifacts node_modules

# Also the SQLite database and the secret key (signed-in sessions end); var/backups still stays.
clean-all: clean
	rm -f db.sqlite3 $(SECRET_FILE)
