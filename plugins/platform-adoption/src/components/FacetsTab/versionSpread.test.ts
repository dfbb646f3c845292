import { history } from '../../__testUtils__/fixtures';
import { latestSpreadText, MAX_LINES, OLDER, versionSpread } from './versionSpread';

describe('versionSpread', () => {
  it('charts deployments per version line per day, newest line first', () => {
    const spread = versionSpread(history);
    expect(spread.lines).toEqual(['7.0', '6.0', '4.4']);
    expect(spread.rows.map(r => [r.day, r['7.0'], r['6.0']])).toEqual([
      ['2026-11-01', 10, 8],
      ['2026-11-02', 11, 7],
      ['2026-11-03', 12, 6],
      ['2026-11-04', 13, 5],
    ]);
    expect(latestSpreadText(spread)).toBe('7.0: 13, 6.0: 5, 4.4: 4');
  });

  it('folds the oldest lines into one band when there are many', () => {
    const lines = { '16': 4, '15': 3, '14': 3, '13': 2, '12': 1, '11': 1, '9.6': 2 };
    const spread = versionSpread({ series: [{ day: '2026-11-01', metrics: { ...history.series[0].metrics, versionLines: lines } }], events: [] });
    expect(spread.lines).toHaveLength(MAX_LINES);
    expect(spread.lines).toEqual(['16', '15', '14', '13', '12', OLDER]);
    expect(spread.rows[0][OLDER]).toBe(3);
  });

  it('leaves out days recorded before version lines were kept', () => {
    const { versionLines: _, ...without } = history.series[0].metrics;
    const spread = versionSpread({ series: [{ day: '2026-10-31', metrics: without }, history.series[1]], events: [] });
    expect(spread.rows.map(r => r.day)).toEqual(['2026-11-02']);
  });
});
