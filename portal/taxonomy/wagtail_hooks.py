"""Topic tree and audiences in the admin, as snippets grouped under "Taxonomy"."""

from django.contrib import messages
from django.shortcuts import redirect

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from portal.taxonomy.forms import TopicForm
from portal.taxonomy.models import Audience, Topic


class TopicDeleteView(DeleteView):
    """Refuses to delete a topic that any page (or any topic below it) still uses."""

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        in_use = self.object.usage_count()
        if in_use:
            messages.error(
                request,
                f"“{self.object}” cannot be deleted: {in_use} page{'s' if in_use != 1 else ''} use it or a topic "
                "below it. Move those pages to another topic first, or merge by renaming.",
            )
            return redirect(self.get_edit_url() if hasattr(self, "get_edit_url") else request.path)
        if self.object.get_children_count():
            messages.error(request, f"“{self.object}” has topics below it: move or delete them first.")
            return redirect(request.path)
        return super().post(request, *args, **kwargs)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "list-ul"
    menu_label = "Topics"
    list_display = ["indented_name", "slug"]
    list_per_page = 200
    search_fields = ["name"]
    ordering = ["path"]
    delete_view_class = TopicDeleteView
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), FieldPanel("parent"), FieldPanel("description")],
        base_form_class=TopicForm,
    )


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = "Audiences"
    list_display = ["name", "slug", "sort_order"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomy"
    menu_icon = "tag"
    menu_order = 300
    items = (TopicViewSet, AudienceViewSet)


register_snippet(TaxonomyGroup)
