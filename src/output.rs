//! Where bytes go: each scenario's files are written into a temporary folder beside the
//! destination and moved into place only when all of them are written, so a failure or an
//! interruption never leaves half an output folder and never destroys the previous results.
//!
//! Guarantees (tested here and in `tests/it/robustness.rs` and `tests/it/received.rs`):
//! - Every file is written under a temporary name, flushed to disk, and renamed into place;
//!   readers see either the previous version or the new one, never a partial file.
//! - A folder is replaced in one atomic step: on Linux by exchanging the new folder with the
//!   old one (`renameat2(RENAME_EXCHANGE)`), so there is no moment without the folder; where
//!   that is not available, by moving the old folder aside, the new one in, and the old one
//!   back if that fails.
//! - Two runs writing the same folder at once each build their own temporary folder; each
//!   replaces the folder whole when it finishes, so the folder ends up as exactly one run's
//!   output (the last to finish), never a mixture, and neither run fails because of the other.
//! - A failure (a full disk, a read-only folder, a path under a file) is an error naming the
//!   path, and removes the temporary folder; the previous folder is untouched.
//! - A process killed while writing (a second Ctrl-C, SIGKILL, a power cut) can leave a hidden
//!   `.NAME.tmp-ID` folder and its `.NAME.lock-ID` file beside the destination, never a damaged
//!   destination. Each writer holds an exclusive `flock` on its lock file while it writes; the
//!   next writer of that folder removes the leftovers whose lock it can take (their writer is
//!   gone), and never those of a live writer, even one on another host or in another PID
//!   namespace (tested with `unshare --pid` in `tests/it/received.rs`).

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// A file to write: name inside the scenario folder, and contents.
pub type File = (String, Vec<u8>);

fn unique_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!(
        "{}-{nanos}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// Create the folder `dir` (and its parents) to write `target` into; the error names `target`,
/// and says so plainly when a parent is a file.
fn make_dir(dir: &Path, target: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| {
        let file = dir.ancestors().find(|a| a.is_file());
        let e = match file {
            Some(f) => std::io::Error::new(
                e.kind(),
                format!("'{}' is a file, not a folder", f.display()),
            ),
            None => e,
        };
        Error::write(target, e)
    })
}

/// Write `bytes` to a new file at `path` and flush it to disk.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Flush a folder's entries (new names) to disk; best effort.
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(target_os = "linux")]
fn renameat2(from: &Path, to: &Path, flags: libc::c_uint) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(from.as_os_str().as_bytes())
        .map_err(|_| std::io::Error::new(ErrorKind::InvalidInput, "NUL in path"))?;
    let b = CString::new(to.as_os_str().as_bytes())
        .map_err(|_| std::io::Error::new(ErrorKind::InvalidInput, "NUL in path"))?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            flags,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// How the atomic replacement ended.
enum Swap {
    /// Done; the previous folder (if any) is now at the temporary path, to be removed.
    Done { had_old: bool },
    /// The file system cannot do it; use the portable way.
    Unsupported,
}

#[cfg(target_os = "linux")]
fn swap_in(tmp: &Path, dest: &Path) -> std::io::Result<Swap> {
    let unsupported = |e: &std::io::Error| {
        matches!(
            e.raw_os_error(),
            Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::EOPNOTSUPP)
        )
    };
    for _ in 0..1000 {
        match renameat2(tmp, dest, libc::RENAME_NOREPLACE) {
            Ok(()) => return Ok(Swap::Done { had_old: false }),
            Err(e) if unsupported(&e) => return Ok(Swap::Unsupported),
            Err(e) if matches!(e.raw_os_error(), Some(libc::EEXIST) | Some(libc::ENOTEMPTY)) => {
                match renameat2(tmp, dest, libc::RENAME_EXCHANGE) {
                    Ok(()) => return Ok(Swap::Done { had_old: true }),
                    // Another writer moved it away in between: try again.
                    Err(e) if e.kind() == ErrorKind::NotFound => continue,
                    Err(e) if unsupported(&e) => return Ok(Swap::Unsupported),
                    Err(e) => return Err(e),
                }
            }
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(
        "the folder kept changing while it was being replaced",
    ))
}

#[cfg(not(target_os = "linux"))]
fn swap_in(_tmp: &Path, _dest: &Path) -> std::io::Result<Swap> {
    Ok(Swap::Unsupported)
}

/// The portable replacement: move the old folder aside, the new one in, then delete the old
/// one. Retried when another writer gets in between.
fn move_in(root: &Path, name: &str, id: &str, tmp: &Path, dest: &Path) -> Result<()> {
    // Under the writer's own ID, so that its lock protects the previous folder while it is
    // set aside.
    let old = root.join(format!(".{name}.old-{id}"));
    for _ in 0..1000 {
        let had_old = match fs::rename(dest, &old) {
            Ok(()) => true,
            Err(e) if e.kind() == ErrorKind::NotFound => false,
            Err(e) => return Err(Error::write(dest, e)),
        };
        match fs::rename(tmp, dest) {
            Ok(()) => {
                if had_old {
                    let _ = fs::remove_dir_all(&old);
                }
                return Ok(());
            }
            Err(e) => {
                if had_old {
                    let _ = fs::rename(&old, dest);
                }
                // Another writer put its folder in place in between: go round again.
                if dest.exists() {
                    continue;
                }
                return Err(Error::write(dest, e));
            }
        }
    }
    Err(Error::Other(format!(
        "could not write '{}': the folder kept changing while it was being replaced",
        dest.display()
    )))
}

/// A writer's claim on its temporary folder: the file `.NAME.lock-ID` beside it, held with an
/// exclusive `flock` for as long as the writer runs. The kernel drops the lock when the process
/// ends in any way (exit, SIGKILL, a crash), on this host or another, and whatever PID namespace
/// it runs in; so another writer removes `.NAME.tmp-ID` (and `.NAME.old-ID`) only if it can take
/// the lock itself. PIDs are not used: in containers and on other hosts they mean nothing.
struct Claim {
    path: PathBuf,
    _file: fs::File,
}

#[cfg(unix)]
fn try_flock(f: &fs::File) -> std::io::Result<bool> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: a valid open file descriptor.
    let r = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if r == 0 {
        return Ok(true);
    }
    let e = std::io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Ok(false)
    } else {
        Err(e)
    }
}

#[cfg(not(unix))]
fn try_flock(_f: &fs::File) -> std::io::Result<bool> {
    Err(std::io::Error::other("no flock on this system"))
}

/// Whether `f` is still the file at `path` (not unlinked and replaced).
fn same_file(f: &fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (f.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (f, path);
        true
    }
}

impl Claim {
    /// Create and lock `.NAME.lock-ID` in `root`, with a fresh ID.
    fn take(root: &Path, name: &str, dest: &Path) -> Result<(Claim, String)> {
        for _ in 0..100 {
            let id = unique_suffix();
            let path = root.join(format!(".{name}.lock-{id}"));
            let file = match fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(f) => f,
                Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(Error::write(dest, e)),
            };
            crate::interrupt::register(&path);
            match try_flock(&file) {
                // Another writer may have taken it for a dead one's between our create and
                // our lock, and removed the name: then start again with another ID.
                Ok(true) if same_file(&file, &path) => {
                    return Ok((Claim { path, _file: file }, id));
                }
                Ok(_) => {}
                // No locks on this file system: go on without (such folders are then never
                // removed by another writer, only by hand).
                Err(_) => return Ok((Claim { path, _file: file }, id)),
            }
            crate::interrupt::unregister(&path);
        }
        Err(Error::Other(format!(
            "could not write '{}': could not take a lock beside it",
            dest.display()
        )))
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        // Unlink while still holding the lock, then close.
        let _ = fs::remove_file(&self.path);
        crate::interrupt::unregister(&self.path);
    }
}

/// Remove the temporary folders of writers of `root/name` that no longer run (their lock file
/// can be locked); a dead writer's `.NAME.old-ID`, the previous folder set aside by the
/// portable replacement, is put back if the folder is missing.
fn remove_stale(root: &Path, name: &str, own_id: &str) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    let prefix = format!(".{name}.lock-");
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().to_string();
        let Some(id) = file.strip_prefix(&prefix) else {
            continue;
        };
        if id == own_id {
            continue;
        }
        let Ok(f) = fs::OpenOptions::new().read(true).open(e.path()) else {
            continue;
        };
        // Locked: a live writer. An error: we cannot tell, so leave it.
        if !matches!(try_flock(&f), Ok(true)) || !same_file(&f, &e.path()) {
            continue;
        }
        let dest = root.join(name);
        let old = root.join(format!(".{name}.old-{id}"));
        if old.is_dir() && !dest.exists() {
            let _ = fs::rename(&old, &dest);
        }
        let _ = fs::remove_dir_all(root.join(format!(".{name}.tmp-{id}")));
        let _ = fs::remove_dir_all(&old);
        let _ = fs::remove_file(e.path());
    }
}

/// Write `files` as the folder `root/name`, replacing any previous folder of that name in one
/// step. Two runs writing the same folder at once each build their own temporary folder; the
/// last to finish wins, and neither sees a mixture (see the module documentation).
pub fn write_folder(root: &Path, name: &str, files: &[File]) -> Result<PathBuf> {
    let dest = root.join(name);
    make_dir(root, &dest)?;
    let (claim, id) = Claim::take(root, name, &dest)?;
    remove_stale(root, name, &id);
    let tmp = root.join(format!(".{name}.tmp-{id}"));
    crate::interrupt::register(&tmp);
    let result = (|| -> Result<()> {
        fs::create_dir(&tmp).map_err(|e| Error::write(&tmp, e))?;
        for (fname, bytes) in files {
            let p = tmp.join(fname);
            if let Some(parent) = p.parent() {
                fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
            }
            write_synced(&p, bytes).map_err(|e| Error::write(&dest.join(fname), e))?;
        }
        sync_dir(&tmp);
        match swap_in(&tmp, &dest).map_err(|e| Error::write(&dest, e))? {
            Swap::Done { had_old } => {
                if had_old {
                    // `tmp` now holds the previous folder.
                    let _ = fs::remove_dir_all(&tmp);
                }
            }
            Swap::Unsupported => move_in(root, name, &id, &tmp, &dest)?,
        }
        sync_dir(root);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    crate::interrupt::unregister(&tmp);
    drop(claim);
    result.map(|_| dest)
}

/// Write one file atomically (temporary name, flushed, then renamed over the old file).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    if !dir.as_os_str().is_empty() {
        make_dir(dir, path)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", unique_suffix()));
    write_synced(&tmp, bytes).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::write(path, e)
    })?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::write(path, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_replaced_whole_and_leaves_nothing_behind() {
        let d = tempfile::tempdir().unwrap();
        write_folder(d.path(), "s", &[("a.csv".into(), b"1".to_vec())]).unwrap();
        write_folder(d.path(), "s", &[("b.csv".into(), b"2".to_vec())]).unwrap();
        let names: Vec<String> = fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, vec!["s".to_string()]);
        assert!(!d.path().join("s/a.csv").exists());
        assert_eq!(fs::read(d.path().join("s/b.csv")).unwrap(), b"2");
    }

    #[test]
    fn the_portable_replacement_also_works() {
        let d = tempfile::tempdir().unwrap();
        write_folder(d.path(), "s", &[("a.csv".into(), b"1".to_vec())]).unwrap();
        let tmp = d.path().join(".s.tmp-x");
        fs::create_dir(&tmp).unwrap();
        fs::write(tmp.join("b.csv"), b"2").unwrap();
        move_in(d.path(), "s", "x", &tmp, &d.path().join("s")).unwrap();
        assert_eq!(fs::read(d.path().join("s/b.csv")).unwrap(), b"2");
        assert!(!d.path().join("s/a.csv").exists());
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[test]
    fn leftovers_of_dead_writers_are_removed_and_live_ones_kept() {
        let d = tempfile::tempdir().unwrap();
        // A dead writer: its lock file is there but nobody holds it.
        let stale = d.path().join(".s.tmp-dead-1");
        fs::create_dir(&stale).unwrap();
        fs::write(d.path().join(".s.lock-dead-1"), b"").unwrap();
        // A live writer (here: a lock held by this test) whose PID means nothing here.
        let live = d.path().join(".s.tmp-4194304-1-0");
        fs::create_dir(&live).unwrap();
        let lock = fs::File::create(d.path().join(".s.lock-4194304-1-0")).unwrap();
        assert!(try_flock(&lock).unwrap());
        // A folder without a lock file (an older tepat): left alone.
        let legacy = d.path().join(".s.tmp-123-1-0");
        fs::create_dir(&legacy).unwrap();
        write_folder(d.path(), "s", &[("a.csv".into(), b"1".to_vec())]).unwrap();
        assert!(!stale.exists(), "a dead writer's folder is removed");
        assert!(!d.path().join(".s.lock-dead-1").exists());
        assert!(live.exists(), "a live writer's folder is left alone");
        assert!(legacy.exists());
        drop(lock);
        write_folder(d.path(), "s", &[("a.csv".into(), b"2".to_vec())]).unwrap();
        assert!(
            !live.exists(),
            "once its writer is gone, the folder is removed"
        );
        // Our own lock file is gone too.
        let left: Vec<String> = fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.contains(".lock-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_dead_writers_previous_folder_set_aside_is_put_back() {
        let d = tempfile::tempdir().unwrap();
        let old = d.path().join(".s.old-dead-2");
        fs::create_dir(&old).unwrap();
        fs::write(old.join("a.csv"), b"previous").unwrap();
        fs::write(d.path().join(".s.lock-dead-2"), b"").unwrap();
        remove_stale(d.path(), "s", "me");
        assert_eq!(fs::read(d.path().join("s/a.csv")).unwrap(), b"previous");
    }
}
