from wagtail.admin.forms import WagtailAdminModelForm

from portal.ids import ModelChoiceField


class TopicForm(WagtailAdminModelForm):
    """Topic editing with a parent chooser: creating under a parent adds a child; changing it moves the topic
    with its whole subtree."""

    parent = ModelChoiceField(
        queryset=None, required=False, label="Parent topic", help_text="Leave empty for a top-level topic."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from portal.taxonomy.models import Topic

        parents = Topic.objects.all()
        if self.instance.pk:
            parents = parents.exclude(pk__in=self.instance.subtree_ids())  # never under itself
            self.initial["parent"] = self.instance.get_parent()
        self.fields["parent"].queryset = parents
        self.fields["parent"].label_from_instance = lambda topic: topic.indented_name

    def save(self, commit=True):
        from portal.taxonomy.models import Topic

        topic = super().save(commit=False)
        parent = self.cleaned_data.get("parent")
        if topic.pk is None:
            return parent.add_child(instance=topic) if parent else Topic.add_root(instance=topic)
        topic.save()
        if parent != topic.get_parent():
            if parent is not None:
                topic.move(parent, "sorted-child")
            else:
                topic.move(Topic.get_first_root_node(), "sorted-sibling")
            topic.refresh_from_db()
        self.save_m2m()
        return topic
