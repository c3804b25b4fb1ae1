// 对比分析: the mode switch and the three charts (data from the json_script element).
(function () {
  "use strict";
  var form = document.getElementById("compare-form");
  if (form) {
    var sync = function () {
      var checked = form.querySelector("input[name=mode]:checked");
      form.dataset.mode = checked ? checked.value : "department";
    };
    form.addEventListener("change", sync);
    sync();
  }
  var source = document.getElementById("chart-data");
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var palette = ["#1d4f91", "#d9822b", "#2e8b57", "#b03a48", "#6a5acd", "#3f9fb5", "#8c6d31", "#c2185b", "#5d7a1f", "#7f8c8d"];
  var number = function (v) { return v === null || v === undefined ? null : Number(v); };
  var format = function (v) { return v === null || v === undefined || isNaN(v) ? "—" : Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 4 }); };
  function draw(id, series, stacked) {
    var element = document.getElementById(id);
    if (!element) { return; }
    var wide = element.classList.contains("wide");
    if (!series.length) { element.innerHTML = '<p class="muted">这些文件中没有相应的表格。</p>'; return; }
    var chart = window.echarts.init(element);
    chart.setOption({
      color: palette,
      animationDuration: 300,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: format },
      legend: wide ? { type: "scroll", orient: "vertical", right: 0, top: 20, bottom: 10 } : { type: "scroll", bottom: 0 },
      grid: { left: 8, right: wide ? 260 : 16, top: 28, bottom: wide ? 10 : 48, containLabel: true },
      xAxis: { type: "category", data: data.categories, axisLabel: { interval: 0, overflow: "truncate", width: 110 } },
      yAxis: { type: "value", name: data.unit, axisLabel: { formatter: function (v) { return v.toLocaleString("zh-CN"); } } },
      series: series.map(function (s) {
        return { name: s.name, type: "bar", stack: stacked ? "all" : undefined, emphasis: { focus: "series" }, data: s.data.map(number), barMaxWidth: 48 };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  draw("chart-functional", data.functional, true);
  draw("chart-split", data.split, true);
  draw("chart-three", data.three, true);
})();
