"""/me/notifications/: what a person's follows brought them, only items they may still open; mark read; and the
unsubscribe page an email's link opens without logging in."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST

from communities.discussions import Follow, Notification
from communities.notifications import read_unsubscribe_token
from portal.people.models import Profile

PAGE_SIZE = 20


def item_url(notification) -> str:
    """The item's current address (its slug may have changed since), at the stored anchor."""
    item = notification.item
    url = item.get_absolute_url() if hasattr(item, "get_absolute_url") else item.url
    fragment = urlsplit(notification.url).fragment
    return f"{url}#{fragment}" if fragment else url


@login_required
def notification_list(request):
    notifications = Notification.objects.for_reader(request.user).order_by("-created_at", "-pk")
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    visible = Notification.visible_page(page.object_list, request.user)
    # What the reader may no longer open stays out of the list and out of the unread count.
    hidden = {n.pk for n in page.object_list} - {n.pk for n in visible}
    if hidden:
        Notification.objects.filter(pk__in=hidden).mark_read()
    for notification in visible:
        notification.open_url = item_url(notification)
    return TemplateResponse(
        request,
        "communities/notifications.html",
        {"page_obj": page, "notifications": visible, "unread_count": notifications.unread().count()},
    )


@login_required
def open_notification(request, notification_id):
    """Follow a notification to its item, marking it read; a 404 when the item is gone or out of reach."""
    notification = get_object_or_404(Notification.objects.for_reader(request.user), pk=notification_id)
    visible = Notification.visible_page([notification], request.user)
    if not visible:
        raise Http404("That item is no longer there for you.")
    Notification.objects.filter(pk=notification.pk).mark_read()
    return redirect(item_url(visible[0]))


@login_required
@require_POST
def mark_read(request, notification_id):
    updated = Notification.objects.for_reader(request.user).filter(pk=notification_id).mark_read()
    if updated:
        messages.success(request, "Marked as read.")
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    count = Notification.objects.for_reader(request.user).mark_read()
    messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked as read.")
    return redirect("notifications:list")


def unsubscribe(request, token):
    """An email's unsubscribe link: shows what it stops, and stops it on POST (link scanners only GET).
    No login needed: the signed token is the permission, and it can do nothing else."""
    subject = read_unsubscribe_token(token)
    if subject is None:
        return TemplateResponse(request, "communities/unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        if isinstance(subject, Follow):
            Follow.objects.filter(pk=subject.pk).update(emails=False)
        else:
            Profile.objects.filter(pk=subject.pk).update(email_notifications=Profile.Digest.OFF)
        done = True
    return TemplateResponse(
        request,
        "communities/unsubscribe.html",
        {"follow": subject if isinstance(subject, Follow) else None, "done": done},
    )


def unread_notifications(request):
    """Context processor: the signed-in reader's unread count for the menu (one query, only when rendered)."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}

    def count():
        return Notification.objects.for_reader(request.user).unread().count()

    return {"unread_notifications": SimpleLazyObject(count)}
