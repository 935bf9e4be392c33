"""Request hygiene for the whole site, before any view runs."""

from django.http import Http404, QueryDict


class NullCharacterMiddleware:
    """No NUL character from a URL reaches a view, and so none reaches the database (PostgreSQL refuses text
    holding one, which would be a 500). A path with one names no page (404); query-string keys and values lose
    theirs. Form fields refuse NUL themselves (Django's ProhibitNullCharactersValidator), with a message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise Http404("No such page.")
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
