//! The streaming, parallel, order-preserving pipeline.
//!
//! ```text
//!            free batches (bounded pool of K)
//!   ┌──────────────────────────────────────────────────┐
//!   ▼                                                  │
//! reader ──(batch)──▶ N workers ──(batch + output)──▶ writer (main thread)
//! thread    bounded                unbounded, but at   reorders by batch number,
//!           channel                most K in flight    writes, recycles the batch
//! ```
//!
//! A fixed pool of K batches circulates: the reader takes an empty batch from the pool, fills
//! it with raw records and hands it to the workers; a worker validates or converts the records
//! and writes the output lines into the batch's own buffers; the writer puts batches back in
//! input order, writes them out and returns them to the pool. Since at most K batches exist,
//! memory is bounded by K × (batch size + output) whatever the number of records, and the
//! reader simply waits while the writer is behind (back-pressure). Plain threads and channels
//! are enough for this; a work-stealing pool (rayon) would add nothing, as the unit of work is
//! already a whole batch.
//!
//! The reader runs on its own detached thread so that a writer failure (a closed pipe) never
//! waits for a read that may block forever (standard input from a terminal).

use std::collections::BTreeMap;
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::input::{Batch, InputError, RecordReader, Stats};

/// What the workers do with each batch.
pub(crate) trait Job: Send + Sync {
    /// Processes entry `index` of `batch` (a record, or under `--envelope` a blank line),
    /// appending output lines to its buffers and counting records in `batch.stats`.
    fn record(&self, batch: &mut Batch, index: usize);
}

/// Sizes that bound the pipeline.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Config {
    /// Worker threads.
    pub(crate) threads: usize,
    /// Records per batch.
    pub(crate) batch_records: usize,
    /// Data bytes per batch (a batch always takes at least one record).
    pub(crate) batch_bytes: usize,
    /// `--max-record-bytes`.
    pub(crate) max_record_bytes: u64,
    /// `--ndjson`: never read the input as a JSON array.
    pub(crate) ndjson: bool,
    /// `--envelope`: blank lines are entries of the batches too.
    pub(crate) keep_blank: bool,
}

/// Why a run stopped early.
#[derive(Debug)]
pub(crate) enum Stop<E> {
    /// The input could not be read (after every record before the failure was written).
    Input(InputError),
    /// The writer failed.
    Write(E),
    /// contactkit panicked on a record (a bug).
    Internal(String),
}

/// Runs `job` over every record of `input`, calling `write` with each processed batch in input
/// order. Returns the totals.
pub(crate) fn run<E>(
    input: Box<dyn Read + Send>,
    job: Arc<dyn Job>,
    config: Config,
    mut write: impl FnMut(&Batch) -> Result<(), E>,
) -> Result<Stats, Stop<E>> {
    let threads = config.threads.max(1);
    let pool_size = 2 * threads + 2;
    let (free_tx, free_rx) = mpsc::sync_channel::<Batch>(pool_size);
    for _ in 0..pool_size {
        // The channel has room for the whole pool, so this cannot block or fail.
        let _ = free_tx.send(Batch::default());
    }
    let (work_tx, work_rx) = mpsc::sync_channel::<Batch>(pool_size);
    let (done_tx, done_rx) = mpsc::channel::<Batch>();

    let reader = thread::Builder::new()
        .name("contactkit-reader".into())
        .spawn(move || read_all(input, config, &free_rx, &work_tx))
        .map_err(|e| Stop::Internal(format!("cannot start the reader thread: {e}")))?;

    let work_rx = Arc::new(Mutex::new(work_rx));
    for i in 0..threads {
        let work_rx = Arc::clone(&work_rx);
        let done_tx = done_tx.clone();
        let job = Arc::clone(&job);
        thread::Builder::new()
            .name(format!("contactkit-worker-{i}"))
            .spawn(move || work(&*job, &work_rx, &done_tx))
            .map_err(|e| Stop::Internal(format!("cannot start a worker thread: {e}")))?;
    }
    drop(done_tx);

    let mut totals = Stats::default();
    let mut pending: BTreeMap<u64, Batch> = BTreeMap::new();
    let mut next = 0u64;
    // Ends when every worker has finished, i.e. after the reader has sent its last batch.
    while let Ok(batch) = done_rx.recv() {
        pending.insert(batch.seq, batch);
        while let Some(batch) = pending.remove(&next) {
            if let Some(record) = batch.failed_at {
                return Err(Stop::Internal(format!(
                    "internal error: contactkit panicked while processing record {record}, so the \
                     run was stopped (please report this as a bug)"
                )));
            }
            write(&batch).map_err(Stop::Write)?;
            totals.add(&batch.stats);
            next += 1;
            // The pool channel has room for every batch, so this cannot block; it fails only
            // when the reader has finished, and then the batch is simply dropped.
            let _ = free_tx.send(batch);
        }
    }
    let outcome = reader
        .join()
        .map_err(|_| Stop::Internal("internal error: the reader thread panicked".into()))?;
    if next != outcome.batches || !pending.is_empty() {
        return Err(Stop::Internal(
            "internal error: a worker thread stopped before finishing its batch".into(),
        ));
    }
    match outcome.error {
        Some(e) => Err(Stop::Input(e)),
        None => Ok(totals),
    }
}

struct ReadOutcome {
    batches: u64,
    error: Option<InputError>,
}

fn read_all(
    input: Box<dyn Read + Send>,
    config: Config,
    free_rx: &Receiver<Batch>,
    work_tx: &SyncSender<Batch>,
) -> ReadOutcome {
    let mut reader = match RecordReader::new(
        input,
        config.max_record_bytes,
        config.ndjson,
        config.keep_blank,
    ) {
        Ok(reader) => reader,
        Err(error) => {
            return ReadOutcome {
                batches: 0,
                error: Some(error),
            }
        }
    };
    let mut seq = 0u64;
    loop {
        // Waits while every batch is in flight: this is the back-pressure.
        let Ok(mut batch) = free_rx.recv() else {
            // The writer has stopped.
            return ReadOutcome {
                batches: seq,
                error: None,
            };
        };
        batch.reset(seq, reader.next_record(), config.batch_bytes);
        let result = reader.fill_batch(&mut batch, config.batch_records, config.batch_bytes);
        if !batch.records.is_empty() {
            if work_tx.send(batch).is_err() {
                return ReadOutcome {
                    batches: seq,
                    error: None,
                };
            }
            seq += 1;
        }
        match result {
            Ok(true) => {}
            Ok(false) => {
                return ReadOutcome {
                    batches: seq,
                    error: None,
                }
            }
            Err(error) => {
                return ReadOutcome {
                    batches: seq,
                    error: Some(error),
                }
            }
        }
    }
}

fn work(job: &dyn Job, work_rx: &Mutex<Receiver<Batch>>, done_tx: &mpsc::Sender<Batch>) {
    loop {
        let next = match work_rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(mut batch) = next else {
            return;
        };
        for index in 0..batch.records.len() {
            // A panic inside contactkit is a bug; it must not take the run down silently or
            // lose the record, so it is caught here and turned into an error by the writer.
            let caught = catch_unwind(AssertUnwindSafe(|| job.record(&mut batch, index)));
            if caught.is_err() {
                let number = batch.records.get(index).map(|r| r.number);
                batch.failed_at = Some(number.unwrap_or(batch.first_record));
                break;
            }
        }
        if done_tx.send(batch).is_err() {
            return;
        }
    }
}
