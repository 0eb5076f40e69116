//! Where bytes go: each scenario's files are written into a temporary folder beside the
//! destination and moved into place only when all of them are written, so a failure or an
//! interruption never leaves half an output folder and never destroys the previous results.
//!
//! Guarantees (tested in `tests/it/faults.rs`):
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
//!   `.NAME.tmp-PID-…` folder beside the destination, never a damaged destination; such
//!   leftovers of processes that no longer run are removed by the next write of that folder.

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
fn move_in(root: &Path, name: &str, tmp: &Path, dest: &Path) -> Result<()> {
    for _ in 0..1000 {
        let old = root.join(format!(".{name}.old-{}", unique_suffix()));
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

/// Remove `.NAME.tmp-PID-…` and `.NAME.old-PID-…` leftovers of processes that no longer run.
fn remove_stale(root: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().to_string();
        let rest = file
            .strip_prefix(&format!(".{name}.tmp-"))
            .or_else(|| file.strip_prefix(&format!(".{name}.old-")));
        let Some(pid) = rest.and_then(|r| r.split('-').next()) else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// Write `files` as the folder `root/name`, replacing any previous folder of that name in one
/// step. Two runs writing the same folder at once each build their own temporary folder; the
/// last to finish wins, and neither sees a mixture (see the module documentation).
pub fn write_folder(root: &Path, name: &str, files: &[File]) -> Result<PathBuf> {
    let dest = root.join(name);
    make_dir(root, &dest)?;
    remove_stale(root, name);
    let tmp = root.join(format!(".{name}.tmp-{}", unique_suffix()));
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
            Swap::Unsupported => move_in(root, name, &tmp, &dest)?,
        }
        sync_dir(root);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
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
        move_in(d.path(), "s", &tmp, &d.path().join("s")).unwrap();
        assert_eq!(fs::read(d.path().join("s/b.csv")).unwrap(), b"2");
        assert!(!d.path().join("s/a.csv").exists());
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[test]
    fn leftovers_of_dead_processes_are_removed() {
        let d = tempfile::tempdir().unwrap();
        // PID 4194304 is above Linux's largest PID, so no process has it.
        let stale = d.path().join(".s.tmp-4194304-1-0");
        fs::create_dir(&stale).unwrap();
        let mine = d.path().join(format!(".s.tmp-{}-1-0", std::process::id()));
        fs::create_dir(&mine).unwrap();
        write_folder(d.path(), "s", &[("a.csv".into(), b"1".to_vec())]).unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists());
        }
        assert!(mine.exists(), "a running process's folder is left alone");
    }
}
