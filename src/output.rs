//! Where bytes go: each scenario's files are written into a temporary folder beside the
//! destination and moved into place only when all of them are written, so a failure or an
//! interruption never leaves half an output folder and never destroys the previous results.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file to write: name inside the scenario folder, and contents.
pub type File = (String, Vec<u8>);

fn unique_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{}-{nanos}", std::process::id())
}

/// Write `files` as the folder `root/name`, replacing any previous folder of that name in one
/// step. Two runs writing the same folder at once each build their own temporary folder; the
/// last to finish wins, and neither sees a mixture.
pub fn write_folder(root: &Path, name: &str, files: &[File]) -> Result<PathBuf> {
    fs::create_dir_all(root).map_err(|e| Error::write(root, e))?;
    let dest = root.join(name);
    let tmp = root.join(format!(".{name}.tmp-{}", unique_suffix()));
    let result = (|| -> Result<()> {
        fs::create_dir(&tmp).map_err(|e| Error::write(&tmp, e))?;
        for (fname, bytes) in files {
            let p = tmp.join(fname);
            if let Some(parent) = p.parent() {
                fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
            }
            fs::write(&p, bytes).map_err(|e| Error::write(&p, e))?;
        }
        // Move the old folder aside, the new one in, then delete the old one.
        let old = root.join(format!(".{name}.old-{}", unique_suffix()));
        let had_old = dest.exists();
        if had_old {
            fs::rename(&dest, &old).map_err(|e| Error::write(&dest, e))?;
        }
        if let Err(e) = fs::rename(&tmp, &dest) {
            if had_old {
                let _ = fs::rename(&old, &dest);
            }
            return Err(Error::write(&dest, e));
        }
        if had_old {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result.map(|_| dest)
}

/// Write one file atomically (temporary name, then rename).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    if !dir.as_os_str().is_empty() {
        fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", unique_suffix()));
    fs::write(&tmp, bytes).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::write(path, e)
    })?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::write(path, e)
    })
}
