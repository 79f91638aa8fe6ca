//! Charts as SVG drawn on the server: lines over time with a value axis
//! from zero to a round maximum, the time span underneath, and a legend.
//! Colours come from the stylesheet (classes `s0`..`s5`), so they follow
//! the light or dark theme.

use std::fmt::Write;

use super::history::Point;
use super::html::esc;

const W: f64 = 600.0;
const H: f64 = 160.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 18.0;
const TOP: f64 = 8.0;

/// One line of a chart.
pub struct Series<'a> {
    pub label: &'a str,
    pub points: &'a [Point],
}

/// The smallest of 1, 2, 5 × 10ⁿ at or above `v` (at least 1).
pub fn nice_max(v: f64) -> f64 {
    if !v.is_finite() || v <= 1.0 {
        return 1.0;
    }
    let exp = 10f64.powf(v.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * exp >= v {
            return m * exp;
        }
    }
    10.0 * exp
}

fn clock(ms: i64) -> String {
    let s = crate::render::format_millis(ms);
    // "2026-12-07T10:00:00Z" -> "10:00:00"
    s.get(11..19).unwrap_or(&s).to_string()
}

/// A line chart of `series` titled `title` (values in `unit`); a note
/// instead when there are fewer than two points to draw.
pub fn line_chart(title: &str, unit: &str, series: &[Series<'_>]) -> String {
    let all = series.iter().flat_map(|s| s.points.iter());
    let (mut t0, mut t1, mut vmax) = (i64::MAX, i64::MIN, 0f64);
    let mut n = 0;
    for &(t, v) in all {
        t0 = t0.min(t);
        t1 = t1.max(t);
        vmax = vmax.max(v);
        n += 1;
    }
    let mut html = format!(
        "<figure class=\"chart\"><figcaption>{}</figcaption>",
        esc(title)
    );
    if n < 2 || t1 <= t0 {
        html.push_str("<p class=\"muted\">Not enough samples yet: the chart fills as the console polls.</p></figure>");
        return html;
    }
    let top = nice_max(vmax);
    let x = |t: i64| LEFT + (t - t0) as f64 / (t1 - t0) as f64 * (W - LEFT - 4.0);
    let y = |v: f64| TOP + (1.0 - v / top) * (H - TOP - BOTTOM);
    let _ = write!(
        html,
        "<svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\">",
        esc(title)
    );
    for frac in [0.0, 0.5, 1.0] {
        let yy = y(top * frac);
        let _ = write!(
            html,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{W}\" y1=\"{yy:.1}\" y2=\"{yy:.1}\"/>\
             <text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT - 4.0,
            yy + 4.0,
            short(top * frac)
        );
    }
    for (i, s) in series.iter().enumerate() {
        if s.points.is_empty() {
            continue;
        }
        let _ = write!(html, "<polyline class=\"s{}\" points=\"", i % 6);
        for &(t, v) in s.points {
            let _ = write!(html, "{:.1},{:.1} ", x(t), y(v));
        }
        html.push_str("\"/>");
    }
    let _ = write!(
        html,
        "<text class=\"axis\" x=\"{LEFT}\" y=\"{:.1}\">{}</text>\
         <text class=\"axis\" x=\"{W}\" y=\"{:.1}\" text-anchor=\"end\">{} UTC</text></svg>",
        H - 4.0,
        clock(t0),
        H - 4.0,
        clock(t1)
    );
    html.push_str("<div class=\"legend\">");
    for (i, s) in series.iter().enumerate() {
        let last = s.points.last().map(|p| p.1).unwrap_or(0.0);
        let _ = write!(
            html,
            "<span class=\"k s{}\">{}: {} {}</span>",
            i % 6,
            esc(s.label),
            short(last),
            esc(unit)
        );
    }
    html.push_str("</div></figure>");
    html
}

/// A number in a few characters: 950, 1.2k, 3.4M.
pub fn short(v: f64) -> String {
    if v >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if v >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if v >= 1e3 {
        format!("{:.1}k", v / 1e3)
    } else if v >= 10.0 || v == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_maxima_are_round() {
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(3.2), 5.0);
        assert_eq!(nice_max(17.0), 20.0);
        assert_eq!(nice_max(500.0), 500.0);
        assert_eq!(nice_max(501.0), 1000.0);
        assert_eq!(nice_max(f64::NAN), 1.0);
        assert_eq!(short(1234.0), "1.2k");
        assert_eq!(short(0.25), "0.2");
    }

    #[test]
    fn a_chart_escapes_its_labels_and_needs_two_points() {
        let one = [(1000, 1.0)];
        let html = line_chart(
            "t",
            "msg/s",
            &[Series {
                label: "a",
                points: &one,
            }],
        );
        assert!(html.contains("Not enough samples"));
        let two = [(1000, 1.0), (2000, 3.0)];
        let html = line_chart(
            "<x>",
            "msg/s",
            &[Series {
                label: "<b>",
                points: &two,
            }],
        );
        assert!(html.contains("<polyline class=\"s0\""));
        assert!(!html.contains("<b>") && !html.contains("<x>"));
        assert!(html.contains("&lt;b&gt;: 3.0 msg/s"));
    }
}
