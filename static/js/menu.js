// The header menu at narrow widths: a disclosure button (aria-expanded) that shows and hides the navigation;
// Escape closes it and gives focus back to the button. Without this script the menu simply stays open.
(function () {
    "use strict";
    var toggle = document.querySelector(".menu-toggle");
    var menu = document.getElementById("site-menu");
    if (!toggle || !menu) {
        return;
    }
    document.documentElement.classList.add("has-menu-toggle");
    toggle.hidden = false;

    function setOpen(open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("is-open", open);
    }

    toggle.addEventListener("click", function () {
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            toggle.focus();
        }
    });
})();
