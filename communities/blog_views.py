"""Members write blog posts from the front end (a route of the community's blog page); facilitators approve
them through the community's review workflow."""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from communities.member_images import MemberImageFormMixin
from communities.policy import policy_for
from communities.views import posting_allowed, too_many
from portal.sanitise import plain_text, validate_plain_text


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

    def __init__(self, *args, blog, **kwargs):
        super().__init__(*args, **kwargs)
        self.blog = blog

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body and not cleaned.get("image"):
            rich_text = self.blog.rich_text_from_markdown(body)
            if "<embed" not in rich_text and not plain_text(rich_text).strip():
                self.add_error("body", "Nothing of this text would be shown: write it in Markdown, not HTML.")
        return cleaned


def write_blog_post(request, blog):
    """Members write blog posts from the front end; facilitators approve them in the admin's moderation flow."""
    community = blog.community()
    if not request.user.is_authenticated:
        return redirect_to_login(request.path)
    policy = policy_for(request, community)
    if not policy.may_post():
        raise PermissionDenied
    form = BlogPostForm(request.POST or None, request.FILES or None, blog=blog)
    if request.method == "POST":
        if form.is_valid():
            if not posting_allowed(request):
                return too_many(request, community)
            publish = policy.publishes_directly()
            post = blog.add_member_post(
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
