"""The read-only JSON API under /api/v1/: statements, topics, sessions, sources, search, withdrawals.

Django REST framework with drf-spectacular's OpenAPI 3 schema. Only what the public pages show:
published statements (a draft is a 404 like a missing id), every translated field in all three
languages with its provenance, absolute addresses from archive/origin.py. No sessions and no
authentication, so a signed-in editor sees exactly what everyone sees. Parameters are validated
by serializers (params.py) and every bad one is a 400 naming the field and the reason.
"""
