//! `contactkit-datagen`: write deterministic, realistic test contacts as NDJSON.

use std::io::{self, ErrorKind};
use std::process::ExitCode;

use contactkit_datagen::{write_ndjson, Config, Vendor};

const USAGE: &str = "\
Usage: contactkit-datagen --vendor <VENDOR> --count <N> [--seed <S>] [--invalid-share <F>]

Write N realistic, multilingual contact records as NDJSON (one JSON object per line) to
standard output. The same seed always gives the same bytes.

Options:
  --vendor <VENDOR>      sequence | intercom | bird | helpscout | canonical
  --count <N>            number of records
  --seed <S>             random seed, an unsigned 64-bit integer [default: 42]
  --invalid-share <F>    share of records made invalid for the vendor in one realistic
                         way, from 0 to 1 [default: 0.1]
  -h, --help             print this help
  -V, --version          print the version";

/// What the command line asked for.
enum Command {
    Run(Config),
    Help,
    Version,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut vendor = None;
    let mut count = None;
    let mut seed = Config::DEFAULT_SEED;
    let mut invalid_share = Config::DEFAULT_INVALID_SHARE;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--vendor" => {
                vendor = Some(
                    value("--vendor")?
                        .parse::<Vendor>()
                        .map_err(|e| e.to_string())?,
                );
            }
            "--count" => {
                let v = value("--count")?;
                count = Some(
                    v.parse::<u64>()
                        .map_err(|_| format!("--count: '{v}' is not a non-negative integer"))?,
                );
            }
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse::<u64>()
                    .map_err(|_| format!("--seed: '{v}' is not an unsigned 64-bit integer"))?;
            }
            "--invalid-share" => {
                let v = value("--invalid-share")?;
                invalid_share = v
                    .parse::<f64>()
                    .ok()
                    .filter(|f| (0.0..=1.0).contains(f))
                    .ok_or_else(|| format!("--invalid-share: '{v}' is not a number from 0 to 1"))?;
            }
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    let vendor = vendor.ok_or("--vendor is required")?;
    let count = count.ok_or("--count is required")?;
    Ok(Command::Run(Config {
        vendor,
        count,
        seed,
        invalid_share,
    }))
}

fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => config,
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("contactkit-datagen {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("contactkit-datagen: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match write_ndjson(&config, io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (e.g. `| head`): stop quietly.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("contactkit-datagen: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_flags_in_both_forms() {
        let Ok(Command::Run(c)) = parse(&[
            "--vendor",
            "bird",
            "--count=5",
            "--seed",
            "7",
            "--invalid-share=0.5",
        ]) else {
            panic!("should parse")
        };
        assert_eq!(
            c,
            Config {
                vendor: Vendor::Bird,
                count: 5,
                seed: 7,
                invalid_share: 0.5
            }
        );
        let Ok(Command::Run(c)) = parse(&["--count", "3", "--vendor=helpscout"]) else {
            panic!()
        };
        assert_eq!((c.seed, c.invalid_share), (42, 0.1));
    }

    #[test]
    fn rejects_bad_input() {
        for args in [
            &["--count", "3"][..],
            &["--vendor", "bird"],
            &["--vendor", "zendesk", "--count", "1"],
            &["--vendor", "bird", "--count", "-1"],
            &["--vendor", "bird", "--count", "1", "--invalid-share", "1.5"],
            &["--vendor", "bird", "--count"],
            &["--vendor", "bird", "--count", "1", "extra"],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
        assert!(matches!(parse(&["--help"]), Ok(Command::Help)));
    }
}
