from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    """Communities of practice, membership, discussions and notifications."""

    name = "communities"

    def ready(self):
        from wagtail.signals import page_published

        from communities import people_pages
        from communities.notifications import announce_first_publication

        page_published.connect(announce_first_publication, dispatch_uid="communities-blog-announce")
        from portal.people.registry import (
            DirectoryFilter,
            ProfileSection,
            directory_filters,
            person_search_facts,
            profile_sections,
        )

        directory_filters.append(
            DirectoryFilter("community", "Community", people_pages.community_options, people_pages.in_community)
        )
        profile_sections.append(ProfileSection("communities/profile_section.html", people_pages.profile_context))
        person_search_facts.append(people_pages.person_search_facts)
        register_for_search()
        register_home_sections()
        from communities.notifications import record_notice
        from portal.notices import register_sender

        register_sender(record_notice)
        connect_page_cache()
        from communities.curation_sources import facilitated_communities
        from portal.curation.sources import scope_providers

        if facilitated_communities not in scope_providers:
            scope_providers.append(facilitated_communities)
        register_expertise()
        from communities import help_sources

        help_sources.register()
        from communities.activity import followed_communities
        from portal.network.stream import followed_community_providers

        if followed_communities not in followed_community_providers:
            followed_community_providers.append(followed_communities)
        from communities.programme import open_communities
        from portal.programme import register_community_provider

        register_community_provider(open_communities)
        register_command_center()


def register_command_center():
    """The Community health panel; who facilitates which community (their scope in the command center); and the
    communities its filter offers."""
    from communities import command_center
    from communities.curation_sources import facilitated_communities
    from portal.command_center.figures import register_community_choices, register_facilitation_provider, register_panel

    register_panel(command_center.PANEL)
    register_facilitation_provider(facilitated_communities)
    register_community_choices(command_center.community_choices)


def register_expertise():
    """Accepted answers, helpful replies, blog posts and facilitation are evidence of expertise; a change to any
    of them refreshes its people's evidence after the commit."""
    from django.db.models.signals import post_delete, post_save

    from communities import expertise_sources as sources
    from communities.discussions import HelpfulMark
    from communities.models import Membership, Reply, Thread
    from portal.expertise.sources import register

    register(sources.facts, sources.people_of_page)
    for model in (Thread, Reply):
        post_save.connect(sources.on_post_changed, sender=model, dispatch_uid=f"expertise-{model.__name__}-saved")
        post_delete.connect(sources.on_post_changed, sender=model, dispatch_uid=f"expertise-{model.__name__}-gone")
    post_save.connect(sources.on_helpful_mark, sender=HelpfulMark, dispatch_uid="expertise-helpful-saved")
    post_delete.connect(sources.on_helpful_mark, sender=HelpfulMark, dispatch_uid="expertise-helpful-gone")
    post_save.connect(sources.on_membership, sender=Membership, dispatch_uid="expertise-membership-saved")
    post_delete.connect(sources.on_membership, sender=Membership, dispatch_uid="expertise-membership-gone")


def register_home_sections():
    from communities import home_sections
    from home.sections import HomeSection, continue_providers, for_everyone, register_section

    register_section(
        HomeSection(
            "communities",
            "Communities of practice",
            "communities/home_featured.html",
            home_sections.featured_communities,
            more_url="/communities/",
            more_label="All communities",
            order=10,
            shared_by=for_everyone,
        )
    )
    register_section(
        HomeSection(
            "answers",
            "Recently answered questions and tips",
            "communities/home_answers.html",
            home_sections.answers_and_tips,
            order=40,
            shared_by=home_sections.shared_by_readers,
        )
    )
    if home_sections.followed_threads_with_news not in continue_providers:
        continue_providers.append(home_sections.followed_threads_with_news)


def register_for_search():
    """Discussions are searchable; a reply re-indexes its thread, a membership its member's profile."""
    from django.db.models import Prefetch

    from communities.models import Membership, Reply, Thread
    from portal.searchable import register

    register(
        Thread,
        queryset=lambda: Thread.objects.published().select_related("community", "author"),
        under_pages=lambda page_ids: Thread.objects.filter(community_id__in=page_ids),
        select_related=("community", "author"),
        # Into a list (Thread.search_document reads it): prefetched into `replies.all()`, each thread of a batch
        # would build a queryset of its own, a tenth of a millisecond each.
        prefetch_related=(Prefetch("replies", to_attr="loaded_replies"),),
    )
    register(Reply, indexed=False, keys_of=lambda reply: [f"communities.thread:{reply.thread_id}"])
    register(Membership, indexed=False, keys_of=profile_keys_of_member)


def profile_keys_of_member(membership):
    from portal.people.models import Profile

    profiles = Profile.objects.filter(user_id=membership.user_id).values_list("pk", flat=True)
    return [f"people.profile:{pk}" for pk in profiles]


def connect_page_cache():
    """A community's pages show its posts, helpful marks and members: a change to them invalidates the community
    (its discussions, threads and page) and its ancestors in the anonymous page cache."""
    from django.db.models.signals import post_delete, post_save

    from communities.discussions import HelpfulMark, Reply, Thread
    from communities.membership import Membership
    from portal.pagecache.cache import bump
    from portal.pagecache.cache import enabled as page_cache_enabled
    from portal.pagecache.signals import bump_pages

    community_of = {
        Thread: lambda thread: thread.community_id,
        Reply: lambda reply: Thread.objects.filter(pk=reply.thread_id).values_list("community_id", flat=True).first(),
        HelpfulMark: lambda mark: (
            Reply.objects.filter(pk=mark.reply_id).values_list("thread__community_id", flat=True).first()
        ),
        Membership: lambda membership: membership.community_id,
    }
    for model, community in community_of.items():

        def changed(sender, instance, community=community, **kwargs):
            if not page_cache_enabled():  # finding a reply's community costs a query: only when a cache needs it
                return
            bump_pages([community(instance)])
            thread_id = instance.pk if isinstance(instance, Thread) else getattr(instance, "thread_id", None)
            if thread_id is not None:  # pages that list the thread (a "Related" aside) by its search key
                bump({f"communities.thread:{thread_id}"})

        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"pagecache-{model._meta.label_lower}-saved")
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"pagecache-{model._meta.label_lower}-gone")
