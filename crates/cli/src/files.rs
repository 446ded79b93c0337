//! Every command's files and faults (SECURITY.md, "The command line"): an output never
//! replaces or feeds an input; output files appear only when the run completes; nothing of an
//! interrupted run stays on disk; a closed standard stream is never taken for a working one.
//!
//! Files are told apart by device and inode, so a symbolic link, a hard link, `./x` and `x`,
//! and `/dev/stdin` redirected from a file are all recognised as the file they are.

use std::fs::{self, File, Metadata};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use crate::output::Failure;

/// One of the three standard streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stream {
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,
}

impl Stream {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Stdin => "standard input",
            Self::Stdout => "standard output",
            Self::Stderr => "standard error",
        }
    }
}

/// The standard streams that were closed when the process started.
static CLOSED: OnceLock<[bool; 3]> = OnceLock::new();

/// Finds out which standard streams were closed (`>&-`), so that the command can refuse to
/// write to them instead of losing everything with exit status 0.
///
/// The Rust runtime fills a closed standard stream with `/dev/null` opened for reading and
/// writing before `main` runs (so that no file opened later takes its number); a shell's
/// `>/dev/null` opens it for writing only, `</dev/null` for reading only. So a stream that is
/// `/dev/null` open read-write was closed. Where the runtime did not fill it, this does.
/// Must run before anything opens a file.
pub(crate) fn guard_standard_streams() {
    let closed = [Stream::Stdin, Stream::Stdout, Stream::Stderr].map(|s| match metadata_of(s) {
        Some(Err(e)) => is_bad_fd(&e),
        Some(Ok(meta)) => filled_by_runtime(s, &meta),
        None => false,
    });
    #[cfg(unix)]
    for _ in closed.iter().filter(|&&c| c) {
        // The lowest free descriptor is taken, so in turn each closed one gets filled. The
        // descriptor is kept open for the life of the process.
        use std::os::fd::IntoRawFd;
        if let Ok(null) = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/null")
        {
            let _ = null.into_raw_fd();
        }
    }
    let _ = CLOSED.set(closed);
}

/// Whether `stream` was closed when the process started.
pub(crate) fn is_closed(stream: Stream) -> bool {
    CLOSED.get().is_some_and(|c| c[stream as usize])
}

/// Whether `stream` is `/dev/null` opened for reading and writing.
#[cfg(unix)]
fn filled_by_runtime(stream: Stream, meta: &Metadata) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let is_null = meta.file_type().is_char_device()
        && fs::metadata("/dev/null").is_ok_and(|null| null.rdev() == meta.rdev());
    if !is_null {
        return false;
    }
    let flags = match stream {
        Stream::Stdin => rustix::fs::fcntl_getfl(io::stdin().as_fd()),
        Stream::Stdout => rustix::fs::fcntl_getfl(io::stdout().as_fd()),
        Stream::Stderr => rustix::fs::fcntl_getfl(io::stderr().as_fd()),
    };
    flags.is_ok_and(|f| f & rustix::fs::OFlags::RWMODE == rustix::fs::OFlags::RDWR)
}

#[cfg(not(unix))]
fn filled_by_runtime(_: Stream, _: &Metadata) -> bool {
    false
}

#[cfg(unix)]
fn is_bad_fd(e: &io::Error) -> bool {
    e.raw_os_error() == Some(9) // EBADF
}

#[cfg(not(unix))]
fn is_bad_fd(_: &io::Error) -> bool {
    false
}

/// The metadata of what a standard stream is connected to (`None` where that cannot be asked).
fn metadata_of(stream: Stream) -> Option<io::Result<Metadata>> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = match stream {
            Stream::Stdin => io::stdin().as_fd().try_clone_to_owned(),
            Stream::Stdout => io::stdout().as_fd().try_clone_to_owned(),
            Stream::Stderr => io::stderr().as_fd().try_clone_to_owned(),
        };
        Some(fd.and_then(|fd| File::from(fd).metadata()))
    }
    #[cfg(not(unix))]
    {
        let _ = stream;
        None
    }
}

/// What a standard stream is connected to, unless it was closed.
fn stream_metadata(stream: Stream) -> Option<Metadata> {
    if is_closed(stream) {
        return None;
    }
    metadata_of(stream).and_then(Result::ok)
}

/// A file's identity: its device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    #[cfg(unix)]
    pub(crate) fn of(meta: &Metadata) -> Option<Self> {
        use std::os::unix::fs::MetadataExt;
        Some(Self {
            dev: meta.dev(),
            ino: meta.ino(),
        })
    }

    #[cfg(not(unix))]
    pub(crate) fn of(_: &Metadata) -> Option<Self> {
        None
    }
}

/// A file the command reads: what to call it in a message, and its identity.
#[derive(Debug)]
pub(crate) struct Input {
    pub(crate) what: String,
    pub(crate) id: FileId,
}

impl Input {
    /// The input of a regular file (only regular files can be replaced by an output).
    pub(crate) fn regular(what: String, meta: &Metadata) -> Option<Self> {
        if !meta.is_file() {
            return None;
        }
        FileId::of(meta).map(|id| Self { what, id })
    }

    /// Standard input, when it is redirected from a regular file.
    pub(crate) fn stdin() -> Option<Self> {
        Self::regular(
            "the input (standard input)".to_owned(),
            &stream_metadata(Stream::Stdin)?,
        )
    }
}

/// Where one output goes.
#[derive(Debug)]
pub(crate) enum Target {
    /// A standard stream, written directly: its own position and append mode are kept.
    Stream(Stream),
    /// An existing path that is not a regular file (`/dev/null`, a named pipe): written in
    /// place, as renaming over it would replace the device or pipe with a file.
    Special(PathBuf),
    /// A regular file, written under a temporary name and renamed into place when the run
    /// completes; `replaces` is the file it replaces.
    File {
        path: PathBuf,
        replaces: Option<Metadata>,
    },
}

/// One output of a command: its option, its path (if given) and where it goes without one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Output<'a> {
    pub(crate) flag: &'static str,
    pub(crate) path: Option<&'a Path>,
    /// The stream used without a path (`None`: the output is not written at all).
    pub(crate) default: Option<Stream>,
}

impl<'a> Output<'a> {
    /// `--output PATH`, or standard output.
    pub(crate) fn main(path: Option<&'a Path>) -> Self {
        Self {
            flag: "--output",
            path,
            default: Some(Stream::Stdout),
        }
    }

    /// `--rejects PATH`, or standard error.
    pub(crate) fn rejects(path: Option<&'a Path>) -> Self {
        Self {
            flag: "--rejects",
            path,
            default: Some(Stream::Stderr),
        }
    }

    /// `--report PATH`, or no report.
    pub(crate) fn report(path: Option<&'a Path>) -> Self {
        Self {
            flag: "--report",
            path,
            default: None,
        }
    }
}

/// Decides where each output goes, and refuses before anything is written:
/// - an output that is an input or `--definitions` (the same file, a link to it), or a
///   standard stream redirected to one (it would replace the input, or read what it writes);
/// - two outputs that name the same file;
/// - an output to a standard stream that is closed (`>&-`); `also` lists the streams the
///   command writes besides its outputs (the summary on standard error).
pub(crate) fn plan(
    outputs: &[Output<'_>],
    also: &[Stream],
    inputs: &[Input],
) -> Result<Vec<Option<Target>>, Failure> {
    let mut targets = Vec::with_capacity(outputs.len());
    // (option, key) of each file output, to find two that are one.
    let mut files: Vec<(&'static str, (FileId, Option<std::ffi::OsString>))> = Vec::new();
    for output in outputs {
        let target = match output.path.filter(|p| p.as_os_str() != "-") {
            Some(path) => Some(target(path)?),
            None => output.default.map(Target::Stream),
        };
        let what = |stream: Stream| match output.path {
            Some(path) => format!("{} {} ({})", output.flag, path.display(), stream.name()),
            None => stream.name().to_owned(),
        };
        match &target {
            Some(Target::Stream(stream)) => check_stream(*stream, &what(*stream), inputs)?,
            Some(Target::File { path, replaces }) => {
                let given = output.path.unwrap_or(path);
                let label = format!("{} {}", output.flag, given.display());
                let key = match replaces {
                    Some(meta) => FileId::of(meta).map(|id| (id, None)),
                    None => new_file_key(path),
                };
                if let Some(key) = key {
                    if let Some(input) = inputs.iter().find(|i| i.id == key.0 && key.1.is_none()) {
                        return Err(replaces_input(&label, input));
                    }
                    if let Some((other, _)) = files.iter().find(|(_, k)| *k == key) {
                        return Err(Failure::fatal(format!(
                            "{other} and {} name the same file, {}: each output needs a file \
                             of its own",
                            output.flag,
                            given.display()
                        )));
                    }
                    files.push((output.flag, key));
                }
            }
            Some(Target::Special(_)) | None => {}
        }
        targets.push(target);
    }
    for &stream in also {
        check_stream(stream, stream.name(), inputs)?;
    }
    Ok(targets)
}

/// Where `path` goes.
fn target(path: &Path) -> Result<Target, Failure> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        // A new file (or a dangling link, which is replaced).
        Err(_) => {
            return Ok(Target::File {
                path: path.to_owned(),
                replaces: None,
            })
        }
    };
    if let Some(id) = FileId::of(&meta) {
        // A closed stream too (`--output /dev/stdout >&-`): it is refused as closed.
        for stream in [Stream::Stdout, Stream::Stderr] {
            let same = metadata_of(stream)
                .and_then(Result::ok)
                .and_then(|m| FileId::of(&m))
                .is_some_and(|s| s == id);
            if same {
                return Ok(Target::Stream(stream));
            }
        }
    }
    if meta.is_dir() {
        return Err(Failure::fatal(format!("{} is a directory", path.display())));
    }
    if !meta.is_file() {
        return Ok(Target::Special(path.to_owned()));
    }
    // Replace the file a link points to, not the link.
    let path = if path.is_symlink() {
        fs::canonicalize(path)
            .map_err(|e| Failure::fatal(format!("cannot resolve {}: {e}", path.display())))?
    } else {
        path.to_owned()
    };
    Ok(Target::File {
        path,
        replaces: Some(meta),
    })
}

/// The identity of a file not created yet: its directory and name.
fn new_file_key(path: &Path) -> Option<(FileId, Option<std::ffi::OsString>)> {
    let name = path.file_name()?.to_owned();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let id = FileId::of(&fs::metadata(dir).ok()?)?;
    Some((id, Some(name)))
}

/// Refuses a closed standard stream, and one redirected to an input file.
fn check_stream(stream: Stream, what: &str, inputs: &[Input]) -> Result<(), Failure> {
    if is_closed(stream) {
        return Err(Failure::fatal(format!(
            "{what} is closed, so the output would be lost; redirect it to a file or /dev/null"
        )));
    }
    let id = stream_metadata(stream)
        .filter(Metadata::is_file)
        .and_then(|m| FileId::of(&m));
    match inputs.iter().find(|i| Some(i.id) == id) {
        Some(input) => Err(replaces_input(what, input)),
        None => Ok(()),
    }
}

fn replaces_input(output: &str, input: &Input) -> Failure {
    Failure::fatal(format!(
        "{output} is {}, the same file: an output never replaces or feeds an input; write to \
         another file",
        input.what
    ))
}

// --- Partial files and signals ----------------------------------------------------------------

/// The partial files that exist now (written under a temporary name, not renamed yet).
#[derive(Debug, Default)]
struct Registry {
    next: u64,
    partial: Vec<(u64, PathBuf)>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    next: 0,
    partial: Vec::new(),
});

fn registry() -> MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A registered partial file: removed from the registry when dropped (the temporary file
/// itself is deleted by its own handle).
#[derive(Debug)]
pub(crate) struct Partial {
    id: u64,
}

impl Drop for Partial {
    fn drop(&mut self) {
        registry().partial.retain(|(id, _)| *id != self.id);
    }
}

/// Creates a partial file with `create` (which returns it and its path) and registers it, with
/// the registry locked so that a signal cannot come between the two.
pub(crate) fn create_partial<T>(
    create: impl FnOnce() -> io::Result<(T, PathBuf)>,
) -> io::Result<(T, Partial)> {
    let mut registry = registry();
    let (file, path) = create()?;
    registry.next += 1;
    let id = registry.next;
    registry.partial.push((id, path));
    Ok((file, Partial { id }))
}

/// Runs `rename` for every finished partial file with the registry locked: a signal waits
/// until all of them are in place, so that a run leaves either all of its files or none.
pub(crate) fn commit_all<T>(
    files: Vec<(T, Partial)>,
    mut rename: impl FnMut(T) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let mut registry = registry();
    let mut result = Ok(());
    for (file, partial) in files {
        if result.is_ok() {
            result = rename(file);
        }
        registry.partial.retain(|(id, _)| *id != partial.id);
        // Already unregistered: its drop must not lock the registry again.
        std::mem::forget(partial);
    }
    result
}

/// Installs the handler of SIGINT, SIGTERM and SIGHUP: it deletes every partial file, then
/// ends the process by the same signal (a shell reports 128 + its number: 130, 143, 129).
#[cfg(unix)]
pub(crate) fn handle_signals() -> Result<(), Failure> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
        .map_err(|e| Failure::fatal(format!("cannot set up signal handling: {e}")))?;
    std::thread::Builder::new()
        .name("contactkit-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the process ends: nothing can create or rename a file meanwhile.
                let registry = registry();
                for (_, path) in &registry.partial {
                    let _ = fs::remove_file(path);
                }
                die_of(signal);
            }
        })
        .map_err(|e| Failure::fatal(format!("cannot set up signal handling: {e}")))?;
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn handle_signals() -> Result<(), Failure> {
    Ok(())
}

/// Ends the process by `signal`'s default action, as if it had not been caught; should that
/// not end it, exits with 128 + the signal number, the status a shell reports for it.
#[cfg(unix)]
pub(crate) fn die_of(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}

/// SIGPIPE's number, for a closed pipe.
#[cfg(unix)]
pub(crate) const SIGPIPE: i32 = signal_hook::consts::SIGPIPE;
