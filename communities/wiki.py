"""Community wikis: pages members edit from the front end, each edit a Wagtail revision that goes through the
community's review (unless the community trusts its members), with a public history and readable diffs."""

import re

from django.db import models
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.log_actions import log
from wagtail.models import PageLogEntry
from wagtail.search import index

from communities import wiki_views
from communities.member_images import image_collection_ids
from communities.policy import community_of, policy_for
from communities.text import render_markdown
from portal.pages import BasePage

HEADING = re.compile(r"<(h[34])>(.*?)</\1>", re.S)


class WikiPage(RoutablePageMixin, BasePage):
    """A page of a community's wiki, written in Markdown so every revision diffs cleanly."""

    parent_page_types = ["communities.CommunityPage", "communities.WikiPage"]
    search_kind = "Wiki page"
    search_markdown = True
    subpage_types = ["communities.WikiPage"]

    body = models.TextField(
        blank=True,
        max_length=50_000,
        help_text="Markdown: ## for headings, - for lists, [text](/communities/…/) for links to other pages, "
        "![description](image:ID) for an image from the library.",
    )
    change_note = models.CharField(max_length=250, blank=True, help_text="What changed, in a few words.")

    content_panels = BasePage.content_panels + ["body", "change_note"]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    class Meta:
        verbose_name = "wiki page"

    def is_community_contribution(self) -> bool:
        return True

    # -- reading -------------------------------------------------------------------------------------------------
    def rendered(self):
        """The body as safe HTML with anchored headings, and its table of contents."""
        images_from = lambda: image_collection_ids(self.community())  # noqa: E731 - only queried if images are used
        html = str(render_markdown(shift_headings(self.body), image_collections=images_from))
        toc, seen = [], set()

        def anchor(match):
            level, text = match.group(1), match.group(2)
            slug = slugify(strip_tags(text)) or "section"
            while slug in seen:
                slug += "-1"
            seen.add(slug)
            toc.append({"level": level, "text": strip_tags(text), "id": slug})
            return f'<{level} id="{slug}">{text}</{level}>'

        return mark_safe(HEADING.sub(anchor, html)), toc

    def community(self):
        return community_of(self)

    # -- the curation protocol (portal.curation.sources) ---------------------------------------------------------
    def curation_source(self):
        from communities.curation_sources import wiki_page_source

        return wiki_page_source(self)

    def curation_community(self):
        return self.community()

    def facilitator_approved_on(self):
        """The day a facilitator published the live version (approving a member's edit in the review, or their own
        edit), or None; the trust badge says so."""
        if not self.live_revision_id:
            return None
        entry = (
            PageLogEntry.objects.filter(page=self, action="wagtail.publish", revision_id=self.live_revision_id)
            .select_related("user")
            .order_by("-timestamp")
            .first()
        )
        community = self.community()
        if entry and entry.user and community and community.is_facilitator(entry.user):
            return entry.timestamp.date()
        return None

    def search_community(self) -> str:
        community = self.community()
        return community.title if community else ""

    def add_taxonomy_to(self, document):
        """A wiki page is a community contribution, classified like its community."""
        community = self.community()
        if community:
            community.add_taxonomy_to(document)
        document.tags, document.owner, document.review_by = [], "", None
        document.community_contribution = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        community = self.community()
        context["body_html"], context["toc"] = self.rendered()
        context["community"] = community
        context["can_edit"] = policy_for(request, community).may_post()
        context["subpages"] = self.get_children().live().specific().order_by("title")
        context["wiki_ancestors"] = WikiPage.objects.ancestor_of(self).live()
        return context

    def published_revisions(self):
        """Revisions that were live at some point, newest first, with who published them and when."""
        entries = (
            PageLogEntry.objects.filter(page=self, action="wagtail.publish", revision__isnull=False)
            .select_related("revision__user")
            .order_by("-timestamp")
        )
        seen, revisions = set(), []
        for entry in entries:
            if entry.revision_id not in seen:
                seen.add(entry.revision_id)
                revision = entry.revision
                revision.published_at = entry.timestamp
                revisions.append(revision)
        return revisions

    # -- routes ------------------------------------------------------------------------------------------------
    @path("history/", name="history")
    def history(self, request):
        return wiki_views.history(request, self)

    @path("diff/<id:old>/<id:new>/", name="diff")
    def diff(self, request, old, new):
        return wiki_views.diff(request, self, old, new)

    @path("edit/", name="edit")
    def edit(self, request):
        return wiki_views.edit(request, self)

    @path("restore/<id:revision_id>/", name="restore")
    def restore(self, request, revision_id):
        return wiki_views.restore(request, self, revision_id)

    # -- writing ------------------------------------------------------------------------------------------------
    def save_edit(self, user, title, body, change_note, publish):
        """A member's edit as a new revision: published at once when allowed, else sent to the community's
        review workflow. Returns the revision."""
        page = self.get_latest_revision_as_object()
        page.title, page.body, page.change_note = title, body, change_note
        revision = page.save_revision(user=user)
        if publish:
            # The community decided (it trusts its members, or this is a facilitator): no page permission needed.
            revision.publish(user=user, skip_permission_checks=True)
        else:
            workflow = page.get_workflow()
            if workflow is not None and page.current_workflow_state is None:
                workflow.start(page, user)
        return revision

    def restore_revision(self, revision, user):
        old = revision.as_object()
        note = f"Restored the version of {revision.created_at:%-d %b %Y, %H:%M}"
        restored = self.save_edit(user, old.title, old.body, note, publish=True)
        log(instance=self, action="wagtail.revert", user=user, revision=restored)
        return restored


def shift_headings(markdown_text: str) -> str:
    """Page title is h1 and the wiki's sections h2: Markdown's # and ## become h3 and h4 in the sanitised set."""
    return re.sub(r"^(#{1,4})(?=\s)", lambda m: "#" * min(len(m.group(1)) + 2, 4), markdown_text or "", flags=re.M)
