"""The public read API (Wagtail API v2 at /api/v2/: pages, images, documents). Public means what an anonymous
reader may open, whoever asks: live pages under no view restriction of any kind (login, groups, password), and
images and documents outside every restricted collection (members-only communities keep theirs there). Wagtail's
own viewsets answer per request, so a signed-in member would see members-only content, and a cache in front of
the API could then serve it to anyone."""

from django.db.models import Q

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction


def restricted_collection_ids() -> set[int]:
    """Every collection under a view restriction, with its descendants."""
    paths = Collection.objects.filter(pk__in=CollectionViewRestriction.objects.values("collection_id")).values_list(
        "path", flat=True
    )
    if not paths:
        return set()
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    return set(Collection.objects.filter(under).values_list("pk", flat=True))


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # Also the base of child_of/descendant_of: a restricted parent is simply not found.
        return super().get_base_queryset().public()


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collection_ids())


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collection_ids())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
