from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key` for dictionaries keyed by values templates cannot spell (block ids)."""
    return mapping.get(key) if mapping else None
