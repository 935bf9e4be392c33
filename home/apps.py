from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Home page, the abstract BasePage, shared blocks and demo content."""

    name = "home"
