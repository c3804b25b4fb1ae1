// 对比分析 › 指标结构: 一级指标 counts per department-year, stacked.
(function () {
  "use strict";
  var source = document.getElementById("mix-data");
  var element = document.getElementById("chart-mix");
  if (!source || !element || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var chart = window.echarts.init(element);
  chart.setOption({
    color: ["#1d4f91", "#d9822b", "#2e8b57", "#b03a48", "#6a5acd", "#3f9fb5", "#8c6d31", "#c2185b", "#5d7a1f", "#7f8c8d"],
    animationDuration: 300,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { type: "scroll", orient: "vertical", right: 0, top: 20, bottom: 10 },
    grid: { left: 8, right: 200, top: 28, bottom: 10, containLabel: true },
    xAxis: { type: "category", data: data.categories, axisLabel: { interval: 0, overflow: "truncate", width: 120 } },
    yAxis: { type: "value", name: "指标数", minInterval: 1 },
    series: data.series.map(function (s) { return { name: s.name, type: "bar", stack: "all", data: s.data, barMaxWidth: 48 }; })
  });
  element.dataset.ready = "1";
  window.addEventListener("resize", function () { chart.resize(); });
})();
