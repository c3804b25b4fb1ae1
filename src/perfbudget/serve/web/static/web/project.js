// 项目绩效目标: the spending plan (资金支出计划) as cumulative % at the end of months 3, 6, 10 and 12.
(function () {
  "use strict";
  var source = document.getElementById("plan-data");
  var element = document.getElementById("chart-plan");
  if (!source || !element || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var values = data.values.map(function (v) { return v === null || v === undefined ? null : Number(v); });
  var increments = values.map(function (v, i) {
    if (v === null) { return null; }
    var before = 0;
    for (var j = i - 1; j >= 0; j -= 1) { if (values[j] !== null) { before = values[j]; break; } }
    return Math.round((v - before) * 10000) / 10000;
  });
  var chart = window.echarts.init(element);
  chart.setOption({
    color: ["#9db6d8", "#1d4f91"],
    animationDuration: 300,
    tooltip: { trigger: "axis", valueFormatter: function (v) { return v === null || v === undefined ? "未填" : v + "%"; } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 40, containLabel: true },
    xAxis: { type: "category", data: data.labels },
    yAxis: { type: "value", name: "%", min: 0, max: function (v) { return Math.max(100, v.max); } },
    series: [
      { name: "本期支出", type: "bar", data: increments, barMaxWidth: 40 },
      { name: "累计支出进度", type: "line", data: values, connectNulls: true, symbolSize: 8, label: { show: true, formatter: "{c}%" } }
    ]
  });
  element.dataset.ready = "1";
  window.addEventListener("resize", function () { chart.resize(); });
})();
