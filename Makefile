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

.PHONY: serve test test-sqlite test-postgres lint setup setup-test system-test-deps messages makemessages content bench bench-search clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

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

setup: $(VENV)/.installed $(SECRET_FILE) messages
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_content
	$(MANAGE) rebuild_search_index
	$(MANAGE) collectstatic --noinput -v 0

serve: setup
	@echo "The archive is at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(SERVE_ENV) $(BIN)/gunicorn archive.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

# Waits up to ten minutes for another apt or dpkg to let go of its lock rather than failing.
APT_GET = apt-get -o DPkg::Lock::Timeout=600
define apt_install
	(if [ "$$(id -u)" -eq 0 ]; then $(APT_GET) update -qq && $(APT_GET) install -y -qq $(1) >/dev/null; \
	 else sudo $(APT_GET) update -qq && sudo $(APT_GET) install -y -qq $(1) >/dev/null; fi)
endef

# Debian's Chromium for the browser tests (Playwright cannot download its own here), CJK fonts for
# screenshots, gettext for the catalogues.
system-test-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
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

test-postgres: setup-test
	scripts/with-postgres $(BIN)/pytest

test: lint test-sqlite test-postgres

# Page throughput: Django under gunicorn against the same pages as static files (writes benchmarks/results/pages.md).
bench: setup-test
	@command -v wrk >/dev/null || $(call apt_install,wrk)
	scripts/with-postgres $(BIN)/python benchmarks/pages.py

bench-search: setup-test
	scripts/with-postgres $(BIN)/python benchmarks/search.py

clean:
	rm -rf $(VENV) staticfiles var db.sqlite3 test-artifacts node_modules
