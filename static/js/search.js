// Facet checkboxes apply at once; the header search box suggests titles and people as you type.
(function () {
    "use strict";

    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
        form.addEventListener("change", function () { form.submit(); });
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
