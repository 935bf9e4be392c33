"""How feature apps add to people pages without the platform importing them: a community app registers a
directory filter ("member of community X") and a profile section ("communities, contributions")."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class DirectoryFilter:
    """A query-string filter on the people directory: `options()` gives (value, label) pairs, `apply(profiles,
    value)` narrows the queryset; both run only when the directory is shown."""

    name: str
    label: str
    options: Callable
    apply: Callable


@dataclass
class ProfileSection:
    """A block on a public profile: `context(profile, viewer)` returns the template context, or None to hide it."""

    template: str
    context: Callable
    order: int = 100


directory_filters: list[DirectoryFilter] = []
profile_sections: list[ProfileSection] = []
# Callables profile -> dict of extra facts for the people search index (communities, contribution counts).
person_search_facts: list[Callable] = []
