/**
 * The report's own script, inlined after uPlot: it reads the data element (`#essaim-report-data`, JSON) and draws
 * one uPlot chart per charted figure, as the app's timeline charts do (src/app/ui/Charts.tsx: time on x, a log
 * scale on y, since these figures grow by decades). It runs in the reader's browser, with no module system and no
 * network, so it is plain ES2017 in a string; tests/browser/report.browser.test.ts checks that every chart draws.
 * When it is done, `<body data-charts-drawn>` holds the number of charts drawn.
 */
import { CHART_HELPERS } from './chartHelpers.ts';

export const CHART_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('essaim-report-data').textContent);
${CHART_HELPERS}
  var COLORS = ['#3d6fb6', '#d0574b', '#3c9a5b', '#a05db3', '#c98a1b', '#2b9ab0', '#7a6a4f', '#c2477f'];
  var drawn = 0;
  data.charts.forEach(function (chart, index) {
    var host = document.getElementById('chart-' + chart.key);
    var color = COLORS[index % COLORS.length];
    var axis = { stroke: '#4a5366', grid: { stroke: 'rgba(0,0,0,0.07)' }, ticks: { stroke: 'rgba(0,0,0,0.2)' } };
    new uPlot(
      {
        width: 760,
        height: 200,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true }, y: { distr: 3 } },
        axes: [
          Object.assign({}, axis, {
            values: yearLabels,
          }),
          Object.assign({}, axis, {
            size: 76,
            values: function (u, splits) {
              return splits.map(function (s) { return tick(chart.unit, s); });
            },
          }),
        ],
        series: [{}, { label: chart.label, stroke: color, width: 2, fill: color + '22', spanGaps: false }],
      },
      [data.timesUtcS, chart.values],
      host,
    );
    host.setAttribute('data-drawn', 'true');
    drawn += 1;
  });
  document.body.setAttribute('data-charts-drawn', String(drawn));
})();
`;
