"""The people directory, public profiles and editing your own profile."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from portal.people.forms import ProfileForm
from portal.people.models import Profile
from portal.people.registry import directory_filters, profile_sections
from portal.taxonomy.models import Topic

PAGE_SIZE = 24


def directory(request):
    profiles = Profile.objects.active().for_directory()
    notes, active = [], {}
    topic_slug = request.GET.get("topic", "").strip()[:100]
    if topic_slug:
        topic = Topic.objects.filter(slug=topic_slug).first()
        if topic:
            profiles = profiles.with_expertise_in(topic)
            active["topic"] = topic.slug
        else:
            notes.append(f"No such topic “{topic_slug[:60]}”: the filter was ignored.")
    department = request.GET.get("department", "").strip()[:120]
    if department:
        profiles = profiles.filter(department=department)
        active["department"] = department
    extra_filters = []
    for extra in directory_filters:
        value = request.GET.get(extra.name, "").strip()[:100]
        options = list(extra.options())
        if value:
            if value in {key for key, _ in options}:
                profiles = extra.apply(profiles, value)
                active[extra.name] = value
            else:
                notes.append(f"No such {extra.label.lower()} “{value[:60]}”: the filter was ignored.")
        extra_filters.append({"name": extra.name, "label": extra.label, "options": options})
    departments = (
        Profile.objects.active()
        .exclude(department="")
        .order_by("department")
        .values_list("department", flat=True)
        .distinct()
    )
    return render(
        request,
        "people/directory.html",
        {
            "people": Paginator(profiles.order_by("display_name", "pk"), PAGE_SIZE).get_page(request.GET.get("page")),
            "topics": Topic.objects.all(),
            "departments": departments,
            "extra_filters": extra_filters,
            "active": active,
            "notes": notes,
        },
    )


def profile(request, username):
    user = get_object_or_404(get_user_model(), username=username[:150], is_active=True)
    person = Profile.for_user(user)
    sections = []
    for section in sorted(profile_sections, key=lambda s: s.order):
        context = section.context(person, request.user)
        if context is not None:
            sections.append({"template": section.template, "context": context, "lead": section.order < 100})
    return render(request, "people/profile.html", {"person": person, "sections": sections})


@login_required
def edit_my_profile(request):
    person = Profile.for_user(request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Your profile is saved.")
            return redirect(person.get_absolute_url())
        messages.error(request, "Please correct the fields marked below; nothing was lost.")
    return render(request, "people/edit_profile.html", {"form": form, "person": person})
