"""Helpers every app's demo loader shares (dev and tests only): reading the demo data files, and the demo accounts
(each with an avatar), pages and their pictures, each looked up by its natural key first, so loading twice changes
nothing."""

import importlib
import tomllib
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Page

from portal.demo_pictures import avatar_picture, page_picture

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "portal-admin-demo"  # stated in the README; demo content is refused in production
DEMO_PASSWORD = "portal-demo"


def demo_items(app: str, name: str, key: str = "item") -> list[dict]:
    """The `key` tables of `<app>/demo/<name>.toml`: the demo prose lives in data files, not in Python."""
    folder = Path(importlib.import_module(app).__file__).parent / "demo"
    return tomllib.loads((folder / f"{name}.toml").read_text(encoding="utf-8"))[key]


def stream_blocks(blocks: list[dict]) -> list[tuple]:
    """StreamField content from a data file's [[...blocks]] tables (a block type and its value each)."""
    return [(block["type"], block["value"]) for block in blocks]


def ensure_admin():
    User = get_user_model()
    admin, created = User.objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={
            "email": "admin@example.org",
            "first_name": "Portal",
            "last_name": "Administrator",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        admin.set_password(ADMIN_PASSWORD)
        admin.save(update_fields=["password"])
    ensure_avatar(admin)
    return admin


def ensure_role(user, role_slug: str, department: str):
    """Give a demo person their role in the KM programme and their department, once: a profile someone edited
    keeps what they chose."""
    from portal.people.models import Profile
    from portal.taxonomy.models import Audience

    profile = Profile.for_user(user)
    changed = []
    if profile.role_id is None:
        profile.role = Audience.objects.get(slug=role_slug)
        changed.append("role")
    if not profile.department:
        profile.department = department
        changed.append("department")
    if changed:
        profile.save()


def ensure_page(parent: Page, model, admin, slug: str, **fields):
    """Create and publish a page under `parent` unless one with that slug is already there."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, owner=admin, **fields)
    parent.add_child(instance=page)
    page.save_revision(user=admin).publish(user=admin)
    return page


def ensure_user(username, first_name, last_name, group_name=None, *, password=DEMO_PASSWORD):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@example.org"},
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
    ensure_avatar(user)
    return user


def ensure_avatar(user):
    """A demo person's avatar (their initials), unless they have one."""
    profile = user.profile  # the instance the loaders go on to fill in, so their save keeps the avatar
    if profile.avatar_id is None:
        profile.avatar = avatar_picture(user.get_full_name() or user.get_username(), user.get_username())
        profile.save(update_fields=["avatar"])


def picture_for(model, title: str):
    """The demo picture of a page of this type and title, to give the page when it is made."""
    return page_picture(title, model._meta.verbose_name)


def ensure_picture(page, user):
    """A demo page made before pages had pictures gets its own, published as a revision so that the next draft
    keeps it (`make serve` loads the demo content again on every start)."""
    if page.image_id is None:
        page.image = picture_for(type(page), page.title)
        page.save_revision(user=user).publish(user=user)
    return page
