import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

# The page cache outlives the server: a restart (a new release, new templates or translations)
# must not serve pages rendered by the previous code.
from archive.caching import everything_changed  # noqa: E402

everything_changed()

# jieba's dictionary loads at start-up (about half a second), not in the first Chinese search.
from archive.search.analysis import load_dictionary  # noqa: E402

load_dictionary()
