"""Changes in bulk (an import of many statements): what is derived from the content is renewed
once, when the batch ends, instead of once per saved row.

The models' signals call `after_batch` for what they renew (the pages' and fragments'
generations, the search index); outside a batch it runs at once, as before. Inside
`changes_batched()` each kind of renewal runs once at the end with everything collected, still
inside the caller's transaction, so an import that fails renews nothing.
"""

import contextvars
from contextlib import contextmanager

_pending = contextvars.ContextVar("archive_changes_batched", default=None)


@contextmanager
def changes_batched():
    pending = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    # Only after the body succeeded (an exception leaves through the `finally` above).
    for flush, items in pending.values():
        flush(items)


def after_batch(key, flush, item=None):
    """Run `flush(items)` now, or once at the end of the current batch with every item given
    under `key` (`item` None adds nothing: a renewal that needs no list)."""
    pending = _pending.get()
    if pending is None:
        flush([] if item is None else [item])
        return
    _flush, items = pending.setdefault(key, (flush, []))
    if item is not None:
        items.append(item)
