"""The whole published archive as downloadable files: CSV, JSON, JSON Lines and a Data Package.

The files are built from the same serializers as the API (export.py), described by a Frictionless
Data Package (package.py), and stored in the database (models.py) so that every app server serves
the same bytes. They are rebuilt once per transaction that changed content (signals.py), never per
saved row nor per request; the data page lists each file with its size and SHA-256.
"""
