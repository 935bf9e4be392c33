from django import forms


class TopicCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Topic checkboxes indented by depth, so authors see the tree they are choosing from."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["label"] = instance.indented_name
        return option
