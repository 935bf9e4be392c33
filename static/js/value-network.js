// The value network's stacked bar chart, drawn from the same figures as the table (the json_script tag).
(function () {
    "use strict";
    var data = document.getElementById("value-network-data");
    var canvas = document.getElementById("value-network-chart");
    if (!data || !canvas || typeof Chart === "undefined") { return; }
    var figures = JSON.parse(data.textContent);
    // Distinct, colour-blind-friendly hues (Okabe-Ito and Tol), repeated when there are more groups.
    var palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#882255", "#44AA99", "#999933", "#AA4499", "#117733"];
    figures.datasets.forEach(function (dataset, index) {
        dataset.backgroundColor = palette[index % palette.length];
        dataset.borderWidth = 0;
    });
    var grouping = figures.grouping;
    canvas.parentElement.style.height = Math.max(260, 48 * figures.labels.length + 120) + "px";
    new Chart(canvas, {
        type: "bar",
        data: { labels: figures.labels, datasets: figures.datasets },
        options: {
            indexAxis: "y",
            maintainAspectRatio: false,
            responsive: true,
            scales: {
                x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "Times helped" } },
                y: { stacked: true, title: { display: true, text: "Helping " + grouping } }
            },
            plugins: {
                legend: { position: "bottom", title: { display: true, text: "Helped " + grouping } },
                tooltip: {
                    callbacks: {
                        label: function (item) { return item.label + " → " + item.dataset.label + ": " + item.formattedValue; }
                    }
                }
            }
        }
    });
})();
