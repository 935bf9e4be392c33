from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """A person's knowledge network: the people and topics they follow (communities and threads are followed in
    communities)."""

    name = "portal.network"
    label = "network"
    verbose_name = "Knowledge network"
