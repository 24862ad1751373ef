// Draws the dashboard charts from the JSON the page carries (ECharts, served locally).
document.addEventListener("DOMContentLoaded", function () {
  var source = document.getElementById("chart-data");
  if (!source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var trendNode = document.getElementById("trend-chart");
  if (trendNode && data.trend.length) {
    var labels = data.trend[0].points.map(function (p) { return p[0]; });
    echarts.init(trendNode).setOption({
      tooltip: { trigger: "axis" }, legend: { type: "scroll", bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: "category", data: labels }, yAxis: { type: "value" },
      series: data.trend.map(function (s) {
        return { name: s.name, type: "line", connectNulls: true, data: s.points.map(function (p) { return p[1]; }) };
      })
    });
  }
  var mapNode = document.getElementById("map-chart");
  if (mapNode && data.map) {
    echarts.registerMap("units", data.map.geojson);
    var values = data.map.values.map(function (v) { return v.value; });
    echarts.init(mapNode).setOption({
      tooltip: { trigger: "item" },
      visualMap: { min: 0, max: Math.max.apply(null, values.concat([1])), calculable: true, left: 0, bottom: 0,
                   inRange: { color: ["#fff3c4", "#a3161a"] } },
      series: [{ type: "map", map: "units", nameProperty: data.map.key, name: data.map.title,
                 data: data.map.values, roam: true }]
    });
  }
  var rankedNode = document.getElementById("ranked-chart");
  if (rankedNode && data.ranked.bars.length) {
    var bars = data.ranked.bars.slice().reverse();
    echarts.init(rankedNode).setOption({
      tooltip: {}, grid: { left: 160, right: 20, top: 10, bottom: 30 },
      xAxis: { type: "value" }, yAxis: { type: "category", data: bars.map(function (b) { return b[0]; }) },
      series: [{ type: "bar", data: bars.map(function (b) { return b[1]; }), itemStyle: { color: "#a3161a" } }]
    });
  }
});
