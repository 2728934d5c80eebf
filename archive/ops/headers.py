"""Security headers that Django's SecurityMiddleware does not set, and the admin's looser CSP.

The public pages have no JavaScript and no inline style, so their policy (CONTENT_SECURITY_POLICY
in settings) is `default-src 'self'` with no exception and no nonce: a cached page is the same for
every reader. The admin is Django's, django-simple-history's and modeltranslation's: all its
scripts are files, but it has one inline <style> block (allowed by its hash, computed from
Django's own template) and style attributes (allowed for attributes only).
"""

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

import django.contrib.admin

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    )
)


@cache
def admin_inline_style_hashes():
    """CSP hashes of the <style> blocks in Django's admin templates, read from the installed copy."""
    templates = Path(django.contrib.admin.__file__).parent / "templates" / "admin"
    hashes = []
    for template in sorted(templates.glob("*.html")):
        for block in re.findall(r"<style>(.*?)</style>", template.read_text(), flags=re.S):
            digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return hashes


def admin_policy_changes():
    """What the admin's pages replace in the public policy (django-csp's `_csp_replace`)."""
    return {
        "style-src-elem": ["'self'", *admin_inline_style_hashes()],
        "style-src-attr": ["'unsafe-inline'"],
    }


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response; the admin's CSP exceptions on the admin's responses.

    Sits inside django-csp's middleware, so that the exceptions it marks are read when the policy
    is written on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path_info.startswith(self.admin_prefix) and not hasattr(response, "_csp_replace"):
            response._csp_replace = admin_policy_changes()
        return response
