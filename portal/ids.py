"""Ids and numbers from outside (URLs, forms, query strings) are checked before they reach the database. A number
beyond the database's 64-bit integers makes SQLite raise OverflowError (a 500) and PostgreSQL compare it as a
numeric; a non-number raises ValueError. Here every such value is a form error, or a 404 for a URL.

- `IdConverter`, registered as `<id:...>` in URL patterns: up to 18 digits, so always a valid id or no match;
  `bound_integer_routes` puts it in place of `<int:...>` in the URLs of Wagtail the portal includes.
- `ModelChoiceField` / `ModelMultipleChoiceField`: Django's, with integer keys range-checked first.
- `PortalModelForm`: a ModelForm whose foreign keys and many-to-many fields use those.
- `IdField`: a bare id in a form (a hidden input naming a reply, a membership)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import register_converter

MAX_ID = 2**63 - 1


class IdConverter:
    """Path segment of a database id: 1 to 18 digits (every such number fits a 64-bit integer)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        number = int(value)
        if not 0 <= number <= MAX_ID:  # a borrowed <int:> pattern admits any length: no match, so a 404
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")


def bound_integer_routes(patterns):
    """Give the `<int:...>` segments of included URL patterns (Wagtail's document and password views, its admin)
    the id converter, in place: an id beyond the database is then a 404, not a 500. Returns the patterns."""
    from django.urls import URLResolver
    from django.urls.converters import IntConverter

    for entry in patterns:
        converters = getattr(entry.pattern, "converters", {})
        for name, converter in converters.items():
            if isinstance(converter, IntConverter):
                converters[name] = IdConverter()
        if isinstance(entry, URLResolver):
            bound_integer_routes(entry.url_patterns)
    return patterns


def is_id(value) -> bool:
    """Whether `value` (as typed) is a positive integer a database id column can hold."""
    text = str(value).strip()
    return text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID


def integer_keyed(queryset) -> bool:
    pk = queryset.model._meta.pk
    while pk.is_relation:  # a page type's key is its link to wagtailcore.Page, an integer all the same
        pk = pk.target_field
    return isinstance(pk, models.AutoField | models.IntegerField)


class ModelChoiceField(forms.ModelChoiceField):
    """Django's ModelChoiceField; a key that is not a possible id is an invalid choice, never a query."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if (
            self.to_field_name is None
            and integer_keyed(self.queryset)
            and not isinstance(value, self.queryset.model)
            and not is_id(value)
        ):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": str(value)[:40]}
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's ModelMultipleChoiceField; keys that are not possible ids are invalid choices, never queried."""

    def _check_values(self, value):
        if self.to_field_name is None and integer_keyed(self.queryset):
            values = value if isinstance(value, list | tuple) else [value]
            for item in values:
                if not isinstance(item, self.queryset.model) and not is_id(item):
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": str(item)[:40]},
                    )
        return super()._check_values(value)


def bounded_formfield(model_field, **kwargs):
    """formfield_callback: relations get the range-checked choice fields."""
    if isinstance(model_field, models.ManyToManyField):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
    elif isinstance(model_field, models.ForeignKey):
        kwargs.setdefault("form_class", ModelChoiceField)
    return model_field.formfield(**kwargs)


class PortalModelForm(forms.ModelForm):
    """The base of the portal's front-end model forms. Django reads `formfield_callback` from the form's own Meta
    only, so subclasses write `class Meta(PortalModelForm.Meta)` (a test checks every one does)."""

    class Meta:
        formfield_callback = bounded_formfield


class IdField(forms.IntegerField):
    """A database id in a form: a positive integer that fits the database, or a clear error."""

    message = "That is not a valid reference: reload the page and try again."
    default_error_messages = {"invalid": message, "min_value": message, "max_value": message}

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)
