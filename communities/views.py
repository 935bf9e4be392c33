"""Member actions inside a community, served as routes of its page (so Wagtail's view restrictions apply to
them): join and leave, membership requests, managing members and invitations, and the discussions."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from communities.activity import record_accepted
from communities.discussions import Flag, Follow, HelpfulMark, Notification, Post, PostEdit, Reply, Thread
from communities.experts import ExpertInvitation, InvitationError, suggested_experts
from communities.forms import (
    AskForm,
    EditPostForm,
    FlagForm,
    InvitationAnswerForm,
    InvitationForm,
    MemberForm,
    MembershipDecisionForm,
    ModerationForm,
    ReplyForm,
    RoleForm,
    ThreadForm,
    first_error,
)
from communities.membership import Membership, MembershipError
from communities.notifications import announce
from communities.policy import policy_for
from portal.sanitise import local_url
from portal.searchable import batch_cache, search_key
from portal.taxonomy.models import Topic

THREADS_PER_PAGE = 20


def community_url(community, name, *args):
    return community.url + community.reverse_subpage(name, args=args)


def posting_allowed(request) -> bool:
    """At most COMMUNITY_POSTS_PER_MINUTE new posts per person per minute (shared cache, so across workers)."""
    key = f"community-posts:{request.user.pk}:{timezone.now():%Y%m%d%H%M}"
    cache.add(key, 0, timeout=90)
    return cache.incr(key) <= settings.COMMUNITY_POSTS_PER_MINUTE


def too_many(request, community):
    return TemplateResponse(
        request,
        "communities/too_many_posts.html",
        {"page": community, "limit": settings.COMMUNITY_POSTS_PER_MINUTE},
        status=429,
    )


# -- membership ---------------------------------------------------------------------------------------------------
@require_POST
def join(request, community, next_url=None):
    if not request.user.is_authenticated:
        return redirect_to_login(next_url or community.url)
    membership = community.join(request.user)
    Follow.objects.get_or_create(user=request.user, community=community)
    if membership.is_active:
        messages.success(request, f"Welcome to {community.title}. You will hear about new threads here.")
    else:
        messages.success(
            request, "Your request to join is with the facilitators; you will be told when they approve it."
        )
        return redirect(next_url or community.url)
    return redirect(community.url)


def join_page(request, index, slug):
    """About a community and how to join it, readable by anyone (members-only communities included)."""
    community = index.live_community(slug)
    if community is None:
        raise Http404("No such community.")
    if request.method == "POST":
        return join(request, community, next_url=request.path)
    invitations = []
    if request.user.is_authenticated:
        invitations = list(
            community.invitations.filter(user=request.user).unanswered().select_related("invited_by__profile")
        )
    return TemplateResponse(
        request,
        "communities/join.html",
        {
            "page": community,
            "index": index,
            "membership": policy_for(request, community).membership,
            "invitations": invitations,
            "invited": any(invitation.is_open for invitation in invitations),  # accepting is how they join
        },
    )


@require_POST
def answer_invitation(request, index, slug, invitation_id):
    """The invitee accepts (and is in) or declines an invitation to this community."""
    community = index.live_community(slug)
    if community is None:
        raise Http404("No such community.")
    if not request.user.is_authenticated:
        return redirect_to_login(community.join_url())
    invitation = community.invitations.filter(pk=invitation_id).first()
    if invitation is None or not policy_for(request, community).may_answer(invitation):
        raise Http404("No such invitation.")  # someone else's invitation is none of their business
    form = InvitationAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect(community.join_url())
    accept = form.cleaned_data["answer"] == "accept"
    try:
        if accept:
            invitation.accept()
        else:
            invitation.decline()
    except MembershipError as error:
        messages.error(request, str(error))
        return redirect(community.join_url())
    if accept:
        messages.success(request, f"Welcome to {community.title}. You will hear about new threads here.")
        return redirect(community.url)
    messages.success(request, f"You declined the invitation to {community.title}.")
    return redirect(community.join_url())


@require_POST
def leave(request, community):
    if request.user.is_authenticated:
        attempt(
            request,
            policy_for(request, community).leave_refusal(),
            lambda: community.leave(request.user),
            f"You have left {community.title}.",
        )
    return redirect(community.url)


def attempt(request, refusal, change, success):
    """A change to who belongs: refused by the policy (with its reason), refused by the model (a rule checked
    again under lock, in case someone else acted meanwhile), or done; the person is told which."""
    if refusal:
        messages.error(request, refusal)
        return
    try:
        change()
    except MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)


def members_url(community):
    return community_url(community, "members_route")


def back_to_members(request, community):
    """The members page, or the community's own page for someone who has just stepped down or left from it."""
    if community.member_policy(request.user).may_manage_members():
        return redirect(members_url(community))
    return redirect(community.url)


def managing(request, community):
    """The policy of someone who manages this community's members; anyone else is refused (403)."""
    policy = policy_for(request, community)
    if not policy.may_manage_members():
        raise PermissionDenied
    return policy


def members(request, community):
    """Facilitators' page: requests to join, members and their roles, invitations waiting for an answer."""
    managing(request, community)
    if request.method == "POST":
        form = MembershipDecisionForm(request.POST, community=community)
        if not form.is_valid():
            messages.error(request, first_error(form))
            return redirect(members_url(community))
        membership = form.cleaned_data["membership"]
        try:
            if form.cleaned_data["action"] == "approve":
                membership.approve(by=request.user)
                messages.success(request, f"{membership.name} is now a member.")
            else:
                membership.decline(by=request.user)
                messages.success(request, "Request declined.")
        except MembershipError as error:
            messages.error(request, str(error))
        return redirect(members_url(community))
    memberships = list(community.members_for_management())
    moderators = [membership for membership in memberships if membership.can_moderate]
    return TemplateResponse(
        request,
        "communities/members.html",
        {
            "page": community,
            "pending": community.pending_requests(),
            "memberships": memberships,
            # Only one facilitator or leader left: their row offers no way to demote or remove them.
            "sole_moderator": moderators[0] if len(moderators) == 1 else None,
            "roles": Membership.Role.choices,
            "invitations": community.invitations.open().select_related("user__profile", "invited_by__profile"),
            "invitation_form": InvitationForm(),
        },
    )


@require_POST
def change_role(request, community):
    """Make a member a member, facilitator or leader (the select and button on each row of the members page)."""
    policy = managing(request, community)
    form = RoleForm(request.POST, community=community)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect(members_url(community))
    membership, role = form.cleaned_data["membership"], form.cleaned_data["role"]
    attempt(
        request,
        policy.role_change_refusal(membership, role),
        lambda: membership.change_role(role, by=request.user),
        f"{membership.name} is now a {Membership.Role(role).label.lower()}.",
    )
    return back_to_members(request, community)


def remove_member(request, community):
    """GET: ask to confirm; POST: remove. Both name the member in the same range-checked field."""
    policy = managing(request, community)
    form = MemberForm(request.POST if request.method == "POST" else request.GET, community=community)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect(members_url(community))
    membership = form.cleaned_data["membership"]
    refusal = policy.removal_refusal(membership)
    if refusal:
        messages.error(request, refusal)
        return redirect(members_url(community))
    if request.method != "POST":
        return TemplateResponse(
            request, "communities/remove_member.html", {"page": community, "membership": membership}
        )
    done = f"{membership.name} is no longer a member of {community.title}."
    attempt(request, None, lambda: membership.remove(by=request.user), done)
    return back_to_members(request, community)


@require_POST
def invite(request, community):
    """Invite someone by username or e-mail address; they are notified and answer on the join page."""
    if not policy_for(request, community).may_invite():
        raise PermissionDenied
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect(members_url(community))
    person = form.cleaned_data["person"]
    try:
        invitation = community.invite(person, by=request.user)
    except MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"Invitation sent to {person.profile.name}; they can accept it until {invitation.expires_on}."
        )
    return redirect(members_url(community))


# -- discussions --------------------------------------------------------------------------------------------------
def discussions(request, community):
    policy = policy_for(request, community)
    can_post = policy.may_post()
    form = None
    if can_post:
        form = ThreadForm(
            request.POST or None,
            request.FILES or None,
            can_announce=policy.may_moderate(),
            community=community,
            asker=request.user,
            experts=suggested_experts(community, request.user),
            initial={"title": request.GET.get("title", "")[:200], "kind": Thread.Kind.QUESTION},
        )
    if request.method == "POST":
        if not can_post:
            raise PermissionDenied
        if form.is_valid():
            response = create_post(request, community, form)
            if response is not None:
                return response
        messages.error(request, "Your post was not saved yet: please correct the fields marked below.")
    threads = (
        Thread.objects.filter(community=community)
        .visible_to(policy_for(request, community))
        .select_related("author__profile")
    )
    kind = request.GET.get("kind")
    if kind in Thread.Kind.values:
        threads = threads.filter(kind=kind)
    return TemplateResponse(
        request,
        "communities/discussions.html",
        {
            "page": community,
            "blog_url": community.blog_url(),  # for the community's navigation
            "form": form,
            "can_post": can_post,
            "kind": kind,
            "threads": Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page")),
        },
    )


def create_post(request, community, form, thread=None):
    """A new thread (no `thread`) or a reply to `thread` from a valid form: once per submission (a double submit
    finds the post it already made), within the posting limit, held for a facilitator while the policy says so,
    and announced to followers once published."""
    model, noun = (Reply, "reply") if thread else (Thread, "post")
    key = form.cleaned_data["submission_key"]
    existing = model.objects.filter(author=request.user, submission_key=key).first()
    if existing:  # the same form submitted twice
        return redirect((thread or existing).get_absolute_url())
    if not posting_allowed(request):
        return too_many(request, community)
    held = policy_for(request, community).posts_wait_for_approval(thread)
    post = form.save(commit=False)
    if thread:
        post.thread = thread
    else:
        post.community = community
    post.author, post.submission_key = request.user, key
    post.body = form.body_with_image(post.body, request.user, community)
    post.status = Post.Status.PENDING if held else Post.Status.PUBLISHED
    invitees = [] if thread else form.cleaned_data.get("invite") or []
    try:
        with transaction.atomic():
            post.save()
            if invitees:
                ExpertInvitation.invite(post, invitees, by=request.user)
    except IntegrityError:  # lost a race with its own double submit
        post = model.objects.get(author=request.user, submission_key=key)
        return redirect((thread or post).get_absolute_url())
    except InvitationError as error:  # someone left the community since the form was checked: nothing saved
        form.add_error("invite", str(error))
        return None
    Follow.objects.get_or_create(user=request.user, thread=thread or post)
    if held:
        messages.success(request, f"Thanks! A facilitator will approve your {noun} shortly; only you can see it now.")
    else:
        if thread:
            Thread.objects.filter(pk=thread.pk).update(last_activity_at=timezone.now())
        announce(post)
        messages.success(request, f"Your {noun} is published.")
    return redirect((thread or post).get_absolute_url())


def get_thread(request, community, thread_id):
    thread = get_object_or_404(
        Thread.objects.select_related("author__profile", "accepted_reply"), pk=thread_id, community=community
    )
    if not Thread.objects.filter(pk=thread.pk).visible_to(policy_for(request, community)).exists():
        raise Http404("No such thread")
    return thread


def thread_detail(request, community, thread_id):
    thread = get_thread(request, community, thread_id)
    policy = policy_for(request, community)
    is_member = policy.may_post()
    can_reply = policy.may_reply(thread)
    form = ReplyForm(request.POST or None, request.FILES or None) if can_reply else None
    if request.method == "POST":
        if not can_reply:
            raise PermissionDenied
        if form.is_valid():
            return create_post(request, community, form, thread)
        messages.error(request, "Your reply was not saved yet: please correct it below.")
    if request.user.is_authenticated:  # reading the thread is reading what its notifications announced
        Notification.objects.for_reader(request.user).filter(target_key=search_key(thread)).mark_read()
    replies = (
        thread.replies.visible_to(policy)
        .select_related("author__profile")
        .prefetch_related("edits")
        .annotate(helpful_count=Count("helpful_marks", distinct=True))
    )
    return TemplateResponse(
        request,
        "communities/thread.html",
        {
            "page": community,
            "thread": thread,
            "replies": replies,
            "form": form,
            "is_member": is_member,
            "is_facilitator": policy.may_moderate(),
            "can_accept": policy.may_accept_answer(thread),
            "invited": list(thread.invited_people()),
            "following": request.user.is_authenticated and thread.followers.filter(user=request.user).exists(),
            "marked_helpful": set(
                HelpfulMark.objects.filter(reply__thread=thread, user=request.user).values_list("reply_id", flat=True)
            )
            if request.user.is_authenticated
            else set(),
        },
    )


@require_POST
def accept_answer(request, community, thread_id, reply_id):
    thread = get_thread(request, community, thread_id)
    if not policy_for(request, community).may_accept_answer(thread):
        raise PermissionDenied
    reply = get_object_or_404(Reply, pk=reply_id, thread=thread, status=Post.Status.PUBLISHED)
    thread.accepted_reply = None if thread.accepted_reply_id == reply.pk else reply
    thread.save(update_fields=["accepted_reply"])
    thread.offer_for_curation()
    record_accepted(thread)
    messages.success(request, "Answer accepted." if thread.accepted_reply else "Accepted answer cleared.")
    return redirect(thread.get_absolute_url())


@require_POST
def mark_helpful(request, community, thread_id, reply_id):
    """A signed-in reader of the thread marks (or unmarks) a published reply as helpful; not their own."""
    thread = get_thread(request, community, thread_id)
    if not request.user.is_authenticated:
        return redirect_to_login(thread.get_absolute_url())
    reply = get_object_or_404(Reply, pk=reply_id, thread=thread, status=Post.Status.PUBLISHED)
    if reply.author_id == request.user.pk:
        messages.error(request, "You cannot mark your own reply as helpful.")
    else:
        HelpfulMark.set(reply, request.user, request.POST.get("helpful") != "no")
    return redirect(f"{thread.get_absolute_url()}#reply-{reply.pk}")


def edit_post(request, community, thread_id, reply_id=None):
    thread = get_thread(request, community, thread_id)
    post = get_object_or_404(Reply, pk=reply_id, thread=thread) if reply_id else thread
    if not policy_for(request, community).may_edit(post):
        raise PermissionDenied
    initial = {"title": getattr(post, "title", ""), "body": post.body}
    form = EditPostForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            PostEdit.objects.create(
                thread=post if isinstance(post, Thread) else None,
                reply=post if isinstance(post, Reply) else None,
                previous_title=initial["title"],
                previous_body=post.body,
                edited_by=request.user,
            )
            if isinstance(post, Thread) and form.cleaned_data["title"]:
                post.title = form.cleaned_data["title"]
            post.body = form.body_with_image(form.cleaned_data["body"], request.user, community)
            post.edited_at = timezone.now()
            post.save()
        messages.success(request, "Your changes are saved; the earlier text is kept in the edit history.")
        return redirect(thread.get_absolute_url())
    return TemplateResponse(
        request,
        "communities/edit_post.html",
        {
            "page": community,
            "thread": thread,
            "post": post,
            "form": form,
            "is_thread": post is thread,
            "history": post.edits.select_related("edited_by__profile"),
        },
    )


@require_POST
def moderate(request, community, thread_id):
    """Facilitators approve, hide, unhide, lock and unlock."""
    if not policy_for(request, community).may_moderate():
        raise PermissionDenied
    thread = get_object_or_404(Thread, pk=thread_id, community=community)
    form = ModerationForm(request.POST, thread=thread)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect(thread.get_absolute_url())
    post, action = form.post(thread), form.cleaned_data["action"]
    if action == "approve" and post.status == Post.Status.PENDING:
        post.status = Post.Status.PUBLISHED
        post.save(update_fields=["status"])
        announce(post)
    elif action == "hide":
        post.status = Post.Status.HIDDEN
        post.save(update_fields=["status"])
    elif action == "unhide":
        post.status = Post.Status.PUBLISHED
        post.save(update_fields=["status"])
    elif action in ("lock", "unlock") and post is thread:
        thread.locked = action == "lock"
        thread.save(update_fields=["locked"])
    else:
        messages.error(request, "That moderation action is not available here.")
        return redirect(thread.get_absolute_url())
    Flag.objects.filter(thread=post if post is thread else None, reply=post if post is not thread else None).update(
        resolved=True
    )
    messages.success(request, f"Done: {action}.")
    return redirect(local_url(form.cleaned_data["next"], request) or thread.get_absolute_url())


@require_POST
def flag(request, community, thread_id):
    if not request.user.is_authenticated:
        return redirect_to_login(community.url)
    thread = get_thread(request, community, thread_id)
    form = FlagForm(request.POST, thread=thread)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect(thread.get_absolute_url())
    reply = form.cleaned_data["reply"]
    Flag.objects.get_or_create(
        thread=None if reply else thread,
        reply=reply,
        flagged_by=request.user,
        defaults={"reason": form.cleaned_data["reason"]},
    )
    messages.success(request, "Thanks: the facilitators will take a look.")
    return redirect(thread.get_absolute_url())


@require_POST
def follow(request, community, thread_id=None):
    if not request.user.is_authenticated:
        return redirect_to_login(community.url)
    target = {"thread": get_thread(request, community, thread_id)} if thread_id else {"community": community}
    follow, created = Follow.objects.get_or_create(user=request.user, **target)
    if not created:
        follow.delete()
    messages.success(request, "You will be emailed about new posts." if created else "You no longer follow it.")
    return redirect(target["thread"].get_absolute_url() if thread_id else community.url)


def moderation_queue(request, community):
    if not policy_for(request, community).may_moderate():
        raise PermissionDenied
    return TemplateResponse(
        request,
        "communities/moderation.html",
        {
            "page": community,
            "threads": Thread.objects.filter(community=community, status=Post.Status.PENDING).select_related(
                "author__profile"
            ),
            "replies": Reply.objects.filter(thread__community=community, status=Post.Status.PENDING).select_related(
                "author__profile", "thread"
            ),
            "flags": Flag.objects.filter(resolved=False)
            .filter(Q(thread__community=community) | Q(reply__thread__community=community))
            .select_related("thread", "reply__thread", "flagged_by"),
        },
    )


# -- asking from anywhere -------------------------------------------------------------------------------------------
def ask(request, index):
    """/communities/ask/ (?topic=<slug>, ?q=<text>): choose one of your communities, preselected by the topic,
    then write the question on its discussions page with the title carried over."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    communities = index.communities_to_ask_in(request.user)
    topic = None
    if "community" in request.GET:
        form = AskForm(request.GET, communities=communities)
        if form.is_valid():
            community = form.cleaned_data["community"]
            query = urlencode({"title": form.cleaned_data["title"]}) if form.cleaned_data["title"] else ""
            return redirect(f"{community_url(community, 'discussions_route')}?{query}#new-thread-heading")
    else:
        topic = Topic.objects.filter(slug=request.GET.get("topic", "")[:100]).first()
        preselected = index.community_about(topic, communities) or (communities[0] if len(communities) == 1 else None)
        initial = {"title": request.GET.get("q", "")[:200], "community": preselected}
        form = AskForm(initial=initial, communities=communities)
    return TemplateResponse(
        request,
        "communities/ask.html",
        {"page": index, "form": form, "topic": topic, "has_communities": communities.exists()},
    )


# -- the signed-in person's own communities -------------------------------------------------------------------------
@login_required
def my_communities(request):
    """/me/communities/: where I belong, what I asked to join, and the threads I follow."""
    memberships = (
        Membership.objects.filter(user=request.user, community__live=True)
        .select_related("community")
        .order_by("status", "community__title")
    )
    follows = (
        Follow.objects.filter(user=request.user, thread__isnull=False)
        .select_related("thread__community")
        .order_by("-thread__last_activity_at")
    )
    with batch_cache():  # view restrictions read once for all the threads
        followed = [f.thread for f in follows[:50] if f.thread.search_visible_to(request.user)]
    return TemplateResponse(
        request,
        "communities/my_communities.html",
        {
            "memberships": [m for m in memberships if m.is_active],
            "pending": [m for m in memberships if not m.is_active],
            "followed_threads": followed,
        },
    )
