/* Dashboard charts (Apache ECharts, vendored). The data comes from the page's json_script
   "dashboard-charts" (built by fazhi/dashboard/charts.py); every data point carries the URL of
   the records it counts, so a click opens them. No other state, no requests. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-charts");
  if (!source || typeof echarts === "undefined") return;
  var data = JSON.parse(source.textContent);
  var font = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  var charts = [];

  function open(params) {
    var url = params.data && params.data.url;
    if (url) window.location.href = url;
  }

  function pie(d) {
    return {
      tooltip: { trigger: "item", formatter: "{b}：{c} 项（{d}%）" },
      legend: { bottom: 0, type: "scroll" },
      series: [{
        type: "pie", radius: ["38%", "68%"], center: ["50%", "45%"], data: d.items,
        label: { formatter: "{b}\n{c}" }, cursor: "pointer"
      }]
    };
  }

  function bars(d, opts) {
    return {
      tooltip: {
        trigger: "axis", axisPointer: { type: "shadow" },
        formatter: function (items) {
          if (!items.length) return "";
          var lines = [d.titles[items[0].dataIndex]];
          items.forEach(function (it) {
            var v = it.value === null || it.value === undefined ? "—" : it.value + (opts.unit || "");
            lines.push(it.marker + it.seriesName + "：" + v);
          });
          return lines.join("<br>");
        }
      },
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: opts.horizontal ? { type: "value", max: opts.max, minInterval: 1 } : { type: "category", data: d.labels, axisLabel: { interval: 0, rotate: d.labels.length > 4 ? 20 : 0 } },
      yAxis: opts.horizontal ? { type: "category", data: d.labels, inverse: true, axisLabel: { width: 130, overflow: "truncate" } } : { type: "value", max: opts.max },
      series: d.series.map(function (s) {
        return {
          name: s.name, type: "bar", stack: opts.stack ? "all" : undefined, data: s.data,
          itemStyle: { color: s.color }, barMaxWidth: 26, cursor: "pointer",
          label: opts.stack ? { show: true, formatter: function (p) { return p.value ? p.value : ""; } } : { show: !opts.horizontal, position: "top", formatter: function (p) { return p.value === null ? "" : p.value + (opts.unit || ""); } }
        };
      })
    };
  }

  var builders = {
    lights: function (d) { return pie(d); },
    plans: function (d) { return bars(d, { unit: "%", max: 100 }); },
    categories: function (d) { return bars(d, { horizontal: true, stack: true }); },
    units: function (d) { return bars(d, { horizontal: true, stack: true }); },
    ranking: function (d) { return bars(d, { horizontal: true, max: 100 }); }
  };

  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var name = el.getAttribute("data-chart");
    var d = data[name];
    if (!d || !builders[name]) return;
    var rows = parseInt(el.getAttribute("data-rows") || "0", 10);
    if (rows) el.style.height = Math.max(180, rows * 26 + 50) + "px";
    var empty = d.type === "pie" ? !d.items.length : !d.labels.length;
    if (empty) { el.style.height = "auto"; el.innerHTML = '<p class="muted">暂无数据</p>'; return; }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    var option = builders[name](d);
    option.textStyle = { fontFamily: font };
    option.animation = false;
    chart.setOption(option);
    chart.on("click", open);
    charts.push(chart);
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
