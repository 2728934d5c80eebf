"""Running the archive in production: security headers, refused methods, the database outage page,
the health probe, the sign-in gate and log formatting. The order of these middlewares is set, with
the reasons, in one place: MIDDLEWARE in archive/settings.py."""
