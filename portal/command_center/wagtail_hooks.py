"""Admin wiring: the command center's URLs and its own menu item, shown to whoever may open it."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.command_center import views
from portal.command_center.access import may_open_command_center


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("command-center/", views.command_center, name="command_center"),
        path("command-center/data/", views.command_center_data, name="command_center_data"),
        path("command-center/csv/<slug:key>/", views.command_center_csv, name="command_center_csv"),
    ]


class CommandCenterMenuItem(MenuItem):
    def is_shown(self, request):
        return may_open_command_center(request.user)


@hooks.register("register_admin_menu_item")
def register_command_center_menu_item():
    return CommandCenterMenuItem("Command center", reverse("command_center"), icon_name="view", order=150)
