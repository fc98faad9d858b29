/* Charts of the insight dashboards (Apache ECharts). Data comes from <script type="application/json" id="chart-data">;
   each <div class="chart" data-chart="…"> becomes one chart. Colours keep 3:1 contrast on white and series also differ
   by marker shape, so no meaning rests on colour alone. */
(function () {
  'use strict';
  var BLUE = '#0b4f8a', GREY = '#5f5f5f', ORANGE = '#a34f00', GREEN = '#1b6e20', RED = '#b00020';
  var FONT = '"Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif';
  var yen = function (v) { return Number(v).toLocaleString('ja-JP') + ' 円'; };
  var base = function () {
    return { color: [BLUE, ORANGE, GREEN, GREY, RED, '#6a3d9a', '#00606e', '#7a4b00'],
             textStyle: { fontFamily: FONT, color: '#1a1a1a' }, animation: false,
             tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 60, right: 30, top: 40, bottom: 50, containLabel: true } };
  };
  var builders = {
    'onboarding-timeline': function (d) {
      var o = base();
      o.tooltip = { trigger: 'item', formatter: function (p) { return d.names[p.value[1]] + '<br>' + p.seriesName + '：' + p.value[0]; } };
      o.xAxis = { type: 'time' };
      o.yAxis = { type: 'category', data: d.names, inverse: true };
      o.dataZoom = [{ type: 'slider', bottom: 5 }];
      o.series = [
        { name: '現行契約の満了日', type: 'scatter', symbol: 'rect', symbolSize: 12, itemStyle: { color: RED }, data: d.contractEnds },
        { name: '移行リハーサル', type: 'scatter', symbol: 'triangle', symbolSize: 12, itemStyle: { color: GREEN }, data: d.rehearsals },
        { name: '本稼働日（予定・実績）', type: 'scatter', symbol: 'circle', symbolSize: 12, itemStyle: { color: BLUE }, data: d.goLives },
        { name: '提案する本稼働日', type: 'scatter', symbol: 'diamond', symbolSize: 14, itemStyle: { color: ORANGE }, data: d.proposed }
      ];
      return o;
    },
    'onboarding-load': function (d) {
      var o = base();
      o.xAxis = { type: 'category', data: d.months, axisLabel: { rotate: 45 } };
      o.yAxis = { type: 'value', minInterval: 1, name: '団体数' };
      var busy = d.busy.map(function (b, i) { return b ? [{ xAxis: d.months[i] }, { xAxis: d.months[i] }] : null; })
        .filter(function (x) { return x; });
      o.series = [
        { name: '現在の計画', type: 'bar', itemStyle: { color: GREY }, data: d.currentLoad,
          markArea: { silent: true, itemStyle: { color: 'rgba(176,0,32,0.08)' }, data: busy } },
        { name: '提案', type: 'bar', itemStyle: { color: BLUE }, data: d.proposedLoad,
          markLine: { symbol: 'none', lineStyle: { color: RED, type: 'dashed' }, label: { formatter: '上限 {c}' },
                      data: [{ yAxis: d.capacity }] } }
      ];
      return o;
    },
    'customization-rates': function (d) {
      var o = base();
      o.xAxis = { type: 'category', data: d.names };
      o.yAxis = { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } };
      o.tooltip.valueFormatter = function (v) { return v + '%'; };
      o.series = [
        { name: 'カスタマイズ率', type: 'bar', itemStyle: { color: ORANGE }, label: { show: true, position: 'top', formatter: '{c}%' }, data: d.customizationRate },
        { name: '適合率', type: 'bar', itemStyle: { color: BLUE }, label: { show: true, position: 'top', formatter: '{c}%' }, data: d.fitRate }
      ];
      return o;
    },
    'customization-trend': function (d) {
      var o = base();
      var symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'];
      o.xAxis = { type: 'category', data: d.months };
      o.yAxis = { type: 'value', axisLabel: { formatter: '{value}%' } };
      o.tooltip.valueFormatter = function (v) { return v + '%'; };
      o.series = d.trend.map(function (t, i) {
        return { name: t.name, type: 'line', symbol: symbols[i % symbols.length], symbolSize: 8, data: t.data };
      });
      return o;
    },
    'grouping': function (d) {
      var o = base();
      o.xAxis = { type: 'category', data: d.names, axisLabel: { interval: 0, rotate: d.names.length > 6 ? 45 : 0 } };
      o.yAxis = [{ type: 'value', name: '人口' }, { type: 'value', name: '団体数', minInterval: 1 }];
      o.series = [
        { name: '人口合計', type: 'bar', itemStyle: { color: BLUE }, data: d.population },
        { name: '団体数', type: 'line', yAxisIndex: 1, symbol: 'diamond', symbolSize: 10, itemStyle: { color: ORANGE }, data: d.members }
      ];
      return o;
    },
    'cost': function (d) {
      var o = base();
      o.xAxis = { type: 'category', data: d.years };
      o.yAxis = { type: 'value', axisLabel: { formatter: function (v) { return (v / 1e6).toLocaleString('ja-JP') + '百万'; } } };
      o.tooltip.valueFormatter = yen;
      o.series = [
        { name: '単独', type: 'bar', itemStyle: { color: GREY }, data: d.solo },
        { name: '共同利用', type: 'bar', itemStyle: { color: BLUE }, data: d.joint },
        { name: '累計削減額', type: 'line', symbol: 'diamond', symbolSize: 10, itemStyle: { color: ORANGE }, data: d.cumulative }
      ];
      return o;
    }
  };
  function draw() {
    var source = document.getElementById('chart-data');
    if (!source || typeof echarts === 'undefined') { return; }
    var data = JSON.parse(source.textContent);
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var build = builders[el.getAttribute('data-chart')];
      if (!build) { return; }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(build(data));
      window.addEventListener('resize', function () { chart.resize(); });
    });
    document.body.setAttribute('data-charts-ready', 'true');
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
}());
