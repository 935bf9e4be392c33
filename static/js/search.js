// Facet checkboxes apply at once; the header search box suggests titles and people as you type.
(function () {
    "use strict";

    // A facet change reloads the page, which must not lose the reader's place (WCAG 3.2.2): the checkbox they
    // changed is remembered for this tab, and after the reload it has the focus again while a polite live region
    // says how many results there are now. Without this script the form's Apply button does the submitting.
    var CHANGED_FACET = "portal-search:changed-facet";

    function remember(input) {
        try {
            var facet = { path: location.pathname, name: input.name, value: input.value };
            sessionStorage.setItem(CHANGED_FACET, JSON.stringify(facet));
        } catch (error) { /* storage refused (private mode): the filters still apply */ }
    }

    function recall() {
        try {
            var saved = sessionStorage.getItem(CHANGED_FACET);
            sessionStorage.removeItem(CHANGED_FACET);
            return saved ? JSON.parse(saved) : null;
        } catch (error) {
            return null;
        }
    }

    function returnTo(form, changed) {
        var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
        var same = boxes.filter(function (box) { return box.name === changed.name; });
        // The value itself, or (when no count is left for it) the first of the same facet.
        var target = same.filter(function (box) { return box.value === changed.value; })[0] || same[0];
        if (!target) { return; }
        for (var node = target.parentNode; node && node !== form; node = node.parentNode) {
            if (node.tagName === "DETAILS") { node.open = true; }  // a narrower topic folded away
        }
        target.focus();
    }

    var changed = recall();  // read once, and forgotten: it is for this page load only
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
        var apply = form.querySelector("[data-facet-apply]");
        if (apply) { apply.hidden = true; }
        form.addEventListener("change", function (event) {
            if (event.target.type === "checkbox") { remember(event.target); }
            form.submit();
        });
        if (!changed || changed.path !== location.pathname) { return; }
        returnTo(form, changed);
        var status = form.querySelector("[data-facet-status]");
        if (status) {
            // Filled a moment after load, so screen readers hear the change of an existing live region.
            setTimeout(function () { status.textContent = status.getAttribute("data-facet-status"); }, 150);
        }
    });

    var input = document.getElementById("header-search-q");
    if (!input || !window.fetch) { return; }
    var list = document.createElement("ul");
    list.id = "header-search-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    var timer = null;
    var latest = 0;

    function close() {
        list.hidden = true;
        list.innerHTML = "";
        input.setAttribute("aria-expanded", "false");
    }

    function show(results) {
        list.innerHTML = "";
        results.forEach(function (result, index) {
            var item = document.createElement("li");
            item.setAttribute("role", "option");
            item.id = "suggestion-" + index;
            var link = document.createElement("a");
            link.href = result.url;
            link.textContent = result.title;  // text, never HTML
            var kind = document.createElement("span");
            kind.className = "suggestions__kind";
            kind.textContent = result.kind;
            link.appendChild(kind);
            item.appendChild(link);
            list.appendChild(item);
        });
        list.hidden = results.length === 0;
        input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    input.addEventListener("input", function () {
        clearTimeout(timer);
        var text = input.value.trim();
        if (text.length < 2) { close(); return; }
        timer = setTimeout(function () {
            var ticket = ++latest;
            fetch("/search/autocomplete/?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) { if (ticket === latest) { show(data.results || []); } })
                .catch(close);
        }, 150);
    });

    input.addEventListener("keydown", function (event) {
        var options = Array.prototype.slice.call(list.querySelectorAll("a"));
        if (event.key === "ArrowDown" && options.length) {
            event.preventDefault();
            options[0].focus();
        } else if (event.key === "Escape") {
            close();
        }
    });

    list.addEventListener("keydown", function (event) {
        var options = Array.prototype.slice.call(list.querySelectorAll("a"));
        var index = options.indexOf(document.activeElement);
        if (event.key === "ArrowDown" && index < options.length - 1) { event.preventDefault(); options[index + 1].focus(); }
        if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? options[index - 1] : input).focus(); }
        if (event.key === "Escape") { close(); input.focus(); }
    });

    document.addEventListener("click", function (event) {
        if (!list.contains(event.target) && event.target !== input) { close(); }
    });
})();
