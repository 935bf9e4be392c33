// The command center: draws each figure's chart from the same numbers as its table, then refreshes every figure,
// headline and table from the JSON endpoint every 30 seconds, without a reload, and says when it last did.
(function () {
    "use strict";
    var root = document.querySelector("[data-command-center]");
    var initial = document.getElementById("command-center-data");
    if (!root || !initial) { return; }
    // Distinct, colour-blind-friendly hues (Okabe-Ito and Tol), as on the value network.
    var palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#882255", "#44AA99", "#999933", "#AA4499", "#117733"];
    var charts = {};
    var status = root.querySelector("[data-updated]");

    function datasets(figure) {
        return figure.series.map(function (series, index) {
            var colour = figure.chart === "doughnut" ? palette : palette[index % palette.length];
            return {
                label: series.name,
                data: series.values,
                backgroundColor: colour,
                borderColor: figure.chart === "line" ? colour : undefined,
                borderWidth: figure.chart === "line" ? 2 : 0,
                tension: 0.2,
                fill: false
            };
        });
    }

    function options(figure) {
        var stacked = figure.chart === "stacked";
        var horizontal = figure.chart === "horizontal";
        var scales = figure.chart === "doughnut" ? {} : {
            x: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } },
            y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } }
        };
        if (figure.unit === "%" && !horizontal && scales.y) { scales.y.max = 100; }
        if (figure.unit === "%" && horizontal && scales.x) { scales.x.max = 100; }
        return {
            indexAxis: horizontal ? "y" : "x",
            maintainAspectRatio: false,
            responsive: true,
            animation: false,
            scales: scales,
            plugins: { legend: { display: figure.series.length > 1 || figure.chart === "doughnut", position: "bottom" } }
        };
    }

    function chartType(figure) {
        if (figure.chart === "line" || figure.chart === "doughnut") { return figure.chart; }
        return "bar";
    }

    function sizeFor(figure) {
        return figure.chart === "horizontal" ? Math.max(220, 28 * figure.labels.length + 80) : 260;
    }

    function draw(element, figure) {
        var box = element.querySelector(".command-center__chart");
        var empty = element.querySelector(".command-center__empty");
        box.hidden = figure.labels.length === 0;
        empty.hidden = figure.labels.length > 0;
        box.style.height = sizeFor(figure) + "px";
        var chart = charts[figure.key];
        if (chart) {
            chart.data.labels = figure.labels;
            chart.data.datasets = datasets(figure);
            chart.update();
        } else if (typeof Chart !== "undefined") {
            charts[figure.key] = new Chart(box.querySelector("canvas"), {
                type: chartType(figure),
                data: { labels: figure.labels, datasets: datasets(figure) },
                options: options(figure)
            });
        }
    }

    function fillTable(element, figure) {
        var body = element.querySelector("tbody");
        var rows = document.createDocumentFragment();
        figure.table.forEach(function (row) {
            var tr = document.createElement("tr");
            var th = document.createElement("th");
            th.scope = "row";
            if (row.link) {
                var a = document.createElement("a");
                a.href = row.link;
                a.textContent = row.label;
                th.appendChild(a);
            } else {
                th.textContent = row.label;
            }
            tr.appendChild(th);
            row.cells.forEach(function (cell) {
                var td = document.createElement("td");
                td.textContent = cell;
                tr.appendChild(td);
            });
            rows.appendChild(tr);
        });
        body.replaceChildren(rows);
    }

    function render(data, withTables) {
        data.panels.forEach(function (panel) {
            panel.headlines.forEach(function (headline, index) {
                var dd = root.querySelector('[data-headline="' + panel.key + "-" + index + '"]');
                if (dd) { dd.textContent = headline.shown; }
            });
            panel.figures.forEach(function (figure) {
                var element = root.querySelector('[data-figure="' + figure.key + '"]');
                if (!element) { return; }
                draw(element, figure);
                if (withTables) { fillTable(element, figure); }
            });
        });
        if (status) {
            status.dateTime = data.updated_at;
            status.textContent = data.updated_at.slice(11, 19);
        }
    }

    function refresh() {
        fetch(root.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) { throw new Error("HTTP " + response.status); }
                return response.json();
            })
            .then(function (data) {
                render(data, true);
                root.classList.remove("command-center--stale");
            })
            .catch(function () {
                // Keep the last figures and say they may be old; the next tick tries again.
                root.classList.add("command-center--stale");
            });
    }

    render(JSON.parse(initial.textContent), false);
    var seconds = parseInt(root.dataset.refreshSeconds, 10) || 30;
    window.setInterval(refresh, seconds * 1000);
})();
