//! Doing the same work for every learner on all cores: `jobs` scoped threads take the next item
//! until none is left, and a progress bar counts the items done.

use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::ProgressBar;

/// The default number of workers: the machine's cores.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// Runs `work` on every item with up to `jobs` threads and returns the results in item order.
/// `progress` advances by one per finished item.
pub fn for_each_learner<T, R, F>(items: &[T], jobs: usize, progress: &ProgressBar, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let jobs = jobs.clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else { break };
                        mine.push((index, work(item)));
                        progress.inc(1);
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_item_order_whatever_the_number_of_jobs() {
        let items: Vec<u32> = (0..50).collect();
        for jobs in [1, 2, 7, 100] {
            let progress = ProgressBar::hidden();
            let squares = for_each_learner(&items, jobs, &progress, |n| n * n);
            assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
            assert_eq!(progress.position(), 50);
        }
        assert!(for_each_learner(&[] as &[u32], 4, &ProgressBar::hidden(), |n| *n).is_empty());
    }
}
