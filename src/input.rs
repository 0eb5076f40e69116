//! Bounded reads of input files: every file tepat reads because a user or another file named it
//! (scenarios, `extends`, basemaps, partial results, imported lists) goes through
//! [`read_regular_file`].
//!
//! - Only regular files are read. Folders, devices (`/dev/zero`), FIFOs and sockets are refused
//!   before a byte is read. The file is opened without blocking (`O_NONBLOCK`, so opening a FIFO
//!   with no writer cannot hang) and its type is checked on the open handle (`fstat`), so a
//!   file swapped for a FIFO between a check and the open is still refused.
//! - The size limit is enforced while reading (at most `max_bytes + 1` bytes are ever read),
//!   not trusted from the reported length, which is 0 for devices and many virtual files.
//! - Errors name the file and the problem, never its content.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Why an input file was not read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The operating system refused (missing file, no permission, ...).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A folder where a file was expected.
    #[error("is a folder, not a file")]
    Folder,
    /// A device, FIFO or socket.
    #[error("is {0}, not a regular file; tepat reads only regular files")]
    NotRegular(&'static str),
    /// Larger than the limit.
    #[error("is larger than {max} bytes, the most tepat reads from this kind of file")]
    TooLarge {
        /// The limit.
        max: u64,
    },
}

/// What kind of file the metadata describes, in words.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "not a regular file"
}

/// The kind of a file that is not a regular one ([`InputError::NotRegular`]) in the words of
/// the run's language: "a character device" in English, "perangkat karakter" in Indonesian.
pub fn kind_words(kind: &str) -> crate::lang::Msg {
    use crate::lang::msg;
    match kind {
        "a character device" => msg!("file-kind-char-device"),
        "a block device" => msg!("file-kind-block-device"),
        "a FIFO (named pipe)" => msg!("file-kind-fifo"),
        "a socket" => msg!("file-kind-socket"),
        _ => msg!("file-kind-other"),
    }
}

fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    o.open(path)
}

/// Read the regular file at `path` (symbolic links followed), at most `max_bytes` bytes.
///
/// Memory: the returned buffer, at most `max_bytes` plus the growth slack of one `Vec`
/// (the buffer is sized from the reported length when that is within the limit).
pub fn read_regular_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(InputError::Folder);
    }
    if !meta.is_file() {
        return Err(InputError::NotRegular(kind_of(&meta)));
    }
    // The reported length only sizes the buffer; the limit is enforced by `take`.
    if meta.len() > max_bytes {
        return Err(InputError::TooLarge { max: max_bytes });
    }
    let mut buf = Vec::with_capacity(meta.len() as usize + 1);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut buf)?;
    if buf.len() as u64 > max_bytes {
        return Err(InputError::TooLarge { max: max_bytes });
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole_up_to_the_limit() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a.txt");
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_regular_file(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_regular_file(&p, 4),
            Err(InputError::TooLarge { max: 4 })
        ));
    }

    #[test]
    fn folders_and_missing_files_are_refused() {
        let d = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_regular_file(d.path(), 10),
            Err(InputError::Folder)
        ));
        assert!(matches!(
            read_regular_file(&d.path().join("nope"), 10),
            Err(InputError::Io(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_before_reading() {
        let t0 = std::time::Instant::now();
        for dev in ["/dev/zero", "/dev/urandom", "/dev/null"] {
            if Path::new(dev).exists() {
                let e = read_regular_file(Path::new(dev), 1 << 30).unwrap_err();
                assert!(e.to_string().contains("character device"), "{dev}: {e}");
            }
        }
        let d = tempfile::tempdir().unwrap();
        let fifo = d.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read_regular_file(&fifo, 10).unwrap_err();
        assert!(e.to_string().contains("FIFO"), "{e}");
        assert!(t0.elapsed().as_secs() < 5, "a refusal must not wait");
    }
}
