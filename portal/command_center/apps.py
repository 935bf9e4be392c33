from django.apps import AppConfig


class CommandCenterConfig(AppConfig):
    """The KM programme's command center: figures that apps register, drawn in the admin and summarised elsewhere."""

    name = "portal.command_center"
    label = "command_center"
    verbose_name = "Command center"
