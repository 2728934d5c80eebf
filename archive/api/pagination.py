"""Pages of a list in a stable order, with the total, and links built from the public origin."""

from django.core.paginator import Paginator
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from ..origin import absolute_url
from .params import DEFAULT_PAGE_SIZE


class ArchivePagination(PageNumberPagination):
    """`page` and `page_size` come validated from the view's parameters (params.PageParams)."""

    page_size = DEFAULT_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        params = view.params
        self.request = request
        self.page_size = params.get("page_size") or DEFAULT_PAGE_SIZE
        paginator = Paginator(queryset, self.page_size)
        number = params.get("page") or 1
        if number > 1 and number > paginator.num_pages:
            raise ValidationError({"page": [f"Past the last page ({paginator.num_pages})."]})
        self.page = paginator.page(number)
        return list(self.page)

    def _url(self, number):
        url = absolute_url(self.request.get_full_path())
        return remove_query_param(url, "page") if number == 1 else replace_query_param(url, "page", number)

    def get_next_link(self):
        return self._url(self.page.next_page_number()) if self.page.has_next() else None

    def get_previous_link(self):
        return self._url(self.page.previous_page_number()) if self.page.has_previous() else None

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "page": self.page.number,
                "num_pages": self.page.paginator.num_pages,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "page", "num_pages", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "description": "How many in all, on every page."},
                "page": {"type": "integer"},
                "num_pages": {"type": "integer"},
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }
