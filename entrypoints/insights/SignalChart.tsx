import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { count, signalName, weekLabel, weekTicks, type SignalSeries } from '../../utils/insights';

const HEIGHT = 120;
const shortWeek = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The colours of the page's theme, read when the chart is drawn (light or dark). */
function themeColours(element: HTMLElement): { text: string; grid: string; bar: string; partial: string } {
  const style = getComputedStyle(element);
  const variable = (...names: string[]) => names.map((name) => style.getPropertyValue(name).trim()).find(Boolean);
  return {
    text: style.color || '#57606a',
    grid: variable('--hc-border') || 'rgba(128, 128, 128, 0.3)',
    bar: variable('--hc-bar') || '#3b82f6',
    partial: variable('--hc-bar-partial') || 'rgba(59, 130, 246, 0.35)',
  };
}

function pointText(series: SignalSeries, index: number, currentWeek: string): string {
  const point = series.points[index];
  if (!point) return '';
  const when = point.week === currentWeek ? `This week so far (week of ${weekLabel(point.week)})` : `Week of ${weekLabel(point.week)}`;
  return `${when}: ${count(point.entries, 'entry', 'entries')} from ${count(point.accounts, 'account', 'accounts')}`;
}

const WEEK_SECONDS = 7 * 86_400;

/** One signal's entries per week as bars (uPlot on a canvas), with the week's distinct
 * accounts in the tooltip. The current week is drawn lighter with a dashed outline: it is not
 * over yet, and a short bar there is not a drop. Keyboard: it is a slider over the weeks — arrows, Home and End
 * move, Enter or Space chooses the week (as a click does). */
export function SignalChart({
  series,
  currentWeek,
  selectedWeek,
  onSelectWeek,
}: {
  series: SignalSeries;
  /** The Monday of this week (UTC), which is still going on. */
  currentWeek: string;
  selectedWeek: string | null;
  onSelectWeek: (week: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const last = series.points.length - 1;
  const selectedIndex = series.points.findIndex((point) => point.week === selectedWeek);
  const keyboardIndex = active ?? (selectedIndex >= 0 ? selectedIndex : last);
  const choose = useRef(onSelectWeek);
  choose.current = onSelectWeek;
  const chosen = useRef<number | null>(null);
  chosen.current = selectedIndex >= 0 ? selectedIndex : null;
  useEffect(() => plot.current?.redraw(false), [selectedIndex]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const xs = series.points.map((point) => Date.parse(`${point.week}T00:00:00Z`) / 1000);
    // Two series, so that the week still going on can be drawn differently.
    const whole = series.points.map((point) => (point.week === currentWeek ? null : point.entries));
    // A week with nothing yet draws nothing, like any empty week (not a dashed stub).
    const partial = series.points.map((point) => (point.week === currentWeek && point.entries > 0 ? point.entries : null));
    const ticks = (width: number) => weekTicks(series.points.map((point) => point.week), width).map((week) => Date.parse(`${week}T00:00:00Z`) / 1000);
    let chart: uPlot | null = null;

    // No canvas (a test page): the slider, its text and the table still work.
    const canDraw = (() => {
      try {
        return document.createElement('canvas').getContext('2d') !== null;
      } catch {
        return false;
      }
    })();

    const draw = () => {
      chart?.destroy();
      chart = null;
      if (!canDraw) return;
      const colours = themeColours(element);
      try {
        chart = new uPlot(
          {
            width: Math.max(200, element.clientWidth),
            height: HEIGHT,
            legend: { show: false },
            cursor: { y: false, drag: { x: false, y: false }, points: { show: false } },
            // Room on the right for the newest week's label, centred under its bar.
            padding: [8, 20, 0, 0],
            // Half a week beyond the first and last bars, so that neither is cut in half;
            // headroom above the highest week, so its value is labelled on the axis.
            scales: {
              x: { time: true, range: () => [xs[0]! - WEEK_SECONDS / 2, xs[xs.length - 1]! + WEEK_SECONDS / 2] },
              y: { range: (_u, _min, max) => [0, Math.max(2, Math.ceil(max * 1.2))] },
            },
            axes: [
              {
                stroke: colours.text,
                grid: { show: false },
                ticks: { stroke: colours.grid, size: 4 },
                // Just the labels' height: uPlot's default 50 pixels left a blank band below.
                size: 24,
                gap: 3,
                // Every week labelled would overlap at 26 weeks: a label every few weeks,
                // counted back from this one.
                splits: (u) => ticks(u.bbox.width / devicePixelRatio),
                values: (_u, splits) => splits.map((s) => shortWeek.format(new Date(s * 1000))),
              },
              {
                stroke: colours.text,
                grid: { stroke: colours.grid, width: 1 },
                ticks: { show: false },
                size: 32,
                space: 20,
                incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
              },
            ],
            series: [
              {},
              {
                label: 'Entries',
                stroke: colours.bar,
                // No outline: a week without entries draws nothing rather than a dash.
                width: 0,
                fill: colours.bar,
                paths: uPlot.paths.bars?.({ size: [0.7, 24] }),
                points: { show: false },
              },
              {
                label: 'This week so far',
                stroke: colours.bar,
                width: 1,
                dash: [3, 2],
                fill: colours.partial,
                paths: uPlot.paths.bars?.({ size: [0.7, 24] }),
                points: { show: false },
              },
            ],
            hooks: {
              setCursor: [(u) => setActive(u.cursor.idx ?? null)],
              // The chosen week: a band behind its bar.
              drawClear: [
                (u) => {
                  const index = chosen.current;
                  const x = index === null ? undefined : u.data[0][index];
                  if (x === undefined || x === null) return;
                  const step = xs.length > 1 ? Math.abs(u.valToPos(xs[1]!, 'x', true) - u.valToPos(xs[0]!, 'x', true)) : u.bbox.width;
                  u.ctx.save();
                  u.ctx.fillStyle = colours.grid;
                  u.ctx.globalAlpha = 0.5;
                  u.ctx.fillRect(u.valToPos(x, 'x', true) - step / 2, u.bbox.top, step, u.bbox.height);
                  u.ctx.restore();
                },
              ],
            },
          },
          [xs, whole, partial],
          element,
        );
        const over = chart.over;
        over.addEventListener('click', () => {
          const index = chart?.cursor.idx;
          const point = index === null || index === undefined ? undefined : series.points[index];
          if (point) choose.current(point.week);
        });
        plot.current = chart;
      } catch (error) {
        // The slider, its text and the table still show every week; the log says why the chart did not.
        console.warn('Highcard could not draw the chart:', error);
        plot.current = null;
      }
    };
    draw();

    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart?.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT }));
    resize?.observe(element);
    const scheme = typeof matchMedia === 'undefined' ? null : matchMedia('(prefers-color-scheme: dark)');
    scheme?.addEventListener('change', draw);
    return () => {
      resize?.disconnect();
      scheme?.removeEventListener('change', draw);
      chart?.destroy();
      plot.current = null;
    };
  }, [series, currentWeek]);

  const moveTo = (index: number) => {
    const next = Math.min(Math.max(index, 0), last);
    setActive(next);
    const chart = plot.current;
    if (chart) {
      const left = chart.valToPos(chart.data[0][next] ?? 0, 'x');
      chart.setCursor({ left, top: HEIGHT / 3 });
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowLeft: keyboardIndex - 1,
      ArrowDown: keyboardIndex - 1,
      ArrowRight: keyboardIndex + 1,
      ArrowUp: keyboardIndex + 1,
      Home: 0,
      End: last,
      PageUp: keyboardIndex + 4,
      PageDown: keyboardIndex - 4,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const point = series.points[keyboardIndex];
      if (point) onSelectWeek(point.week);
    }
  };

  const tip = active !== null ? pointText(series, active, currentWeek) : focused ? pointText(series, keyboardIndex, currentWeek) : '';
  return (
    <div class="hc-chart">
      <div
        role="slider"
        tabIndex={0}
        aria-label={`${signalName(series.signal)}, entries per week`}
        aria-valuemin={0}
        aria-valuemax={last}
        aria-valuenow={keyboardIndex}
        aria-valuetext={pointText(series, keyboardIndex, currentWeek)}
        aria-keyshortcuts="Enter"
        class="hc-chart__plot"
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onMouseLeave={() => setActive(null)}
      >
        <div ref={box} class="hc-chart__canvas" />
      </div>
      {/* Over the chart's top edge, not under it: no empty line below every chart. */}
      {tip ? (
        <p class="hc-chart__tip" aria-hidden="true">
          {tip}
        </p>
      ) : null}
    </div>
  );
}
