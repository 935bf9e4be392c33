"""Reviews approved as a subject expert are evidence of expertise on the reviewed page's topics, while the page is
live (Wagtail's workflow task states are the record)."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import GroupApprovalTask, Page, TaskState

from portal.expertise.models import Kind
from portal.expertise.sources import Fact, for_users
from portal.governance.workflows import SUBJECT_EXPERTS
from portal.searchable import page_readers


def facts(user_ids):
    expert_tasks = GroupApprovalTask.objects.filter(groups__name=SUBJECT_EXPERTS).values("pk")
    page_type = ContentType.objects.get_for_model(Page)
    approved = (
        TaskState.objects.filter(for_users("finished_by_id", user_ids), task__in=expert_tasks)
        .filter(status=TaskState.STATUS_APPROVED, workflow_state__base_content_type=page_type)
        .values_list("finished_by_id", "workflow_state__object_id", "finished_at", "started_at")
    )
    reviews = {}
    for user_id, page_id, finished_at, started_at in approved:
        finished_at = finished_at or started_at
        if str(page_id).isdigit():
            key = (user_id, int(page_id))
            reviews[key] = max(reviews.get(key, finished_at), finished_at)
    pages = {page.pk: page for page in Page.objects.live().filter(pk__in={pk for _, pk in reviews}).specific()}
    for (user_id, page_id), finished_at in reviews.items():
        page = pages.get(page_id)
        topics = getattr(page, "topics", None) if page is not None else None
        readers = page_readers(page) if page is not None else None
        if topics is None or not readers:
            continue
        topic_ids = tuple(topic.pk for topic in topics.all())
        yield Fact.about_page(user_id, Kind.REVIEW, page, topic_ids, readers, finished_at)


def on_task_state(sender, instance, raw=False, **kwargs):
    from portal.expertise.refresh import refresh_later

    if not raw and instance.finished_by_id:
        refresh_later([instance.finished_by_id])
