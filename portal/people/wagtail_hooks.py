from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.people.models import Profile


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "user"
    menu_label = "Profiles"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "job_title", "role", "department", "organisation"]
    list_filter = ["role", "department"]
    search_fields = ["display_name", "job_title", "department"]
    panels = [
        "user",
        "display_name",
        "job_title",
        "role",
        "department",
        "organisation",
        "bio",
        "avatar",
        "expertise",
        "ask_me_about",
    ]


register_snippet(ProfileViewSet)
