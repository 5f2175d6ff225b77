//! Work on every core with the results in order ([`in_order`]).

use std::collections::BTreeMap;

use super::{Result, TallyError};

/// Runs `work` on every item of every batch `next` gives (an empty batch
/// ends it) on every core, and hands the results to `done` in the order of
/// the items. `next` and `done` run on this thread.
pub(super) fn in_order<I: Send, R: Send>(
    mut next: impl FnMut() -> Result<Vec<I>>,
    work: &(impl Fn(I) -> Result<R> + Sync),
    mut done: impl FnMut(R) -> Result<()>,
) -> Result<()> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    let (work_tx, work_rx) = std::sync::mpsc::sync_channel::<(usize, Vec<I>)>(workers * 2);
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Result<Vec<R>>)>();
    std::thread::scope(|s| {
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            s.spawn(move || {
                loop {
                    let next = match work_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((n, batch)) = next else { return };
                    let out = batch.into_iter().map(work).collect::<Result<Vec<_>>>();
                    if done_tx.send((n, out)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let mut waiting: BTreeMap<usize, Vec<R>> = BTreeMap::new();
        let mut next_out = 0usize;
        let mut deliver = |(n, out): (usize, Result<Vec<R>>)| -> Result<()> {
            waiting.insert(n, out?);
            while let Some(batch) = waiting.remove(&next_out) {
                for r in batch {
                    done(r)?;
                }
                next_out += 1;
            }
            Ok(())
        };
        let mut sent = 0usize;
        let read = (|| -> Result<()> {
            loop {
                let batch = next()?;
                if batch.is_empty() {
                    return Ok(());
                }
                work_tx
                    .send((sent, batch))
                    .map_err(|_| TallyError::from(super::TallyFault::CountingStopped))?;
                sent += 1;
                while let Ok(got) = done_rx.try_recv() {
                    deliver(got)?;
                }
            }
        })();
        // Workers stop once the batches run out (or on an error).
        drop(work_tx);
        read?;
        for got in done_rx {
            deliver(got)?;
        }
        Ok(())
    })
}
