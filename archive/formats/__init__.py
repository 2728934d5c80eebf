"""Per-language format overrides (FORMAT_MODULE_PATH): unambiguous ISO dates in forms."""
