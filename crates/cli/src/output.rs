//! Where output lines go: standard output, standard error, or a file that appears only when the
//! run completes.

use std::fmt;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::files::{self, Partial, Stream, Target};
use crate::progress::Progress;

/// Why the command stops with an error.
#[derive(Debug)]
pub(crate) enum Failure {
    /// A usage or I/O error: exit status 2 with this one-line message.
    Fatal(String),
    /// Standard output (or standard error) was closed by the reader (`| head`): stop, and end
    /// as a Unix filter does, by SIGPIPE (a shell reports status 141), never with status 0.
    BrokenPipe,
}

impl Failure {
    pub(crate) fn fatal(message: impl fmt::Display) -> Self {
        Self::Fatal(message.to_string())
    }
}

/// A file written under a temporary name in the same directory and renamed into place when
/// the run completes ([`finish_all`]). Dropped before that (an error, a closed pipe), the
/// temporary file is deleted; on SIGINT, SIGTERM or SIGHUP the signal handler deletes it
/// ([`files::handle_signals`]). While data is written it is private (mode 0600); renamed into
/// place, it has the mode (and, where the system lets us, the owner) of the file it replaces,
/// or the mode of any new file (0666 less the umask).
#[derive(Debug)]
pub(crate) struct AtomicFile {
    path: PathBuf,
    file: BufWriter<NamedTempFile>,
    partial: Partial,
    keep: Keep,
}

/// The permissions a finished file gets.
#[derive(Debug, Clone, Copy)]
struct Keep {
    /// Permission bits.
    mode: u32,
    /// The owner and group of the file replaced.
    owner: Option<(u32, u32)>,
}

impl AtomicFile {
    pub(crate) fn create(path: &Path, replaces: Option<&fs::Metadata>) -> Result<Self, Failure> {
        let cannot =
            |e: io::Error| Failure::Fatal(format!("cannot create {}: {e}", path.display()));
        let name = path
            .file_name()
            .ok_or_else(|| Failure::Fatal(format!("{} is not a file name", path.display())))?;
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
            // Created as any new file is (0666 less the umask) to learn that mode, and made
            // private before any data is written.
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let (temp, partial) = files::create_partial(|| {
            let temp = builder.tempfile_in(dir)?;
            let path = temp.path().to_owned();
            Ok((temp, path))
        })
        .map_err(cannot)?;
        let keep = keep(temp.as_file(), replaces).map_err(cannot)?;
        Ok(Self {
            path: path.to_owned(),
            file: BufWriter::with_capacity(256 * 1024, temp),
            partial,
            keep,
        })
    }

    /// The path the file gets when the run completes.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the file, gives it its final mode and owner and syncs it: ready to be renamed.
    fn finish(self) -> Result<(Ready, Partial), Failure> {
        let path = self.path;
        let fail = |e: io::Error| Failure::Fatal(format!("cannot write {}: {e}", path.display()));
        let temp = self.file.into_inner().map_err(|e| fail(e.into_error()))?;
        set_keep(temp.as_file(), self.keep).map_err(fail)?;
        temp.as_file().sync_all().map_err(fail)?;
        Ok((Ready { temp, path }, self.partial))
    }
}

/// A finished file, to be renamed into place.
#[derive(Debug)]
struct Ready {
    temp: NamedTempFile,
    path: PathBuf,
}

/// Makes the new file `file` private, and says which permissions it gets when finished.
#[cfg(unix)]
fn keep(file: &fs::File, replaces: Option<&fs::Metadata>) -> io::Result<Keep> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let created = file.metadata()?.mode() & 0o777;
    file.set_permissions(fs::Permissions::from_mode(0o600))?;
    Ok(match replaces {
        Some(meta) => Keep {
            mode: meta.mode() & 0o777,
            owner: Some((meta.uid(), meta.gid())),
        },
        None => Keep {
            mode: created,
            owner: None,
        },
    })
}

#[cfg(not(unix))]
fn keep(_: &fs::File, _: Option<&fs::Metadata>) -> io::Result<Keep> {
    Ok(Keep {
        mode: 0,
        owner: None,
    })
}

/// Gives `file` its final owner (where allowed: only root may give a file away, and a user
/// only to a group of theirs) and mode.
#[cfg(unix)]
fn set_keep(file: &fs::File, keep: Keep) -> io::Result<()> {
    use std::os::unix::fs::{fchown, MetadataExt, PermissionsExt};
    if let Some((uid, gid)) = keep.owner {
        let now = file.metadata()?;
        if (now.uid(), now.gid()) != (uid, gid) && fchown(file, Some(uid), Some(gid)).is_err() {
            let _ = fchown(file, None, Some(gid));
        }
    }
    file.set_permissions(fs::Permissions::from_mode(keep.mode))
}

#[cfg(not(unix))]
fn set_keep(_: &fs::File, _: Keep) -> io::Result<()> {
    Ok(())
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
    /// Opens the output that [`files::plan`] chose.
    pub(crate) fn open(target: Target) -> Result<Self, Failure> {
        match target {
            Target::Stream(Stream::Stderr) => Ok(Self::Stderr),
            Target::Stream(_) => Ok(Self::Stdout),
            Target::Special(path) => {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .map_err(|e| Failure::Fatal(format!("cannot open {}: {e}", path.display())))?;
                Ok(Self::Special(path, BufWriter::new(file)))
            }
            Target::File { path, replaces } => {
                Ok(Self::File(AtomicFile::create(&path, replaces.as_ref())?))
            }
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

    /// Flushes a stream; a file is finished, ready to be renamed.
    fn finish(self) -> Result<Option<(Ready, Partial)>, Failure> {
        match self {
            Self::Stdout => io::stdout()
                .lock()
                .flush()
                .map(|()| None)
                .map_err(|e| Self::Stdout.error(e)),
            Self::Stderr => Ok(None),
            Self::File(file) => file.finish().map(Some),
            Self::Special(path, mut file) => file
                .flush()
                .map(|()| None)
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

/// Flushes every output; the files are then ready to be renamed into place by
/// [`Finished::commit`].
pub(crate) fn finish_all(dests: impl IntoIterator<Item = Dest>) -> Result<Finished, Failure> {
    let mut ready = Vec::new();
    for dest in dests {
        ready.extend(dest.finish()?);
    }
    Ok(Finished(ready))
}

/// Finished output files, not renamed into place yet: dropped, they are deleted.
#[derive(Debug)]
#[must_use = "the files appear only when committed"]
pub(crate) struct Finished(Vec<(Ready, Partial)>);

impl Finished {
    /// Renames every file into place, all together: a run leaves all of its files or none.
    pub(crate) fn commit(self) -> Result<(), Failure> {
        files::commit_all(self.0, |Ready { temp, path }| {
            temp.persist(&path).map(drop).map_err(|e| {
                Failure::Fatal(format!("cannot write {}: {}", path.display(), e.error))
            })
        })
    }
}

/// Writes the final summary line to standard error: part of the output, so a failure is one.
pub(crate) fn summary(progress: &Progress, line: &str) -> Result<(), Failure> {
    progress
        .suspend(|| {
            io::stderr()
                .lock()
                .write_all(format!("{line}\n").as_bytes())
        })
        .map_err(|e| Dest::Stderr.error(e))
}

/// Writes a one-line message to standard error, ignoring failures (there is nowhere else to
/// report them).
pub(crate) fn message(progress: &Progress, line: &str) {
    progress.suspend(|| {
        // One write, so that the line is not split by another writer.
        let _ = io::stderr()
            .lock()
            .write_all(format!("{line}\n").as_bytes());
    });
}
