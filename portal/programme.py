"""How the KM programme view (in learning) lists communities to join without importing communities: the
communities app registers a callable here in its AppConfig.ready().

Each provider is called once per page as `provider()` and returns pages anyone may open (never a members-only
community), each with `.stage` and prefetched `.audiences`, in the order they should be suggested."""

from collections.abc import Callable

community_providers: list[Callable] = []


def register_community_provider(provider: Callable):
    if provider not in community_providers:
        community_providers.append(provider)


def communities_to_join() -> list:
    return [community for provider in community_providers for community in provider()]
