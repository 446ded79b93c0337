//! Where output lines go: standard output, standard error, or a file that appears only when the
//! run completes.

use std::fmt;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::progress::Progress;

/// Why the command stops with an error.
#[derive(Debug)]
pub(crate) enum Failure {
    /// A usage or I/O error: exit status 2 with this one-line message.
    Fatal(String),
    /// Standard output (or standard error) was closed by the reader (`| head`): stop quietly.
    BrokenPipe,
}

impl Failure {
    pub(crate) fn fatal(message: impl fmt::Display) -> Self {
        Self::Fatal(message.to_string())
    }
}

/// A file written under a temporary name in the same directory and renamed into place by
/// [`AtomicFile::commit`]. Dropped without a commit (an error, a closed pipe), the temporary
/// file is deleted; a killed process leaves at most a hidden `.NAME.*.partial` file, never a
/// plausible-looking `NAME`.
#[derive(Debug)]
pub(crate) struct AtomicFile {
    path: PathBuf,
    file: BufWriter<NamedTempFile>,
}

impl AtomicFile {
    pub(crate) fn create(path: &Path) -> Result<Self, Failure> {
        let cannot =
            |e: io::Error| Failure::Fatal(format!("cannot create {}: {e}", path.display()));
        let name = path
            .file_name()
            .ok_or_else(|| Failure::Fatal(format!("{} is not a file name", path.display())))?;
        if path.is_dir() {
            return Err(Failure::Fatal(format!("{} is a directory", path.display())));
        }
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut prefix = std::ffi::OsString::from(".");
        prefix.push(name);
        prefix.push(".");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".partial");
        #[cfg(unix)]
        {
            // Like any newly created file (0666 less the umask), not tempfile's private 0600.
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let temp = builder.tempfile_in(dir).map_err(cannot)?;
        Ok(Self {
            path: path.to_owned(),
            file: BufWriter::with_capacity(256 * 1024, temp),
        })
    }

    /// Flushes, syncs and renames the file into place.
    pub(crate) fn commit(self) -> Result<(), Failure> {
        let path = self.path;
        let fail = |e: io::Error| Failure::Fatal(format!("cannot write {}: {e}", path.display()));
        let temp = self.file.into_inner().map_err(|e| fail(e.into_error()))?;
        temp.as_file().sync_all().map_err(fail)?;
        temp.persist(&path).map_err(|e| fail(e.error))?;
        Ok(())
    }
}

/// One output stream.
#[derive(Debug)]
pub(crate) enum Dest {
    Stdout,
    Stderr,
    File(AtomicFile),
    /// An existing path that is not a regular file (`/dev/null`, a named pipe): written in
    /// place, as renaming over it would replace the device or pipe with a file.
    Special(PathBuf, BufWriter<fs::File>),
}

impl Dest {
    /// Standard output for `-` or no path; otherwise the file at `path`, created atomically.
    pub(crate) fn stdout_or(path: Option<&Path>) -> Result<Self, Failure> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Self::Stdout);
        };
        match fs::metadata(path) {
            Ok(meta) if !meta.is_file() && !meta.is_dir() => {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| Failure::Fatal(format!("cannot open {}: {e}", path.display())))?;
                Ok(Self::Special(path.to_owned(), BufWriter::new(file)))
            }
            Ok(_) if path.is_symlink() => {
                // Replace the file the link points to, not the link.
                let target = fs::canonicalize(path).map_err(|e| {
                    Failure::Fatal(format!("cannot resolve {}: {e}", path.display()))
                })?;
                Ok(Self::File(AtomicFile::create(&target)?))
            }
            _ => Ok(Self::File(AtomicFile::create(path)?)),
        }
    }

    /// Writes `bytes`; standard error output waits for the progress bar to step aside.
    pub(crate) fn write(&mut self, bytes: &[u8], progress: &Progress) -> Result<(), Failure> {
        if bytes.is_empty() {
            return Ok(());
        }
        let result = match self {
            Self::Stdout => io::stdout().lock().write_all(bytes),
            Self::Stderr => progress.suspend(|| io::stderr().lock().write_all(bytes)),
            Self::File(file) => file.file.write_all(bytes),
            Self::Special(_, file) => file.write_all(bytes),
        };
        result.map_err(|e| self.error(e))
    }

    /// Flushes and, for a file, renames it into place.
    pub(crate) fn finish(self) -> Result<(), Failure> {
        match self {
            Self::Stdout => io::stdout()
                .lock()
                .flush()
                .map_err(|e| Self::Stdout.error(e)),
            Self::Stderr => Ok(()),
            Self::File(file) => file.commit(),
            Self::Special(path, mut file) => file
                .flush()
                .map_err(|e| Failure::Fatal(format!("cannot write {}: {e}", path.display()))),
        }
    }

    fn error(&self, e: io::Error) -> Failure {
        match self {
            Self::Stdout | Self::Stderr if e.kind() == io::ErrorKind::BrokenPipe => {
                Failure::BrokenPipe
            }
            Self::Stdout => Failure::Fatal(format!("cannot write to standard output: {e}")),
            Self::Stderr => Failure::Fatal(format!("cannot write to standard error: {e}")),
            Self::File(file) => {
                Failure::Fatal(format!("cannot write {}: {e}", file.path.display()))
            }
            Self::Special(path, _) => {
                Failure::Fatal(format!("cannot write {}: {e}", path.display()))
            }
        }
    }
}

/// Writes a one-line message to standard error, ignoring failures (there is nowhere else to
/// report them).
pub(crate) fn message(progress: &Progress, line: &str) {
    progress.suspend(|| {
        let mut err = io::stderr().lock();
        let _ = writeln!(err, "{line}");
    });
}
