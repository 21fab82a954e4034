/**
 * The study report's own script, inlined after uPlot: it reads `#essaim-study-data` (JSON) and draws one fan chart
 * per fan: the median as a line, the P25-P75 and P5-P95 bands as fills between their series (uPlot bands), the
 * mean dashed; time on x, a log scale on y as the run report's charts (these figures grow by decades). The legend
 * shows each series' value under the cursor. Plain ES2017 in a string (no module system, no network);
 * tests/browser/studyReport.browser.test.ts checks that every chart draws its bands.
 * When it is done, `<body data-fans-drawn>` holds the number of charts drawn.
 */
import { CHART_HELPERS } from './chartHelpers.ts';

export const STUDY_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('essaim-study-data').textContent);
${CHART_HELPERS}
  var BLUE = '#3d6fb6';
  var drawn = 0;
  data.fans.forEach(function (fan) {
    var host = document.getElementById('fan-' + fan.key);
    var axis = { stroke: '#4a5366', grid: { stroke: 'rgba(0,0,0,0.07)' }, ticks: { stroke: 'rgba(0,0,0,0.2)' } };
    var value = function (u, v) { return v == null ? '–' : tick(fan.unit, v); };
    var edge = { stroke: 'rgba(61,111,182,0.35)', width: 1, value: value };
    new uPlot(
      {
        width: 760,
        height: 280,
        scales: { x: { time: true }, y: { distr: 3 } },
        axes: [
          Object.assign({}, axis, {
            values: yearLabels,
          }),
          Object.assign({}, axis, {
            size: 76,
            values: function (u, splits) { return splits.map(function (s) { return tick(fan.unit, s); }); },
          }),
        ],
        series: [
          { value: function (u, v) { return v == null ? '' : new Date(v * 1000).toISOString().slice(0, 10); } },
          Object.assign({ label: 'P5' }, edge),
          Object.assign({ label: 'P25' }, edge),
          { label: 'median', stroke: BLUE, width: 2, value: value },
          Object.assign({ label: 'P75' }, edge),
          Object.assign({ label: 'P95' }, edge),
          { label: 'mean', stroke: '#1d2330', width: 1, dash: [4, 4], value: value },
        ],
        bands: [
          { series: [5, 1], fill: 'rgba(61,111,182,0.14)' },
          { series: [4, 2], fill: 'rgba(61,111,182,0.28)' },
        ],
      },
      [fan.timesUtcS, fan.p5, fan.p25, fan.p50, fan.p75, fan.p95, fan.mean],
      host,
    );
    host.setAttribute('data-drawn', 'true');
    drawn += 1;
  });
  document.body.setAttribute('data-fans-drawn', String(drawn));
})();
`;
