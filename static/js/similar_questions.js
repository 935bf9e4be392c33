// While a member types a question's title, show the threads and articles that may already answer it (only what
// they may open: the server filters and re-checks). Without this script the form simply posts.
(function () {
    "use strict";

    var PAUSE = 400;  // ms of no typing before asking: one look-up per pause, not per key
    var SHORTEST = 3;  // characters before a title is worth looking up

    function setUp(section) {
        var input = section.querySelector("input[name=title]");
        if (!input || !window.fetch) { return; }
        // The live region exists from the start, so screen readers announce what later appears in it.
        var region = document.createElement("div");
        region.id = "similar-questions";
        region.setAttribute("aria-live", "polite");
        var field = input.closest(".form-field") || input;
        field.parentNode.insertBefore(region, field.nextSibling);
        var url = section.getAttribute("data-similar-questions");
        var community = section.getAttribute("data-community") || "";
        var timer = null;
        var latest = 0;
        var shown = "";

        function show(results) {
            region.innerHTML = "";
            if (!results.length) { return; }
            var box = document.createElement("div");
            box.className = "similar-questions";
            var heading = document.createElement("p");
            heading.className = "similar-questions__heading";
            heading.textContent = "These may already answer your question (links open in a new tab):";
            box.appendChild(heading);
            var list = document.createElement("ul");
            results.forEach(function (result) {
                var item = document.createElement("li");
                var link = document.createElement("a");
                link.href = result.url;
                link.target = "_blank";
                link.rel = "noopener";
                link.textContent = result.title;  // text, never HTML
                item.appendChild(link);
                var meta = document.createElement("span");
                meta.className = "similar-questions__meta";
                var parts = [result.kind];
                if (result.community) { parts.push("in " + result.community); }
                if (result.trust) { parts.push(result.trust.text); }
                meta.textContent = " · " + parts.join(" · ");
                item.appendChild(meta);
                list.appendChild(item);
            });
            box.appendChild(list);
            region.appendChild(box);
        }

        function lookUp() {
            var text = input.value.trim();
            if (text === shown) { return; }
            shown = text;
            var ticket = ++latest;
            if (text.length < SHORTEST) { show([]); return; }
            var query = "?q=" + encodeURIComponent(text.slice(0, 200)) + "&community=" + encodeURIComponent(community);
            fetch(url + query, { headers: { Accept: "application/json" }, credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) { if (ticket === latest) { show(data.results || []); } })
                .catch(function () { if (ticket === latest) { show([]); } });
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(lookUp, PAUSE);
        });
        if (input.value.trim()) { lookUp(); }  // the form came back with an error: the title is still there
    }

    document.querySelectorAll("[data-similar-questions]").forEach(setUp);
})();
