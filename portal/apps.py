from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The platform layer: embedded services, health, and the shared sub-apps under `portal/`."""

    name = "portal"
    verbose_name = "Portal platform"
