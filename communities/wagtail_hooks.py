"""Admin and serving hooks for communities."""

from django.shortcuts import redirect

from wagtail import hooks
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter

from communities import membership
from communities.models import Post, Reply, Thread
from communities.notifications import announce
from communities.policy import community_of


@hooks.register("before_serve_page", order=-10)
def send_logged_in_non_members_to_the_join_page(page, request, serve_args, serve_kwargs):
    """Wagtail's group restriction would send a logged-in non-member to the login form; tell them how to join."""
    community = community_of(page)
    if community and community.members_only and request.user.is_authenticated and not community.can_read(request.user):
        return redirect(community.join_url())
    return None


class ModerationEditView(EditView):
    """Publishing a held post from the admin tells its followers, as publishing from the front end does."""

    def save_instance(self):
        was_published = type(self.object).objects.filter(pk=self.object.pk, status=Post.Status.PUBLISHED).exists()
        instance = super().save_instance()
        if instance.status == Post.Status.PUBLISHED and not was_published:
            announce(instance)
        return instance


class ThreadModerationViewSet(ModelViewSet):
    """The admin's moderation queue for discussions (Moderators, administrators): filter pending or flagged
    posts, then publish, hide or lock them."""

    model = Thread
    icon = "comment"
    menu_label = "Discussions"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["title", "community", "kind", "status", "locked", "created_at"]
    list_filter = ["status", "kind", "locked"]
    search_fields = ["title", "body"]
    form_fields = ["status", "locked", "title", "body"]
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_view_class = ModerationEditView

    def get_queryset(self, request):
        return Thread.objects.select_related("community", "author")


class ReplyModerationViewSet(ModelViewSet):
    model = Reply
    icon = "comment"
    menu_label = "Discussion replies"
    menu_order = 321
    add_to_admin_menu = True
    list_display = ["__str__", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["body"]
    form_fields = ["status", "body"]
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_view_class = ModerationEditView


@hooks.register("register_admin_viewset")
def register_discussion_moderation():
    return [ThreadModerationViewSet("discussion_threads"), ReplyModerationViewSet("discussion_replies")]


class MembershipLogFormatter(LogFormatter):
    """A membership change in the community page's history, worded from the entry's data (who, and for a
    role change from what to what)."""

    template = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return self.template.format(
            member=data.get("member_name") or data.get("member") or "someone",
            old=role_label(data.get("from")),
            new=role_label(data.get("to")),
        )


def role_label(value):
    return membership.Membership.Role(value).label.lower() if value in membership.Membership.Role.values else "?"


MEMBERSHIP_LOG_ACTIONS = {
    membership.ROLE_CHANGE: ("Change member's role", "Changed {member}'s role from {old} to {new}"),
    membership.MEMBER_REMOVE: ("Remove member", "Removed {member} from the community"),
    membership.MEMBER_LEAVE: ("Leave community", "{member} left the community"),
    membership.REQUEST_APPROVE: ("Approve request to join", "Approved {member}'s request to join"),
    membership.REQUEST_DECLINE: ("Decline request to join", "Declined {member}'s request to join"),
    membership.INVITATION_SEND: ("Invite to join", "Invited {member} to join"),
    membership.INVITATION_ACCEPT: ("Accept invitation", "{member} accepted the invitation to join"),
    membership.INVITATION_DECLINE: ("Decline invitation", "{member} declined the invitation to join"),
}


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    """Every change facilitators and invitees make to who belongs to a community, in its page history."""
    for action, (label, template) in MEMBERSHIP_LOG_ACTIONS.items():
        formatter = type("MembershipChangeFormatter", (MembershipLogFormatter,), {"label": label, "template": template})
        actions.register_action(action)(formatter)
