from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def alternates(request):
    """The current page in every language: for the language switcher and hreflang links."""
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if query:
            url = f"{url}?{query}"
        info = get_language_info(code)
        links.append({"code": code, "name": info["name_local"], "url": url})
    return {"alternates": links}
