import { campaignStatus, history } from '../../__testUtils__/fixtures';
import { burnDownRows, describeSeries, eventsByDay, historyRows } from './progressData';

describe('progress data', () => {
  it('turns the history into chart rows, conformance in percent', () => {
    const rows = historyRows(history);
    expect(rows.map(r => [r.day, r.conformance, r.snowflakes])).toEqual([
      ['2026-11-01', null, 8],
      ['2026-11-02', 40, 7],
      ['2026-11-03', 50, 6],
      ['2026-11-04', 60, 6],
    ]);
    expect(rows[1].time - rows[0].time).toBe(86_400_000);
  });

  it('describes a series with its events for screen readers', () => {
    const rows = historyRows(history);
    expect(describeSeries('Conformance', rows, 'conformance', history.events, '%')).toBe(
      'Conformance from 40% on 2026-11-02 to 60% on 2026-11-04; v1 published 2026-11-02, v2 published 2026-11-04',
    );
    expect(describeSeries('Conformance', [], 'conformance', [])).toBe('Conformance: no data');
  });

  it('puts events of one day on one marker', () => {
    expect(
      eventsByDay([
        { day: '2026-11-04', kind: 'retired', version: 1 },
        { day: '2026-11-04', kind: 'published', version: 2 },
      ]),
    ).toEqual([{ day: '2026-11-04', label: 'v1 retired, v2 published' }]);
  });

  it('draws the burn-down with the straight line to zero at the deadline', () => {
    const rows = burnDownRows(campaignStatus);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ day: '2026-11-02', nonconforming: 6, ideal: 6 });
    expect(rows[2].ideal).toBeGreaterThan(5.8);
    expect(rows[3]).toMatchObject({ day: '2027-03-31', nonconforming: null, ideal: 0 });
    expect(burnDownRows({ ...campaignStatus, burnDown: [] })).toEqual([]);
  });
});
