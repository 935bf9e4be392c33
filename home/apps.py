from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page, plain pages, the reference library and the demo content."""

    name = "home"
