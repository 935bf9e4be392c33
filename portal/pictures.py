"""The renditions the templates show (cards, avatars), and their prefetches: a listing fetches its pictures and
their renditions in two queries however many items it shows. The specs here must match the templates'
(templates/includes/card_image.html, templates/includes/avatar.html), or each item costs a query again."""

from django.db.models import Prefetch

from wagtail.images import get_image_model

CARD_RENDITIONS = ("fill-400x225", "fill-800x450")
AVATAR_RENDITIONS = ("fill-96x96", "fill-192x192")


def card_images(field: str = "image") -> Prefetch:
    """Prefetch a listing's card pictures with the renditions the cards show."""
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS))


def avatars(field: str = "avatar") -> Prefetch:
    """Prefetch people's avatars with the renditions the directory and profiles show."""
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions(*AVATAR_RENDITIONS))
