from django.apps import AppConfig

import portal.ids  # noqa: F401  registers the <id:...> URL converter before any app's routes are built


class PortalConfig(AppConfig):
    """The platform layer: embedded services, health, and the shared sub-apps under `portal/`."""

    name = "portal"
    verbose_name = "Portal platform"
