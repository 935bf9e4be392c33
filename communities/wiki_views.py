"""Wiki routes: history and diffs for every reader, the front-end editor for members, restore for facilitators."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from communities.diffs import word_diff
from communities.member_images import MemberImageFormMixin
from communities.policy import policy_for
from portal.ids import is_id


class WikiEditForm(MemberImageFormMixin, forms.Form):
    title = forms.CharField(max_length=255)
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 18}),
        max_length=50_000,
        required=False,
        help_text="Markdown: ## heading, - list item, **bold**, [link text](/communities/…/), "
        "![description](image:ID) for an image: upload one below or use one from the library.",
    )
    change_note = forms.CharField(max_length=250, help_text="What did you change? Readers see this in the history.")


def history(request, page):
    old, new = request.GET.get("old", ""), request.GET.get("new", "")
    if is_id(old) and is_id(new):  # the "compare the selected versions" form
        return redirect(page.url + page.reverse_subpage("diff", args=[int(old), int(new)]))
    revisions = page.published_revisions()
    return TemplateResponse(
        request,
        "communities/wiki_history.html",
        {
            "page": page,
            "rows": list(zip(revisions, [*revisions[1:], None], strict=True)),
            "can_restore": policy_for(request, page.community()).may_moderate(),
        },
    )


def diff(request, page, old, new):
    published = {revision.pk: revision for revision in page.published_revisions()}
    if old not in published or new not in published:
        raise Http404("Only published versions can be compared.")
    before, after = published[old].as_object(), published[new].as_object()
    return TemplateResponse(
        request,
        "communities/wiki_diff.html",
        {
            "page": page,
            "old": published[old],
            "new": published[new],
            "title_diff": word_diff(before.title, after.title),
            "body_diff": word_diff(before.body, after.body),
        },
    )


def edit(request, page):
    community = page.community()
    if not request.user.is_authenticated:
        return redirect(f"/accounts/login/?next={request.path}")
    policy = policy_for(request, community)
    if not policy.may_post():
        raise PermissionDenied
    latest = page.get_latest_revision_as_object()
    initial = {"title": latest.title, "body": latest.body}
    form = WikiEditForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            publish = policy.publishes_directly()
            page.save_edit(
                request.user,
                form.cleaned_data["title"],
                form.body_with_image(form.cleaned_data["body"], request.user, community),
                form.cleaned_data["change_note"],
                publish=publish,
            )
            if publish:
                messages.success(request, "Your edit is published.")
            else:
                messages.success(
                    request,
                    "Thanks! Your edit is with the facilitators for review; the page shows "
                    "the previous version until they approve it.",
                )
            return redirect(page.url)
        messages.error(request, "Your edit was not saved yet: please correct the fields marked below.")
    return TemplateResponse(
        request,
        "communities/wiki_edit.html",
        {"page": page, "form": form, "library_images": library_images_for(community)},
    )


def library_images_for(community, limit=24):
    """Images a wiki editor can insert: the community's own collection and the public root collection."""
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    collections = [Collection.get_first_root_node()]
    if community.collection_id:
        collections.append(community.collection)
    return get_image_model().objects.filter(collection__in=collections).order_by("-created_at")[:limit]


def restore(request, page, revision_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not policy_for(request, page.community()).may_moderate():
        raise PermissionDenied
    revision = next((r for r in page.published_revisions() if r.pk == revision_id), None)
    if revision is None:
        raise Http404("Only published versions can be restored.")
    page.restore_revision(revision, request.user)
    messages.success(request, "That version is restored and published.")
    return redirect(page.url)
