//! The results table: one row per goal with the measured value, the baseline measured in
//! the same run, their ratio and whether the goal is met. Also the small statistics the
//! benchmarks share (medians of repeated runs, latency percentiles).

use std::fmt::Write as _;
use std::time::Duration;

/// How a measured value is judged against its goal.
#[derive(Debug, Clone, Copy)]
pub enum Goal {
    /// The value must be at least this.
    AtLeast(f64),
    /// The value must be at most this.
    AtMost(f64),
    /// The ratio value / baseline must be at least this.
    RatioAtLeast(f64),
    /// The ratio value / baseline must be at most this.
    RatioAtMost(f64),
    /// Reported for information only.
    None,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub bench: &'static str,
    pub metric: String,
    pub value: f64,
    pub unit: &'static str,
    /// What the baseline is, and its value (same unit unless said).
    pub baseline: Option<(String, f64)>,
    pub goal: Goal,
    pub goal_text: String,
    pub note: String,
}

impl Row {
    pub fn new(bench: &'static str, metric: impl Into<String>, value: f64, unit: &'static str) -> Row {
        Row {
            bench,
            metric: metric.into(),
            value,
            unit,
            baseline: None,
            goal: Goal::None,
            goal_text: String::new(),
            note: String::new(),
        }
    }

    pub fn baseline(mut self, what: impl Into<String>, value: f64) -> Row {
        self.baseline = Some((what.into(), value));
        self
    }

    pub fn goal(mut self, goal: Goal, text: impl Into<String>) -> Row {
        self.goal = goal;
        self.goal_text = text.into();
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Row {
        self.note = note.into();
        self
    }

    pub fn ratio(&self) -> Option<f64> {
        self.baseline.as_ref().filter(|(_, b)| *b != 0.0).map(|(_, b)| self.value / b)
    }

    /// `Some(true)` met, `Some(false)` not met, `None` informative.
    pub fn met(&self) -> Option<bool> {
        match self.goal {
            Goal::AtLeast(bound) => Some(self.value >= bound),
            Goal::AtMost(bound) => Some(self.value <= bound),
            Goal::RatioAtLeast(bound) => self.ratio().map(|r| r >= bound),
            Goal::RatioAtMost(bound) => self.ratio().map(|r| r <= bound),
            Goal::None => None,
        }
    }
}

/// Numbers with a sensible number of digits for a table.
pub fn fmt_num(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1000.0 {
        let rounded = value.round() as i64;
        let digits = rounded.abs().to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if rounded < 0 {
            format!("-{grouped}")
        } else {
            grouped
        }
    } else if magnitude >= 100.0 {
        format!("{value:.0}")
    } else if magnitude >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

pub fn markdown_table(rows: &[Row]) -> String {
    let mut out = String::new();
    out.push_str("| bench | metric | measured | same-run baseline | ratio | goal | met |\n");
    out.push_str("|---|---|---:|---|---:|---|---|\n");
    for row in rows {
        let baseline = match &row.baseline {
            Some((what, value)) => format!("{} {} ({what})", fmt_num(*value), row.unit),
            None => "—".to_owned(),
        };
        let ratio = row.ratio().map(|r| format!("{r:.2}×")).unwrap_or_else(|| "—".to_owned());
        let met = match row.met() {
            Some(true) => "met",
            Some(false) => "**not met**",
            None => "info",
        };
        let goal = if row.goal_text.is_empty() { "—".to_owned() } else { row.goal_text.clone() };
        let metric = if row.note.is_empty() { row.metric.clone() } else { format!("{} ({})", row.metric, row.note) };
        let _ = writeln!(
            out,
            "| {} | {} | {} {} | {} | {} | {} | {} |",
            row.bench,
            metric,
            fmt_num(row.value),
            row.unit,
            baseline,
            ratio,
            goal,
            met
        );
    }
    out
}

pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    }
}

/// Latency percentiles of one run, in milliseconds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Percentiles {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

impl Percentiles {
    pub fn of(latencies: &mut [Duration]) -> Percentiles {
        if latencies.is_empty() {
            return Percentiles { p50: f64::NAN, p95: f64::NAN, p99: f64::NAN, max: f64::NAN };
        }
        latencies.sort_unstable();
        let at = |q: f64| {
            let index = ((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1;
            latencies[index].as_secs_f64() * 1000.0
        };
        Percentiles { p50: at(0.50), p95: at(0.95), p99: at(0.99), max: at(1.0) }
    }

    /// Field-wise medians of repeated runs.
    pub fn median_of(runs: &[Percentiles]) -> Percentiles {
        let pick = |f: fn(&Percentiles) -> f64| median(&runs.iter().map(f).collect::<Vec<_>>());
        Percentiles { p50: pick(|p| p.p50), p95: pick(|p| p.p95), p99: pick(|p| p.p99), max: pick(|p| p.max) }
    }
}

/// Progress on stderr, so that stdout holds only the table.
pub fn progress(message: impl AsRef<str>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "[bench] {}", message.as_ref());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_decide_ratio_goals() {
        let row =
            Row::new("B2", "fan-out", 300.0, "ms").baseline("signing", 200.0).goal(Goal::RatioAtMost(2.0), "≤ 2×");
        assert_eq!(row.met(), Some(true));
        assert_eq!(fmt_num(12345.6), "12,346");
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
    }
}
