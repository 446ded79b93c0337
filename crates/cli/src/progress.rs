//! The progress bar on standard error (only when it is a terminal and the input is a file).

use std::cell::Cell;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::input::Stats;

/// A progress bar, or nothing.
#[derive(Debug)]
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    last: Cell<Option<Instant>>,
    /// Names of the good and bad counts ("valid"/"invalid", "converted"/"rejected").
    labels: (&'static str, &'static str),
}

impl Progress {
    /// No progress bar.
    pub(crate) fn hidden() -> Self {
        Self {
            bar: None,
            started: Instant::now(),
            last: Cell::new(None),
            labels: ("", ""),
        }
    }

    /// A bar over `len` input bytes.
    pub(crate) fn bar(len: u64, labels: (&'static str, &'static str)) -> Self {
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{spinner} {elapsed_precise} [{bar:25}] {percent:>3}% {binary_bytes_per_sec:>11} {msg}",
        )
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Self {
            bar: Some(bar),
            started: Instant::now(),
            last: Cell::new(None),
            labels,
        }
    }

    /// Shows `offset` bytes read and the counts so far (at most ten times a second).
    pub(crate) fn update(&self, offset: u64, totals: &Stats) {
        let Some(bar) = &self.bar else {
            return;
        };
        let now = Instant::now();
        if self
            .last
            .get()
            .is_some_and(|last| now.duration_since(last) < Duration::from_millis(100))
        {
            return;
        }
        self.last.set(Some(now));
        let secs = now.duration_since(self.started).as_secs_f64();
        let rate = if secs > 0.0 {
            totals.records as f64 / secs
        } else {
            0.0
        };
        // The message first: setting the position may draw.
        bar.set_message(format!(
            "{} records ({:.0}/s), {} {}, {} {}",
            totals.records,
            rate,
            totals.ok,
            self.labels.0,
            totals.bad(),
            self.labels.1
        ));
        bar.set_position(offset);
    }

    /// Runs `f` with the bar hidden (for writing to standard error).
    pub(crate) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
