"""Topic tree and audiences in the admin, as snippets grouped under "Taxonomy"."""

from django.contrib import messages
from django.shortcuts import redirect

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from portal.taxonomy.forms import TopicForm
from portal.taxonomy.models import Audience, Topic


class TopicDeleteView(DeleteView):
    """Refuses to delete a topic that pages still use, or that has topics below it."""

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        blocker = self.object.deletion_blocker()
        if blocker:
            messages.error(request, blocker)
            return redirect(request.path)
        return super().post(request, *args, **kwargs)


@hooks.register("before_bulk_action")
def refuse_bulk_deletion_of_topics_in_use(request, action_type, objects, action_class_instance):
    """The same rule for the listing's bulk delete."""
    if action_type != "delete":
        return None
    blockers = [topic.deletion_blocker() for topic in objects if isinstance(topic, Topic)]
    blockers = [blocker for blocker in blockers if blocker]
    if blockers:
        for blocker in blockers:
            messages.error(request, blocker)
        return redirect("wagtailsnippets_taxonomy_topic:list")
    return None


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
