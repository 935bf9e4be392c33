"""People: a profile for every user, with the expertise that makes them findable."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.search import index

from portal.pictures import avatars
from portal.searchable import PUBLIC, SearchDocument, search_key, touch
from portal.taxonomy.models import Audience, Topic


class ProfileTag(TaggedItemBase):
    content_object = ParentalKey("people.Profile", on_delete=models.CASCADE, related_name="tagged_items")


class ProfileQuerySet(models.QuerySet):
    def active(self):
        return self.filter(user__is_active=True)

    def with_expertise_in(self, topic):
        """People who know about the topic or anything below it."""
        return self.filter(expertise__in=topic.subtree_ids()).distinct()

    def for_directory(self):
        return self.select_related("user").prefetch_related(avatars(), "expertise", "ask_me_about")


class Profile(index.Indexed, ClusterableModel):
    """What the portal shows about a person: who they are, where they work and what to ask them about."""

    class Digest(models.TextChoices):
        IMMEDIATE = "immediate", "Each time"
        DAILY = "daily", "Daily digest"
        OFF = "off", "Never"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(max_length=100, blank=True)
    job_title = models.CharField(max_length=120, blank=True)
    department = models.CharField(max_length=120, blank=True, db_index=True)
    organisation = models.CharField(max_length=120, blank=True)
    bio = models.TextField(blank=True, max_length=2000)
    avatar = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    role = models.ForeignKey(
        "taxonomy.Audience",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Your role in the KM programme: learning paths are recommended for it.",
    )
    expertise = ParentalManyToManyField(Topic, blank=True, related_name="experts")
    ask_me_about = ClusterTaggableManager(through=ProfileTag, blank=True, verbose_name="ask me about")
    email_notifications = models.CharField(
        "email me about what I follow", max_length=10, choices=Digest.choices, default=Digest.IMMEDIATE
    )
    show_learning_activity = models.BooleanField(
        "Show my learning activity to people who follow me",
        default=True,
        help_text="Off: the learning paths you complete never appear in anyone else's network stream.",
    )
    last_digest_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the daily digest last covered this person's network."
    )

    search_fields = [
        index.SearchField("display_name", boost=3),
        index.AutocompleteField("display_name"),
        index.SearchField("job_title", boost=2),
        index.SearchField("department"),
        index.SearchField("bio"),
        index.RelatedFields("user", [index.SearchField("first_name"), index.SearchField("last_name")]),
        index.RelatedFields("expertise", [index.SearchField("name")]),
        index.RelatedFields("ask_me_about", [index.SearchField("name")]),
        index.FilterField("department"),
    ]

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]

    def __str__(self):
        return self.name

    @classmethod
    def from_db(cls, db, field_names, values):
        profile = super().from_db(db, field_names, values)
        profile.saved_show_learning_activity = profile.__dict__.get("show_learning_activity")
        return profile

    def learning_visibility_changed(self) -> bool:
        """Whether this save turns the learning activity setting on or off (new profiles count as a change);
        only then does the person's evidence need recomputing."""
        changed = getattr(self, "saved_show_learning_activity", None) != self.show_learning_activity
        self.saved_show_learning_activity = self.show_learning_activity
        return changed

    @property
    def name(self) -> str:
        return self.display_name or self.user.get_full_name() or self.user.get_username()

    @property
    def initials(self) -> str:
        return "".join(part[0] for part in self.name.split()[:2]).upper()

    def get_absolute_url(self):
        return reverse("people:profile", args=[self.user.get_username()])

    # -- the search protocol (portal.searchable): profiles go to the people index, visible to everyone --------
    def search_document(self):
        from portal.people.registry import person_search_facts

        if not self.user.is_active:
            return None
        extra = {"department": self.department, "organisation": self.organisation, "communities": []}
        for facts in person_search_facts:
            extra.update(facts(self))
        return SearchDocument(
            key=search_key(self),
            index="people",
            kind="Person",
            title=self.name,
            url=self.get_absolute_url(),
            readers=[PUBLIC],
            summary=" · ".join(part for part in (self.job_title, self.department, self.organisation) if part),
            body=self.bio,
            topic_ids=[topic.pk for topic in self.expertise.all()],
            tags=sorted(tag.name for tag in self.ask_me_about.all()),
            updated=self.user.last_login or self.user.date_joined,
            extra=extra,
        )

    def search_visible_to(self, user) -> bool:
        return self.user.is_active

    @classmethod
    def role_of(cls, user):
        """The reader's role in the KM programme (a taxonomy Audience) or None; one query, kept on the user for
        the rest of the request (the home page, the catalogue and My learning all ask)."""
        if not user.is_authenticated:
            return None
        if not hasattr(user, "_portal_role"):
            user._portal_role = Audience.objects.filter(pk__in=cls.objects.filter(user=user).values("role_id")).first()
        return user._portal_role

    @classmethod
    def for_user(cls, user):
        profile, _ = cls.objects.get_or_create(user=user, defaults={"display_name": user.get_full_name()})
        return profile


def give_every_user_a_profile(sender, instance, created, raw=False, **kwargs):
    """post_save on the user model: a new user gets an empty profile at once."""
    if created and not raw:
        Profile.for_user(instance)


def reindex_the_profile_of(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """post_save on the user model: deactivating someone (or renaming them) changes their people-index entry, and
    so every kept strip of people that may show them. A login alone (last_login) changes nothing people see."""
    if created or raw or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    touch(search_key(profile) for profile in Profile.objects.filter(user=instance))
