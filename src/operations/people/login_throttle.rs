//! Brute-force throttling of editor logins, in memory (a restart forgives). Failures are
//! counted per client address and per (client address, account) within a window: an
//! address that fails too often is stopped whatever account it tries, and one account is
//! only locked for the address that guessed at it, so an attacker cannot lock an editor
//! out. Which address a request comes from is the web layer's business.

use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// Failed logins allowed from one client address within [`LOGIN_WINDOW_MINUTES`], all
/// accounts together, before it is stopped for the rest of the window.
pub const MAX_FAILURES_PER_ADDRESS: u32 = 20;
/// Failed logins allowed from one client address on one account within the window.
pub const MAX_FAILURES_PER_ACCOUNT: u32 = 5;
pub const LOGIN_WINDOW_MINUTES: i64 = 15;
/// Counters kept at most; beyond, expired ones go first, then the oldest.
pub const MAX_TRACKED: usize = 10_000;

/// What is counted: an address, or an address trying one account (lowercase name).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Address(IpAddr),
    AddressAndAccount(IpAddr, String),
}

/// Failures since the start of the current window.
#[derive(Debug, Clone, Copy)]
struct Window {
    failures: u32,
    since: DateTime<Utc>,
}

impl Window {
    fn end(&self) -> DateTime<Utc> {
        self.since + Duration::minutes(LOGIN_WINDOW_MINUTES)
    }
}

pub struct LoginThrottle {
    windows: Mutex<HashMap<Key, Window>>,
    capacity: usize,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        LoginThrottle::with_capacity(MAX_TRACKED)
    }
}

impl LoginThrottle {
    pub fn with_capacity(capacity: usize) -> LoginThrottle {
        LoginThrottle { windows: Mutex::new(HashMap::new()), capacity: capacity.max(2) }
    }

    /// Seconds to wait when `client` may not try to log in to `account` now.
    pub fn locked_for(&self, client: IpAddr, account: &str, now: DateTime<Utc>) -> Option<i64> {
        let windows = self.windows.lock().ok()?;
        let (address, pair) = keys(client, account);
        [(address, MAX_FAILURES_PER_ADDRESS), (pair, MAX_FAILURES_PER_ACCOUNT)]
            .into_iter()
            .filter_map(|(key, limit)| windows.get(&key).filter(|w| w.failures >= limit && w.end() > now))
            .map(|w| (w.end() - now).num_seconds().max(1))
            .max()
    }

    pub fn record_failure(&self, client: IpAddr, account: &str, now: DateTime<Utc>) {
        let Ok(mut windows) = self.windows.lock() else { return };
        let (address, pair) = keys(client, account);
        for key in [address, pair] {
            if !windows.contains_key(&key) && windows.len() >= self.capacity {
                make_room(&mut windows, self.capacity, now);
            }
            let window = windows.entry(key).or_insert(Window { failures: 0, since: now });
            if window.end() <= now {
                *window = Window { failures: 0, since: now };
            }
            window.failures += 1;
        }
    }

    /// A success forgives this address's failures on this account only: logging in to
    /// one's own account must not reset a count of guesses at others.
    pub fn record_success(&self, client: IpAddr, account: &str) {
        if let Ok(mut windows) = self.windows.lock() {
            windows.remove(&keys(client, account).1);
        }
    }

    #[cfg(test)]
    fn tracked(&self) -> usize {
        self.windows.lock().map(|w| w.len()).unwrap_or_default()
    }
}

fn keys(client: IpAddr, account: &str) -> (Key, Key) {
    let client = network_of(client);
    (Key::Address(client), Key::AddressAndAccount(client, account.trim().to_lowercase()))
}

/// The unit an attacker pays for: an IPv4 address, or the /64 an IPv6 host usually gets
/// whole (any address of it is as cheap as another). IPv4-mapped IPv6 counts as IPv4.
fn network_of(client: IpAddr) -> IpAddr {
    match client {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
        v4 => v4,
    }
}

/// Makes room for one more counter: drops the expired ones, then the oldest until there
/// is room.
fn make_room(windows: &mut HashMap<Key, Window>, capacity: usize, now: DateTime<Utc>) {
    windows.retain(|_, w| w.end() > now);
    while windows.len() >= capacity {
        let Some(oldest) = windows.iter().min_by_key(|(_, w)| w.since).map(|(k, _)| k.clone()) else { return };
        windows.remove(&oldest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    fn fail(throttle: &LoginThrottle, client: &str, account: &str, times: u32, now: DateTime<Utc>) {
        for _ in 0..times {
            throttle.record_failure(ip(client), account, now);
        }
    }

    #[test]
    fn an_account_is_locked_for_the_address_that_guessed_and_freed_when_the_window_ends() {
        let throttle = LoginThrottle::default();
        let start = Utc::now();
        fail(&throttle, "203.0.113.7", "camille", MAX_FAILURES_PER_ACCOUNT - 1, start);
        assert!(throttle.locked_for(ip("203.0.113.7"), "camille", start).is_none());
        fail(&throttle, "203.0.113.7", "camille", 1, start);
        let wait = throttle.locked_for(ip("203.0.113.7"), "Camille ", start).expect("locked, whatever the case");
        assert_eq!(wait, LOGIN_WINDOW_MINUTES * 60);
        assert!(throttle.locked_for(ip("203.0.113.7"), "claire", start).is_none(), "other accounts are open");
        let later = start + Duration::minutes(LOGIN_WINDOW_MINUTES + 1);
        assert!(throttle.locked_for(ip("203.0.113.7"), "camille", later).is_none());
    }

    #[test]
    fn failures_from_one_address_do_not_lock_the_account_for_another() {
        let throttle = LoginThrottle::default();
        let now = Utc::now();
        fail(&throttle, "203.0.113.7", "camille", MAX_FAILURES_PER_ADDRESS * 3, now);
        assert!(throttle.locked_for(ip("203.0.113.7"), "camille", now).is_some());
        assert!(throttle.locked_for(ip("198.51.100.2"), "camille", now).is_none(), "Camille's own address");
    }

    #[test]
    fn an_address_that_fails_on_many_accounts_is_stopped_for_all_of_them() {
        let throttle = LoginThrottle::default();
        let now = Utc::now();
        for n in 0..MAX_FAILURES_PER_ADDRESS {
            assert!(throttle.locked_for(ip("203.0.113.7"), &format!("compte{n}"), now).is_none(), "attempt {n}");
            throttle.record_failure(ip("203.0.113.7"), &format!("compte{n}"), now);
        }
        assert!(throttle.locked_for(ip("203.0.113.7"), "un-compte-jamais-essaye", now).is_some());
        assert!(throttle.locked_for(ip("203.0.113.8"), "compte0", now).is_none(), "another address is not");
    }

    #[test]
    fn a_success_forgives_its_own_account_only() {
        let throttle = LoginThrottle::default();
        let now = Utc::now();
        fail(&throttle, "203.0.113.7", "camille", MAX_FAILURES_PER_ACCOUNT - 1, now);
        fail(&throttle, "203.0.113.7", "autre", MAX_FAILURES_PER_ADDRESS - MAX_FAILURES_PER_ACCOUNT, now);
        throttle.record_success(ip("203.0.113.7"), "camille");
        fail(&throttle, "203.0.113.7", "camille", 1, now);
        assert!(throttle.locked_for(ip("203.0.113.7"), "camille", now).is_some(), "the address count stays");
        let other = LoginThrottle::default();
        fail(&other, "203.0.113.7", "camille", MAX_FAILURES_PER_ACCOUNT - 1, now);
        other.record_success(ip("203.0.113.7"), "camille");
        fail(&other, "203.0.113.7", "camille", 1, now);
        assert!(other.locked_for(ip("203.0.113.7"), "camille", now).is_none(), "the pair count was forgiven");
    }

    #[test]
    fn the_addresses_of_one_ipv6_network_count_together() {
        let throttle = LoginThrottle::default();
        let now = Utc::now();
        for n in 0..MAX_FAILURES_PER_ACCOUNT {
            throttle.record_failure(ip(&format!("2001:db8:1:2::{n:x}")), "camille", now);
        }
        assert!(throttle.locked_for(ip("2001:db8:1:2:ffff::1"), "camille", now).is_some());
        assert!(throttle.locked_for(ip("2001:db8:1:3::1"), "camille", now).is_none());
        fail(&throttle, "::ffff:203.0.113.7", "claire", MAX_FAILURES_PER_ACCOUNT, now);
        assert!(throttle.locked_for(ip("203.0.113.7"), "claire", now).is_some());
    }

    #[test]
    fn memory_is_bounded_and_the_oldest_counters_go_first() {
        let throttle = LoginThrottle::with_capacity(100);
        let start = Utc::now();
        fail(&throttle, "203.0.113.7", "camille", MAX_FAILURES_PER_ACCOUNT, start);
        for n in 0..1_000u32 {
            let client = IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000 + n));
            throttle.record_failure(client, "compte", start + Duration::seconds(i64::from(n) + 1));
        }
        assert!(throttle.tracked() <= 100, "{} counters kept", throttle.tracked());
        assert!(throttle.locked_for(ip("203.0.113.7"), "camille", start).is_none(), "the oldest were evicted");
        let newest = IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000 + 999));
        fail(&throttle, "10.0.3.231", "compte", MAX_FAILURES_PER_ACCOUNT - 1, start + Duration::seconds(1000));
        assert!(throttle.locked_for(newest, "compte", start + Duration::seconds(1000)).is_some(), "recent kept");
    }
}
