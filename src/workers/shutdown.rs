//! The workers' stop signal, raised when the server stops: from then on a worker takes
//! no new job, finishes the one in hand and returns. What it did not take stays in the
//! persistent queues (deliveries, received activities, peer syncs) for the next start.

use tokio::sync::watch;

/// The side that raises the stop. Dropping it counts as raising it.
pub struct StopSignal(watch::Sender<bool>);

/// The side a worker watches.
#[derive(Clone)]
pub struct Stopping(watch::Receiver<bool>);

pub fn stop_signal() -> (StopSignal, Stopping) {
    let (sender, receiver) = watch::channel(false);
    (StopSignal(sender), Stopping(receiver))
}

impl StopSignal {
    pub fn raise(&self) {
        self.0.send_replace(true);
    }
}

impl Stopping {
    pub fn is_raised(&self) -> bool {
        *self.0.borrow() || self.0.has_changed().is_err()
    }

    /// Resolves once the stop is raised (at once if it already was).
    pub async fn raised(&mut self) {
        // An error means the signal is gone, which is a stop too.
        let _ = self.0.wait_for(|stop| *stop).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_stop_is_seen_once_raised_or_once_its_signal_is_gone() {
        let (signal, mut stopping) = stop_signal();
        assert!(!stopping.is_raised());
        signal.raise();
        assert!(stopping.is_raised());
        stopping.raised().await;

        let (signal, mut stopping) = stop_signal();
        drop(signal);
        assert!(stopping.is_raised());
        stopping.raised().await;
    }
}
