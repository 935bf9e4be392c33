"""Member actions inside a community, served as routes of its page (so Wagtail's view restrictions apply to
them): join and leave, membership requests, and the discussions."""

from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from communities.forms import (
    EditPostForm,
    FlagForm,
    MembershipDecisionForm,
    ModerationForm,
    ReplyForm,
    ThreadForm,
    first_error,
)
from communities.member_images import MemberImageFormMixin
from communities.models import (
    CommunityPage,
    Flag,
    Follow,
    Post,
    PostEdit,
    Reply,
    Thread,
    post_needs_approval,
)
from communities.notifications import announce
from portal.sanitise import local_url, plain_text, validate_plain_text

THREADS_PER_PAGE = 20


def community_url(community, name, *args):
    return community.url + community.reverse_subpage(name, args=args)


def post_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    return wrapped


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
@post_only
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
    community = get_object_or_404(CommunityPage.objects.child_of(index).live(), slug=slug)
    if request.method == "POST":
        return join(request, community, next_url=request.path)
    return TemplateResponse(
        request,
        "communities/join.html",
        {
            "page": community,
            "index": index,
            "membership": community.membership_of(request.user),
        },
    )


@post_only
def leave(request, community):
    if request.user.is_authenticated:
        community.leave(request.user)
        Follow.objects.filter(user=request.user, community=community).delete()
        messages.success(request, f"You have left {community.title}.")
    return redirect(community.url)


def members(request, community):
    if not community.is_facilitator(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = MembershipDecisionForm(request.POST, community=community)
        if not form.is_valid():
            messages.error(request, first_error(form))
        elif form.cleaned_data["action"] == "approve":
            membership = form.cleaned_data["membership"]
            membership.approve(by=request.user)
            messages.success(request, f"{membership.user.profile.name} is now a member.")
        else:
            form.cleaned_data["membership"].delete()
            messages.success(request, "Request declined.")
        return redirect(community_url(community, "members_route"))
    return TemplateResponse(
        request,
        "communities/members.html",
        {
            "page": community,
            "pending": community.pending_requests(),
            "memberships": community.memberships.active().select_related("user__profile").order_by("role"),
        },
    )


# -- discussions --------------------------------------------------------------------------------------------------
def discussions(request, community):
    can_post = community.is_member(request.user) or community.is_facilitator(request.user)
    form = None
    if can_post:
        form = ThreadForm(
            request.POST or None, request.FILES or None, can_announce=community.is_facilitator(request.user)
        )
    if request.method == "POST":
        if not can_post:
            raise PermissionDenied
        if form.is_valid():
            return create_thread(request, community, form)
        messages.error(request, "Your post was not saved yet: please correct the fields marked below.")
    threads = (
        Thread.objects.filter(community=community).visible_to(request.user, community).select_related("author__profile")
    )
    kind = request.GET.get("kind")
    if kind in Thread.Kind.values:
        threads = threads.filter(kind=kind)
    return TemplateResponse(
        request,
        "communities/discussions.html",
        {
            "page": community,
            "form": form,
            "can_post": can_post,
            "kind": kind,
            "threads": Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page")),
        },
    )


def create_thread(request, community, form):
    key = form.cleaned_data["submission_key"]
    existing = Thread.objects.filter(author=request.user, submission_key=key).first()
    if existing:  # the same form submitted twice
        return redirect(existing.get_absolute_url())
    if not posting_allowed(request):
        return too_many(request, community)
    held = post_needs_approval(community, request.user)
    thread = form.save(commit=False)
    thread.community, thread.author, thread.submission_key = community, request.user, key
    thread.body = form.body_with_image(thread.body, request.user, community)
    thread.status = Post.Status.PENDING if held else Post.Status.PUBLISHED
    try:
        with transaction.atomic():
            thread.save()
    except IntegrityError:  # lost a race with its own double submit
        return redirect(Thread.objects.get(author=request.user, submission_key=key).get_absolute_url())
    Follow.objects.get_or_create(user=request.user, thread=thread)
    if held:
        messages.success(request, "Thanks! A facilitator will approve your post shortly; only you can see it now.")
    else:
        announce(thread)
        messages.success(request, "Your post is published.")
    return redirect(thread.get_absolute_url())


def get_thread(request, community, thread_id):
    thread = get_object_or_404(
        Thread.objects.select_related("author__profile", "accepted_reply"), pk=thread_id, community=community
    )
    if not Thread.objects.filter(pk=thread.pk).visible_to(request.user, community).exists():
        raise Http404("No such thread")
    return thread


def thread_detail(request, community, thread_id):
    thread = get_thread(request, community, thread_id)
    is_member = community.is_member(request.user) or community.is_facilitator(request.user)
    can_reply = is_member and not thread.locked and thread.is_published
    form = ReplyForm(request.POST or None, request.FILES or None) if can_reply else None
    if request.method == "POST":
        if not can_reply:
            raise PermissionDenied
        if form.is_valid():
            return create_reply(request, community, thread, form)
        messages.error(request, "Your reply was not saved yet: please correct it below.")
    replies = (
        thread.replies.visible_to(request.user, community).select_related("author__profile").prefetch_related("edits")
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
            "is_facilitator": community.is_facilitator(request.user),
            "can_accept": thread.kind == Thread.Kind.QUESTION
            and (request.user == thread.author or community.is_facilitator(request.user)),
            "following": request.user.is_authenticated and thread.followers.filter(user=request.user).exists(),
        },
    )


def create_reply(request, community, thread, form):
    key = form.cleaned_data["submission_key"]
    existing = Reply.objects.filter(author=request.user, submission_key=key).first()
    if existing:
        return redirect(thread.get_absolute_url())
    if not posting_allowed(request):
        return too_many(request, community)
    held = post_needs_approval(community, request.user)
    reply = form.save(commit=False)
    reply.thread, reply.author, reply.submission_key = thread, request.user, key
    reply.body = form.body_with_image(reply.body, request.user, community)
    reply.status = Post.Status.PENDING if held else Post.Status.PUBLISHED
    try:
        with transaction.atomic():
            reply.save()
    except IntegrityError:
        return redirect(thread.get_absolute_url())
    Follow.objects.get_or_create(user=request.user, thread=thread)
    if held:
        messages.success(request, "Thanks! A facilitator will approve your reply shortly.")
    else:
        Thread.objects.filter(pk=thread.pk).update(last_activity_at=timezone.now())
        announce(reply)
        messages.success(request, "Your reply is published.")
    return redirect(thread.get_absolute_url())


@post_only
def accept_answer(request, community, thread_id, reply_id):
    thread = get_thread(request, community, thread_id)
    if not (request.user == thread.author or community.is_facilitator(request.user)):
        raise PermissionDenied
    reply = get_object_or_404(Reply, pk=reply_id, thread=thread, status=Post.Status.PUBLISHED)
    thread.accepted_reply = None if thread.accepted_reply_id == reply.pk else reply
    thread.save(update_fields=["accepted_reply"])
    messages.success(request, "Answer accepted." if thread.accepted_reply else "Accepted answer cleared.")
    return redirect(thread.get_absolute_url())


def edit_post(request, community, thread_id, reply_id=None):
    thread = get_thread(request, community, thread_id)
    post = get_object_or_404(Reply, pk=reply_id, thread=thread) if reply_id else thread
    if not (request.user == post.author or community.is_facilitator(request.user)):
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


@post_only
def moderate(request, community, thread_id):
    """Facilitators approve, hide, unhide, lock and unlock."""
    if not community.is_facilitator(request.user):
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


@post_only
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


@post_only
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
    if not community.is_facilitator(request.user):
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


class BlogPostForm(MemberImageFormMixin, forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_plain_text],
        help_text="Plain text: one or two sentences for listings and feeds.",
    )
    body = forms.CharField(
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Markdown: ### heading, - list item, **bold**, [link](https://…). No HTML.",
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.community = community

    def clean(self):
        from communities.blog import markdown_to_rich_text

        cleaned = super().clean()
        body = cleaned.get("body")
        if body and not cleaned.get("image"):
            rich_text = markdown_to_rich_text(body, self.community)
            if "<embed" not in rich_text and not plain_text(rich_text).strip():
                self.add_error("body", "Nothing of this text would be shown: write it in Markdown, not HTML.")
        return cleaned


def write_blog_post(request, blog):
    """Members write blog posts from the front end; facilitators approve them in the admin's moderation flow."""
    from communities.blog import BlogPostPage

    community = blog.get_parent().specific
    if not request.user.is_authenticated:
        return redirect_to_login(request.path)
    if not (community.is_member(request.user) or community.is_facilitator(request.user)):
        raise PermissionDenied
    form = BlogPostForm(request.POST or None, request.FILES or None, community=community)
    if request.method == "POST":
        if form.is_valid():
            if not posting_allowed(request):
                return too_many(request, community)
            publish = community.trust_members or community.is_facilitator(request.user)
            post = BlogPostPage.draft_from_member(
                blog,
                request.user,
                form.cleaned_data["title"],
                form.cleaned_data["summary"],
                form.body_with_image(form.cleaned_data["body"], request.user, community),
                publish,
            )
            if publish:
                messages.success(request, "Your post is published.")
                return redirect(post.url)
            messages.success(request, "Thanks! Your post is with the facilitators for review.")
            return redirect(blog.url)
        messages.error(request, "Your post was not saved yet: please correct the fields marked below.")
    return TemplateResponse(request, "communities/blog_write.html", {"page": blog, "form": form})
