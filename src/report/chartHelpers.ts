/**
 * The functions the reports' inline chart scripts share (chartScript.ts for a run, studyScript.ts for a study), as
 * plain ES2017 text placed inside each script's IIFE: values with SI prefixes in the unit people read, and an x
 * axis with one label per year (uPlot may split a year in halves).
 */
export const CHART_HELPERS = `
  var PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y', 'R', 'Q'];
  // a value with an SI prefix, 3 significant digits
  function si(value, unit) {
    if (!(value > 0) || !isFinite(value)) return '';
    var k = Math.max(0, Math.min(PREFIXES.length - 1, Math.floor(Math.log10(value) / 3)));
    var scaled = Number((value / Math.pow(1000, k)).toPrecision(3));
    return (scaled + ' ' + PREFIXES[k] + unit).trim();
  }
  // tick text: watts and op/s with prefixes, kilograms as tonnes, fractions as powers of ten
  function tick(unit, value) {
    if (value == null || !isFinite(value)) return '';
    if (unit === 'kg') return value >= 1e3 ? si(value / 1e3, 't') : si(value, 'kg');
    if (unit === '1') return value.toExponential(0);
    if (unit === 'count') return si(value, '');
    return si(value, unit);
  }
  // the x axis's labels: one per year
  function yearLabels(u, splits) {
    var previous = '';
    return splits.map(function (s) {
      var year = s == null || !isFinite(s) ? '' : String(new Date(s * 1000).getUTCFullYear());
      var label = year === previous ? '' : year;
      previous = year;
      return label;
    });
  }
`;
