from django import template

from portal.feedback.forms import FlagForm
from portal.feedback.models import ContentFlag, HelpfulVote, helpful_counts, may_see_feedback, open_flags_by_page

register = template.Library()


@register.inclusion_tag("feedback/reader_feedback.html", takes_context=True)
def reader_feedback(context, page):
    """The feedback box at the foot of a page that takes reader feedback: the reader's own answer and flags, and
    for the owner and editors the helpful counts and open flags. No query for anonymous readers; a fixed few for
    the rest."""
    request = context["request"]
    user = request.user
    shown = {"page": page, "request": request, "takes_feedback": getattr(page, "accepts_reader_feedback", False)}
    if not shown["takes_feedback"] or not user.is_authenticated:
        return shown
    vote = HelpfulVote.objects.filter(page=page, user=user).values_list("helpful", flat=True).first()
    mine = set(ContentFlag.objects.open().filter(page=page, flagged_by=user).values_list("kind", flat=True))
    shown.update(
        vote=vote,
        flagged_outdated=ContentFlag.Kind.OUTDATED in mine,
        suggested=ContentFlag.Kind.IMPROVEMENT in mine,
        outdated_form=FlagForm(initial={"kind": ContentFlag.Kind.OUTDATED}),
        improvement_form=FlagForm(initial={"kind": ContentFlag.Kind.IMPROVEMENT}),
    )
    if may_see_feedback(page, user):
        shown.update(counts=helpful_counts(page), open_flags=open_flags_by_page([page.pk]).get(page.pk, []))
    return shown
