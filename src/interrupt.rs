//! Ctrl-C, SIGTERM and SIGHUP: one signal stops a run at any stage within about a second,
//! leaves the previous results in place, and exits with 128 + the signal's number (130 for
//! SIGINT, 143 for SIGTERM, 129 for SIGHUP).
//!
//! The first signal cancels the process's [`token`] (a [`Cancel`]), which commands pass to every
//! run they start, so a simulation stops at the end of its block and the command says how far it
//! got. A watchdog thread makes sure the process ends anyway within [`GRACE`] of the signal,
//! whatever it is doing (drawing charts, writing, comparing strategies, a long block of a
//! national scenario): it removes the temporary folders being written (registered by
//! [`crate::output`]) and exits. Nothing is lost by that:
//! every output folder is moved into place whole, in one step, or not at all. A second signal
//! exits at once.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// A cancel token: cancelling it stops every run that holds it at the end of the blocks in
/// progress (the run returns [`Error::Interrupted`](crate::error::Error::Interrupted)). Clones
/// share one flag. The engine takes one in [`crate::engine::Control`]; it lives here, with the
/// signals that cancel the process's token, so that the utilities import no layer.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// A token that nothing has cancelled yet.
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// Ask every run holding this token to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether the token was cancelled.
    #[inline]
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// How long after the first signal the process ends at the latest.
pub const GRACE: Duration = Duration::from_millis(1000);

/// The cancel token of the process, cancelled by the first signal (made before the handlers
/// are installed, so that the handler only sets its flag).
static TOKEN: OnceLock<Cancel> = OnceLock::new();

/// The cancel token that the first signal cancels: pass it to every run a command starts.
pub fn token() -> Cancel {
    TOKEN.get_or_init(Cancel::new).clone()
}

/// The signal received (0: none yet).
static SIGNAL: AtomicI32 = AtomicI32::new(0);

/// Temporary folders and lock files being written; removed if the process must exit.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The exit code after an interruption: 128 + the signal (130 if none was recorded).
pub fn exit_code() -> u8 {
    match SIGNAL.load(Ordering::SeqCst) {
        s @ 1..=127 => 128 + s as u8,
        _ => 130,
    }
}

/// Whether a signal has been received.
pub fn interrupted() -> bool {
    SIGNAL.load(Ordering::SeqCst) != 0
}

/// Note a temporary path being written (removed if the process is stopped).
pub fn register(p: &std::path::Path) {
    if let Ok(mut v) = LIVE.lock() {
        v.push(p.to_path_buf());
    }
}

/// Forget a temporary path (it was moved into place or removed).
pub fn unregister(p: &std::path::Path) {
    if let Ok(mut v) = LIVE.lock() {
        v.retain(|x| x != p);
    }
}

fn remove_live() {
    // `try_lock`: the main thread holds the lock only for a push or a retain; never wait on
    // it from here.
    for _ in 0..10 {
        if let Ok(v) = LIVE.try_lock() {
            for p in v.iter() {
                if p.is_dir() {
                    let _ = std::fs::remove_dir_all(p);
                } else {
                    let _ = std::fs::remove_file(p);
                }
            }
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[cfg(unix)]
extern "C" fn on_signal(sig: libc::c_int) {
    // Only async-signal-safe work here: atomics and _exit.
    if SIGNAL
        .compare_exchange(0, sig, Ordering::SeqCst, Ordering::SeqCst)
        .is_err()
    {
        // SAFETY: _exit is async-signal-safe.
        unsafe { libc::_exit(128 + sig) };
    }
    if let Some(t) = TOKEN.get() {
        t.cancel();
    }
}

/// Install the handlers and start the watchdog. Call once, from `main`.
pub fn install() {
    let _ = token();
    #[cfg(unix)]
    {
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            // SAFETY: `on_signal` only touches atomics and calls _exit.
            unsafe {
                libc::signal(sig, on_signal as *const () as libc::sighandler_t);
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrlc::set_handler(|| {
            if SIGNAL.swap(2, Ordering::SeqCst) != 0 {
                std::process::exit(130);
            }
            if let Some(t) = TOKEN.get() {
                t.cancel();
            }
        });
    }
    let _ = std::thread::Builder::new()
        .name("interrupt".into())
        .spawn(|| {
            loop {
                std::thread::sleep(Duration::from_millis(20));
                if interrupted() {
                    break;
                }
            }
            eprintln!(
                "\ninterrupted: stopping; the previous results are left in place (a second signal exits at once)"
            );
            std::thread::sleep(GRACE);
            remove_live();
            eprintln!(
                "interrupted: stopped; nothing was written for the scenario in progress, and its previous results are untouched"
            );
            #[cfg(unix)]
            // SAFETY: ends the process without running destructors of other threads' data.
            unsafe {
                libc::_exit(exit_code() as i32)
            };
            #[cfg(not(unix))]
            std::process::exit(exit_code() as i32);
        });
}
