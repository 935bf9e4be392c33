// The "invite people who know" fieldset is for questions: hide it while the post is a tip or an announcement
// (and untick it, so a hidden choice is never sent). Without this script it always shows; the server says when
// a non-question invites anyone.
(function () {
    "use strict";

    function setUp(fieldset) {
        var form = fieldset.closest("form");
        var kind = form && form.querySelector("select[name=kind]");
        if (!kind) { return; }
        function update() {
            var question = kind.value === "question";
            fieldset.hidden = !question;
            if (!question) {
                fieldset.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = false; });
            }
        }
        kind.addEventListener("change", update);
        update();
    }

    document.querySelectorAll("[data-invite-experts]").forEach(setUp);
}());
